import ClusterStateMachine
import Simulator

/// The reconstructed scenario as a scenario file: JSON values (valid YAML flow) under the keys of
/// CONTRACT.md §1, each step commented with who made it and the record it came from.
enum ScenarioText {
    static func render(name: String, evidence: Evidence, start: Int64, profile: String, settings: String, bounds: [DurationBound],
                       block: [(String, JSONValue)], managed: String, steps: [PersonStep], ticks: [Int64], failedReads: [CloudTrailRecord],
                       failedUpdates: [CloudTrailRecord]) -> String {
        var y = "# Reconstructed by simctl audit from real records; times are whole seconds as the records give them.\n"
        y += "name: \(name)\n"
        y += "description: >\n  What the records of cluster \(evidence.clusterName) show, as a scenario the model replays.\n"
        y += "start: \(RFC3339.format(epochSeconds: start / 1000))\n"
        y += "profile: \(profile)\n"
        y += "settings:\n" + settings
        var durations: [UpdateType: SimTime] = [:]
        for b in bounds where durations[b.updateType] == nil { durations[b.updateType] = b.chosen }
        if !durations.isEmpty {
            y += "aws:\n  updateDurations:\n"
            for type in durations.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                y += "    \(type.rawValue): \(DurationText.format(durations[type]!))\n"
            }
        }
        y += "cluster:\n"
        for (key, value) in block { y += "  \(key): \(value.rendered(pretty: false))\n" }
        y += "rancher:\n  managed: \(managed)\n"
        y += steps.isEmpty && failedReads.isEmpty && failedUpdates.isEmpty ? "steps: []\n" : "steps:\n"
        for s in steps {
            let set = s.changes.filter { $0.value != nil }
            let unset = s.changes.filter { $0.value == nil }
            var parts = ["at: \(DurationText.format(s.at - start))", "actor: \(s.actor.rawValue)"]
            if !set.isEmpty { parts.append("set: {" + set.map { "\(JSONValue.string($0.path.raw)): \($0.value!.json)" }.joined(separator: ", ") + "}") }
            if !unset.isEmpty { parts.append("unset: [" + unset.map { JSONValue.string($0.path.raw).description }.joined(separator: ", ") + "]") }
            y += "  - {" + parts.joined(separator: ", ") + "}   # \(s.who), \(s.source)\n"
        }
        // DescribeUpdate says the update ended Failed: AWS fails the next update, armed 1 ms before the call.
        for r in failedUpdates {
            y += "  - {at: \(DurationText.format(r.eventTime - start - 1)), actor: aws, failNextUpdate: true}   # DescribeUpdate \(r.updateID ?? ""): Failed\n"
        }
        // A read AWS refused: the model refuses it too, as an empty token bucket for one second.
        // It is armed 1 ms before the tick whose burst holds the read (at one millisecond the tick, a
        // machine, runs before any step) and lasts past the read.
        for r in failedReads {
            let tick = ticks.last { $0 <= r.eventTime && r.eventTime - $0 <= Attribution.burstGap } ?? r.eventTime
            y += "  - {at: \(DurationText.format(tick - start - 1)), actor: aws, throttle: {operation: \(r.eventName), ratePerSecond: 0, burst: 0, for: \(DurationText.format(r.eventTime - tick + 1001))}}"
            y += "   # the refresher's \(r.eventName) refused: \(r.errorCode ?? ""), \(r.file): \(r.location)\n"
        }
        return y
    }


    static func slug(_ name: String) -> String {
        String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
