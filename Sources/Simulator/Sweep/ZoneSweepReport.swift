import ClusterStateMachine

/// A two-step sweep for people (each lost region as difference constraints, each cut named by the
/// events that cross there) and for CI (JSON).
public struct ZoneSweepReport: Sendable {
    public let sweep: ZoneSweepResult

    public init(_ sweep: ZoneSweepResult) { self.sweep = sweep }

    static let names = ["0", "d1", "d2"]

    /// `[lo, hi)` of `xᵢ − xⱼ` over the zone (integer bounds taken as half-open intervals).
    static func range(_ z: Zone, _ i: Int, _ j: Int) -> (SimTime, SimTime) {
        (-z.bound[j][i], z.bound[i][j] + 1)
    }

    public var json: JSONValue {
        let s = sweep.scenario
        let (a, b) = sweep.steps
        func interval(_ r: (SimTime, SimTime)) -> JSONValue {
            .object([("from", SweepReport.seconds(r.0)), ("to", SweepReport.seconds(r.1))])
        }
        return .object([
            ("scenario", .string(s.name)),
            ("steps", .array([.int(Int64(a)), .int(Int64(b))])),
            ("from", .array([SweepReport.seconds(sweep.x.lowerBound), SweepReport.seconds(sweep.y.lowerBound)])),
            ("to", .array([SweepReport.seconds(sweep.x.upperBound), SweepReport.seconds(sweep.y.upperBound)])),
            ("runs", .int(Int64(sweep.runs))),
            ("complete", .bool(sweep.complete)),
            ("zones", .array(sweep.lostRegions.map { r in
                .object([
                    ("lostWrites", .array(r.lost.map { .object([("actor", .string($0.actor.rawValue)), ("field", .string($0.field.raw))]) })),
                    ("d1", interval(Self.range(r.zone, 1, 0))),
                    ("d2", interval(Self.range(r.zone, 2, 0))),
                    ("d1MinusD2", interval(Self.range(r.zone, 1, 2))),
                    ("bounds", .array(r.edges.sorted { ($0.i, $0.j) < ($1.i, $1.j) }.map { e in
                        .object([("constraint", .string(constraint(e, r.zone))), ("where", .string(describe(e.crossing)))])
                    })),
                ])
            })),
        ])
    }

    public var text: String {
        let s = sweep.scenario
        let (a, b) = sweep.steps
        let f = DurationText.format
        var out = "sweep \(s.name): step \(a) (\(s.steps[a].actor.rawValue) at \(f(s.steps[a].at))) moved by d1 in [\(f(sweep.x.lowerBound)), \(f(sweep.x.upperBound)))"
        out += ", step \(b) (\(s.steps[b].actor.rawValue) at \(f(s.steps[b].at))) by d2 in [\(f(sweep.y.lowerBound)), \(f(sweep.y.upperBound)))"
        out += " — \(sweep.runs) run\(sweep.runs == 1 ? "" : "s"), \(sweep.regions.count) zone\(sweep.regions.count == 1 ? "" : "s")\n"
        if !sweep.complete { out += "  (run budget exhausted: part of the rectangle is not covered)\n" }
        out += "\n"
        if sweep.lostRegions.isEmpty { out += "No write is lost anywhere in this rectangle.\n" }
        for (n, r) in sweep.lostRegions.enumerated() {
            let x = Self.range(r.zone, 1, 0), y = Self.range(r.zone, 2, 0), dxy = Self.range(r.zone, 1, 2)
            out += "  zone \(n + 1): d1 in [\(f(x.0)), \(f(x.1))), d2 in [\(f(y.0)), \(f(y.1))), d1 - d2 in [\(f(dxy.0)), \(f(dxy.1))): "
            out += r.lost.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", ") + "\n"
            for e in r.edges.sorted(by: { ($0.i, $0.j) < ($1.i, $1.j) }) {
                out += "    \(constraint(e, r.zone)): where \(describe(e.crossing))\n"
            }
        }
        return out
    }

    /// `d1 - d2 < 3m` for bound x₁ − x₂ ≤ 3m − 1 ms.
    func constraint(_ e: ZoneEdge, _ z: Zone) -> String {
        let c = z.bound[e.i][e.j]
        switch (e.i, e.j) {
        case (_, 0): return "\(Self.names[e.i]) < \(DurationText.format(c + 1))"
        case (0, _): return "\(Self.names[e.j]) >= \(DurationText.format(-c))"
        default: return "\(Self.names[e.i]) - \(Self.names[e.j]) < \(DurationText.format(c + 1))"
        }
    }

    /// "step 1's eks-operator reconcile meets step 0 (console)".
    func describe(_ c: Crossing) -> String {
        "\(describe(c.first, c.firstRate, c.firstAt)) meets \(describe(c.other, c.otherRate, c.otherAt))"
    }

    private func describe(_ kind: WorkKind, _ rate: Rate, _ at: SimTime) -> String {
        let words = BoundaryText(scenario: sweep.scenario)
        let step = rate.x != 0 ? sweep.steps.0 : rate.y != 0 ? sweep.steps.1 : nil
        if let step {
            if kind == .step(step) { return "step \(step) (\(sweep.scenario.steps[step].actor.rawValue))" }
            return "step \(step)'s \(words.describe(kind))"
        }
        return "the \(words.describe(kind)) at \(RFC3339.clockTime(epochSeconds: sweep.scenario.startEpochSeconds, plusMilliseconds: at))"
    }
}
