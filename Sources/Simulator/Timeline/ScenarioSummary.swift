import ClusterStateMachine
import SyncEngine

/// The settings a run depends on, in words: enough, with the scenario's YAML, to run it again
/// (profile, refresh schedule, AWS durations and status lag, seed, tool version).
public struct ScenarioSummary: Sendable {
    public let scenario: Scenario

    public init(_ scenario: Scenario) { self.scenario = scenario }

    /// `*/5 * * * * (eks-refresh-cron)` or `every 300 s (eks-refresh)`.
    public var refresh: String {
        switch scenario.profile.refresher {
        case .cron: return "cron \"\(scenario.refresh.cron.source)\" (eks-refresh-cron, UTC)"
        case .timer:
            var s = "every \(scenario.refresh.interval / 1000) s (eks-refresh timer)"
            if scenario.refresh.lastRefresh != 0 { s += ", last refresh at \(DurationText.format(scenario.refresh.lastRefresh))" }
            return s
        }
    }

    /// `EndpointAccessUpdate 1m, LoggingUpdate 30s, …` with the node group durations.
    public var updateDurations: String {
        let aws = scenario.aws
        var parts = aws.updateDurations.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue) \(DurationText.format($0.value))" }
        parts.append("node group version \(DurationText.format(aws.nodegroupVersionUpdate))")
        parts.append("node group create \(DurationText.format(aws.nodegroupCreate))")
        parts.append("node group delete \(DurationText.format(aws.nodegroupDelete))")
        return parts.joined(separator: ", ")
    }

    /// The sync engine's timings, as `settings.timings` spells them.
    public var timings: String {
        SettingsReader.timingKeys.map { "\($0.0) \(DurationText.format(scenario.timings[keyPath: $0.1]))" }
            .joined(separator: ", ")
    }

    /// Label and value pairs, in reading order.
    public var rows: [(String, String)] {
        let s = scenario
        var rows: [(String, String)] = [
            ("scenario", s.name),
            ("file", s.sourcePath),
            ("profile", "\(s.profile.name) — \(s.profile.realVersions)"),
            ("refresher", refresh),
            ("start", RFC3339.format(epochSeconds: s.startEpochSeconds)),
            ("seed", "\(s.seed)"),
            ("AWS update durations", updateDurations),
            ("AWS status lag", DurationText.format(s.aws.statusLag) + " (DescribeCluster keeps saying ACTIVE this long after an update is accepted)"),
            ("AWS config visibility", s.aws.configVisibility.rawValue),
            ("sync timings", timings),
        ]
        if s.policy != .rancher { rows.insert(("sync policy", "\(s.policy.rawValue) — \(s.policy.realCounterpart)"), at: 3) }
        if let until = s.until { rows.append(("until", DurationText.format(until))) }
        rows.append(("tool", ToolVersion.current))
        return rows
    }

    /// One line: `profile … · refresh … · seed … · eks-sync-sim 0.1.0`.
    public var line: String {
        "profile \(scenario.profile.name)\(scenario.policy == .rancher ? "" : " · policy \(scenario.policy.rawValue)") · refresh \(refresh) · status lag \(DurationText.format(scenario.aws.statusLag)) · seed \(scenario.seed) · \(ToolVersion.current)"
    }

    /// The command that runs it again.
    public var command: String {
        let file = scenario.sourcePath.isEmpty ? "\(scenario.name).yaml" : scenario.sourcePath
        return "simctl run \(Self.quoted(file)) --profile \(scenario.profile.name) --seed \(scenario.seed)"
            + (scenario.policy == .rancher ? "" : " --policy \(scenario.policy.rawValue)")
    }

    static func quoted(_ s: String) -> String {
        s.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) } ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
