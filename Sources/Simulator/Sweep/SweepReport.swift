import ClusterStateMachine

/// A sweep for people (an offset axis drawn in the terminal, boundaries explained) and for CI (JSON).
public struct SweepReport: Sendable {
    public let sweep: SweepResult

    public init(_ sweep: SweepResult) { self.sweep = sweep }

    public var json: JSONValue {
        .object([
            ("scenario", .string(sweep.scenario.name)),
            ("policy", .string(sweep.scenario.policy.rawValue)),
            ("step", .int(Int64(sweep.step))),
            ("from", Self.seconds(sweep.from)),
            ("to", Self.seconds(sweep.to)),
            ("runs", .int(Int64(sweep.runs))),
            ("windows", .array(sweep.windows.map { w in
                .object([
                    ("from", Self.seconds(w.from)), ("to", Self.seconds(w.to)),
                    ("lostWrites", .array(w.lost.map { .object([("actor", .string($0.actor.rawValue)), ("field", .string($0.field.raw))]) })),
                    ("opens", .string(w.opens.map { describe($0, edge: "opens") } ?? "at the start of the range")),
                    ("closes", .string(w.closes.map { describe($0, edge: "closes") } ?? "at the end of the range")),
                ])
            })),
            ("refused", .array(sweep.refusedWindows.map { w in
                .object([
                    ("from", Self.seconds(w.from)), ("to", Self.seconds(w.to)),
                    ("writes", .array(w.refused.map { .object([("actor", .string($0.actor.rawValue)), ("field", .string($0.field.raw)),
                                                              ("operation", .string($0.operation)), ("error", .string($0.code))]) })),
                ])
            })),
            ("unrequested", Self.unrequestedJSON(sweep.unrequestedWindows)),
        ])
    }

    /// `[{from, to, unrequestedChanges: [{field}]}]`: where AWS changes something nobody asked for.
    static func unrequestedJSON(_ windows: [SweepSegment]) -> JSONValue {
        .array(windows.map { w in
            .object([("from", seconds(w.from)), ("to", seconds(w.to)),
                     ("unrequestedChanges", .array(w.unrequested.map { .object([("field", .string($0.raw))]) }))])
        })
    }

    /// `changed unasked in [a, b)  (…): nodeGroups.ng1`, a line per window.
    static func unrequestedText(_ windows: [SweepSegment], range: (SweepSegment) -> String) -> String {
        windows.map { w in
            TextWrap.wrap("changed unasked in \(range(w)): " + w.unrequested.map(\.raw).joined(separator: ", "), lead: "  ", continuation: 4)
        }.joined()
    }

    /// The range drawn in `width` characters: █ where some window touches the column, · elsewhere.
    static func bar(_ windows: [SweepSegment], from: SimTime, to: SimTime, width: Int) -> String {
        let span = max(1, to - from)
        return String((0..<width).map { i -> Character in
            let lo = from + span * SimTime(i) / SimTime(width)
            let hi = from + span * SimTime(i + 1) / SimTime(width)
            return windows.contains { $0.from < hi && $0.to > lo } ? "█" : "·"
        })
    }

    /// Seconds, with fractions when needed.
    public static func seconds(_ ms: SimTime) -> JSONValue {
        ms % 1000 == 0 ? .int(ms / 1000) : .double(Double(ms) / 1000)
    }

    public var text: String {
        let s = sweep.scenario
        let step = s.steps[sweep.step]
        let clock = { (t: SimTime) in RFC3339.clockTime(epochSeconds: s.startEpochSeconds, plusMilliseconds: t) }
        var out = "sweep \(s.name): step \(sweep.step) (\(step.actor.rawValue) at \(DurationText.format(step.at))) moved by "
        out += "\(DurationText.format(sweep.from)) to \(DurationText.format(sweep.to)) — \(sweep.runs) run\(sweep.runs == 1 ? "" : "s")"
        out += (s.policy == .rancher ? "" : ", policy \(s.policy.rawValue)") + "\n\n"
        let width = 72
        let bar = Self.bar(sweep.windows, from: sweep.from, to: sweep.to, width: width)
        out += "  offset  " + DurationText.format(sweep.from).padding(toLength: width - 8, withPad: " ", startingAt: 0)
            + DurationText.format(sweep.to) + "\n"
        out += "          " + bar + "\n"
        out += "  step at " + clock(step.at + sweep.from).padding(toLength: width - 8, withPad: " ", startingAt: 0)
            + clock(step.at + sweep.to) + "\n\n"
        if sweep.windows.isEmpty {
            out += "No write is lost anywhere in this range.\n"
        }
        for w in sweep.windows {
            out += TextWrap.wrap("lost in [\(DurationText.format(w.from)), \(DurationText.format(w.to)))  (step at \(clock(step.at + w.from)) up to \(clock(step.at + w.to))): "
                + w.lost.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", "), lead: "  ", continuation: 4)
            out += TextWrap.wrap("opens \(w.opens.map { describe($0, edge: "opens") } ?? "at the start of the range")", lead: "    ", continuation: 6)
            out += TextWrap.wrap("closes \(w.closes.map { describe($0, edge: "closes") } ?? "at the end of the range")", lead: "    ", continuation: 6)
        }
        let unrequested = sweep.unrequestedWindows
        if !unrequested.isEmpty {
            out += "\n" + Self.unrequestedText(unrequested) { w in
                "[\(DurationText.format(w.from)), \(DurationText.format(w.to)))  (step at \(clock(step.at + w.from)) up to \(clock(step.at + w.to)))"
            }
        }
        let refused = sweep.refusedWindows
        if !refused.isEmpty { out += "\n" }
        for w in refused {
            out += TextWrap.wrap("refused in [\(DurationText.format(w.from)), \(DurationText.format(w.to)))  (step at \(clock(step.at + w.from)) up to \(clock(step.at + w.to))): "
                + w.refused.map { "\($0.actor.rawValue) \($0.field) (\($0.operation) → \($0.code))" }.joined(separator: ", "), lead: "  ", continuation: 4)
        }
        return out
    }

    /// "at offset -3m99ms, where the moved step's eks-operator reconcile (+100ms) meets …".
    func describe(_ b: SweepBoundary, edge: String) -> String {
        BoundaryText(scenario: sweep.scenario).describe(b, variable: nil)
    }
}

/// A sweep boundary in words: the value, and the two events whose times cross there.
struct BoundaryText {
    let scenario: Scenario

    /// For a step sweep (`variable` nil): "at offset 2m, where the moved step meets the refresher
    /// tick at 11:05:00". For a parameter: "at eksRefresh = 4m, where the refresher tick (moves
    /// 2·Δ) meets step 1 (rancher) at 11:03:00".
    func describe(_ b: SweepBoundary, variable: String?) -> String {
        let at = variable.map { "at \($0) = \(DurationText.format(b.offset))" } ?? "at offset \(DurationText.format(b.offset))"
        if let note = b.note { return "\(at), where \(note)" }
        let clock = RFC3339.clockTime(epochSeconds: scenario.startEpochSeconds, plusMilliseconds: b.fixedAt)
        guard variable != nil else {
            let delay = "(+\(DurationText.format(b.movingDelay)))"
            let moving = switch b.moving {
            case _ where b.movingDelay == 0: "the moved step"
            case .faultEnds: "the end of the moved step's fault \(delay)"
            case .runEnds: "the end of the run \(delay)"
            default: "the moved step's \(b.moving) \(delay)"
            }
            return "\(at), where \(moving) meets the \(describe(b.fixed)) at \(clock)"
        }
        let rate = { (k: Int64) in k == 0 ? "" : k == 1 ? " (moves Δ)" : " (moves \(k)·Δ)" }
        let the = { (k: WorkKind) in k == .runEnds || k.isStep ? describe(k) : "the " + describe(k) }
        return "\(at), where \(the(b.moving))\(rate(b.movingRate)) meets \(the(b.fixed))\(rate(b.fixedRate)) at \(clock)"
    }

    func describe(_ kind: WorkKind) -> String {
        switch kind {
        case .step(let n): "step \(n) (\(scenario.steps[n].actor.rawValue))"
        case .awsUpdateDone: "completion of \(kind.description.replacingOccurrences(of: " completes", with: ""))"
        default: kind.description
        }
    }
}
