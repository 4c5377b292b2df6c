import ClusterStateMachine
import EventStore
import Simulator

/// `--db`: one cluster's events appended to its own stream as the fleet runs, in batches, each
/// batch expecting the version the last one left (the store's optimistic concurrency). Each
/// stream has its `runs` row (kind `fleet`, the fleet file as its source), so `history`, `state`
/// and `replay` read a fleet's clusters as they read scenario runs.
final class StreamWriter {
    static let batchSize = 512

    let store: EventStore
    let streamId: String
    let runId: Int64
    private var pending: [NewEvent] = []
    private var version: Int64?
    /// The first failure; later events are dropped and `finish` throws it.
    private var failure: (any Error)?

    init(store: EventStore, streamId: String, runId: Int64) {
        self.store = store
        self.streamId = streamId
        self.runId = runId
    }

    /// Inserts the runs row of `cluster` (one cluster of `fleet` under `combination`, run in
    /// `shard`) and returns the writer of its stream.
    static func start(in store: EventStore, fleet: FleetFile, combination: Combination, shard: Shard, cluster: Scenario) throws -> StreamWriter {
        let streamId = streamId(fleet: fleet, combination: combination, cluster: cluster.name)
        let overrides = RunRecorder.Overrides(policy: fleet.policy?.rawValue, kind: "fleet", setting: combination.setting.label,
                                              shard: shard == .whole ? nil : shard.description)
        let runId = try store.insertRun(RunRecord(
            scenarioName: cluster.name, scenarioSource: fleet.source, sourcePath: fleet.sourcePath,
            profile: combination.profile.name, seed: cluster.seed, toolVersion: ToolVersion.current,
            streamId: streamId, options: try overrides.json))
        return StreamWriter(store: store, streamId: streamId, runId: runId)
    }

    func add(_ timed: TimedEvent) {
        guard failure == nil else { return }
        do {
            pending.append(try RunRecorder.encode(timed, runId: runId))
            if pending.count >= Self.batchSize { try flush() }
        } catch {
            failure = error
        }
    }

    /// Appends what is left; throws the first failure of the run.
    func finish() throws {
        if let failure { throw failure }
        try flush()
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        version = try store.append(pending, to: streamId, expectedVersion: version.map { .exact($0) } ?? .noStream)
        pending.removeAll(keepingCapacity: true)
    }

    /// The stream of cluster `cluster` under a combination: `<fleet>/<release>@<setting>/<cluster>`.
    static func streamId(fleet: FleetFile, combination: Combination, cluster: String) -> String {
        // A policy run gets streams of its own: `<fleet>/<release>@<setting>+<policy>/<cluster>`.
        let policy = fleet.policy.map { "+" + $0.rawValue } ?? ""
        return "\(fleet.name)/\(combination.profile.name)@\(combination.setting.label)\(policy)/\(cluster)"
    }
}
