import ClusterStateMachine
import SyncEngine
import Yams

/// Reads `settings:`: Rancher's refresh settings and the sync engine's timing parameters.
struct SettingsReader {
    let reader: YAMLReader

    /// `settings.timings` keys and the `SyncTimings` property each sets.
    nonisolated(unsafe) static let timingKeys: [(String, WritableKeyPath<SyncTimings, SimTime>)] = [
        ("operatorPoll", \.operatorPoll), ("operatorRequeue", \.operatorRequeue),
        ("operatorWatchLatency", \.operatorWatchLatency), ("operatorErrorBase", \.operatorErrorBase),
        ("operatorErrorCap", \.operatorErrorCap), ("bridgeWatchTimeout", \.bridgeWatchTimeout),
        ("bridgeRequeue", \.bridgeRequeue), ("bridgeLatency", \.bridgeLatency),
        ("operatorErrorSlow", \.operatorErrorSlow), ("clientGoErrorCap", \.clientGoErrorCap),
        ("conflictRetry", \.conflictRetry),
    ]

    /// Returns the keys the scenario gave (so a cron under a timer profile can be converted).
    @discardableResult
    func read(_ node: Node, refresh: inout RefreshSettings, timings: inout SyncTimings) throws(ScenarioError) -> Set<String> {
        var given = Set<String>()
        for (key, _, value) in try reader.mapping(node, "settings", allowed: ["eksRefreshCron", "eksRefresh", "lastRefresh", "timings"]) {
            given.insert(key)
            switch key {
            case "eksRefreshCron":
                let text = try reader.string(value, "settings.eksRefreshCron")
                do {
                    refresh.cron = try CronExpression(parsing: text)
                } catch {
                    throw reader.error(value, "settings.eksRefreshCron: \(error)")
                }
            case "eksRefresh":
                let limit = DurationText.maximum / .second
                let seconds = try reader.int(value, "settings.eksRefresh (seconds)", upTo: Int(limit))
                guard seconds > 0 else { throw reader.error(value, "settings.eksRefresh: expected a number of seconds > 0") }
                refresh.interval = SimTime(seconds) * .second
            case "lastRefresh":
                refresh.lastRefresh = try reader.duration(value, "settings.lastRefresh", allowNegative: true)
            default:
                let names = Self.timingKeys.map(\.0)
                for (name, _, v) in try reader.mapping(value, "settings.timings", allowed: names) {
                    let keyPath = Self.timingKeys.first { $0.0 == name }!.1
                    timings[keyPath: keyPath] = try reader.duration(v, "settings.timings.\(name)")
                }
            }
        }
        return given
    }
}
