import EventStore
import Fleet
import Simulator

/// What `history` and `state` need of a recorded run: when it started, how AWS was modeled, and
/// how to name it. A scenario run stores its scenario; one cluster of `simctl fleet --db` stores
/// the fleet file (runs row kind `fleet`).
struct StoredRun {
    var startEpochSeconds: Int64
    var aws: AWSModelParameters
    /// `run 3: demo (profile rancher-2.5.7, seed 0)`, or for a fleet's cluster
    /// `run 3: fleet-200-017 of fleet fleet-200 (profile rancher-2.5.7, eksRefresh 300 s, seed …)`.
    var title: String

    /// Throws the loader's error when the stored scenario or fleet file no longer loads.
    init(_ record: RunRecord) throws {
        let overrides = RunRecorder.Overrides.of(record)
        if overrides.kind == "fleet" {
            let fleet = try FleetLoader.parse(record.scenarioSource, path: record.sourcePath)
            let setting = overrides.setting.map { Int($0) != nil ? "eksRefresh \($0) s" : "eksRefreshCron \"\($0)\"" }
            startEpochSeconds = fleet.startEpochSeconds
            aws = fleet.aws
            title = "run \(record.id): \(record.scenarioName) of fleet \(fleet.name) (profile \(record.profile)"
                + (setting.map { ", \($0)" } ?? "") + (overrides.policy.map { ", policy \($0)" } ?? "") + (overrides.shard.map { ", shard \($0)" } ?? "") + ", seed \(record.seed))"
            return
        }
        let scenario = try ScenarioLoader.parse(record.scenarioSource, path: record.sourcePath)
        startEpochSeconds = scenario.startEpochSeconds
        aws = scenario.aws
        title = "run \(record.id): \(record.scenarioName) (profile \(record.profile), seed \(record.seed))"
    }
}
