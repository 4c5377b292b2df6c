import ClusterStateMachine

/// A parameter sweep for people (a value axis drawn in the terminal, boundaries explained) and
/// for CI (JSON).
public struct ParameterSweepReport: Sendable {
    public let sweep: ParameterSweepResult

    public init(_ sweep: ParameterSweepResult) { self.sweep = sweep }

    public var json: JSONValue {
        let text = BoundaryText(scenario: sweep.scenario)
        let name = sweep.parameter.description
        var keys: [(String, JSONValue)] = [
            ("scenario", .string(sweep.scenario.name)),
            ("parameter", .string(name)),
            ("from", SweepReport.seconds(sweep.from)),
            ("to", SweepReport.seconds(sweep.to)),
            ("exact", .bool(sweep.grid == nil)),
        ]
        if let grid = sweep.grid { keys.append(("grid", SweepReport.seconds(grid))) }
        keys.append(("runs", .int(Int64(sweep.runs))))
        keys.append(("windows", .array(sweep.windows.map { w in
            .object([
                ("from", SweepReport.seconds(w.from)), ("to", SweepReport.seconds(w.to)),
                ("lostWrites", .array(w.lost.map { .object([("actor", .string($0.actor.rawValue)), ("field", .string($0.field.raw))]) })),
                ("opens", .string(w.opens.map { text.describe($0, variable: name) } ?? "at the start of the range")),
                ("closes", .string(w.closes.map { text.describe($0, variable: name) } ?? "at the end of the range")),
            ])
        })))
        keys.append(("unrequested", SweepReport.unrequestedJSON(sweep.unrequestedWindows)))
        return .object(keys)
    }

    public var text: String {
        let s = sweep.scenario
        let name = sweep.parameter.description
        let words = BoundaryText(scenario: s)
        let method = sweep.grid.map { "on a \(DurationText.format($0)) grid: each boundary lies within one grid step before the value shown" }
            ?? "exact"
        var out = "sweep \(s.name): \(name) from \(DurationText.format(sweep.from)) to \(DurationText.format(sweep.to))"
        out += " (\(s.profile.name), as written \(DurationText.format(sweep.parameter.value(in: s)))) — \(sweep.runs) run\(sweep.runs == 1 ? "" : "s"), \(method)\n"
        if let unused = unusedNote { out += "  \(unused)\n" }
        out += "\n"
        let width = 72
        let bar = SweepReport.bar(sweep.windows, from: sweep.from, to: sweep.to, width: width)
        out += "  \(name)\n"
        out += "  " + DurationText.format(sweep.from).padding(toLength: width - 8, withPad: " ", startingAt: 0)
            + DurationText.format(sweep.to) + "\n"
        out += "  " + bar + "\n\n"
        if sweep.windows.isEmpty { out += "No write is lost anywhere in this range.\n" }
        for w in sweep.windows {
            out += "  lost for \(name) in [\(DurationText.format(w.from)), \(DurationText.format(w.to))): "
            out += w.lost.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", ") + "\n"
            out += "    opens \(w.opens.map { words.describe($0, variable: name) } ?? "at the start of the range")\n"
            out += "    closes \(w.closes.map { words.describe($0, variable: name) } ?? "at the end of the range")\n"
        }
        let unrequested = sweep.unrequestedWindows
        if !unrequested.isEmpty {
            out += "\n" + SweepReport.unrequestedText(unrequested) { "for \(name) in [\(DurationText.format($0.from)), \(DurationText.format($0.to)))" }
        }
        return out
    }

    /// The cron profile reads neither `eksRefresh` nor `lastRefresh`.
    var unusedNote: String? {
        guard sweep.scenario.profile.refresher == .cron, sweep.parameter == .eksRefresh || sweep.parameter == .lastRefresh else { return nil }
        return "(\(sweep.scenario.profile.name) refreshes by eksRefreshCron: \(sweep.parameter) does not change the outcome)"
    }
}
