import ClusterStateMachine

/// Exact race windows (ARCHITECTURE.md, "Exact race windows").
///
/// With integer time and one step moved by an offset d, every event time is either independent of
/// d or `base + d`, so the outcome only changes where two such times cross. Each run records the
/// comparisons the scheduler made between moving and fixed work; the outcome is constant up to the
/// nearest crossing, so the sweep jumps there and runs again. An offset where two times tie gets a
/// run of its own (ties break by insertion order), then the sweep resumes 1 ms later.
public enum Sweep {
    public static func run(_ scenario: Scenario, step: Int, from: SimTime, to: SimTime) -> SweepResult {
        var segments: [SweepSegment] = []
        var runs = 0
        var d = from
        var opens: SweepBoundary?
        while d < to {
            let result = Simulation(scenario: scenario, options: RunOptions(movedStep: step, offset: d)).run()
            runs += 1
            let findings = LostWriteChecker.check(result)
            let lost = findings.lost.map { ExpectedLostWrite(actor: $0.write.actor, field: $0.write.path) }.sorted()
            let refused = Set(findings.refused.map { SweepRefusal($0) }).sorted()
            let stepAt = scenario.steps[step].at + d
            var next = to
            var closes: SweepBoundary?
            var tie: SweepBoundary?
            for c in result.crossings {
                let offset = d + (c.fixedAt - c.movingAt)
                let boundary = SweepBoundary(offset: offset, moving: c.moving, movingDelay: c.movingAt - stepAt, fixed: c.fixed, fixedAt: c.fixedAt)
                if offset == d, tie.map({ Self.rank(boundary) < Self.rank($0) }) ?? true { tie = boundary }
                if offset > d && (offset < next || (offset == next && closes.map { Self.rank(boundary) < Self.rank($0) } ?? true)) {
                    next = offset
                    closes = boundary
                }
            }
            if let tie, next > d + 1 {
                next = d + 1
                closes = SweepBoundary(offset: d + 1, moving: tie.moving, movingDelay: tie.movingDelay, fixed: tie.fixed, fixedAt: tie.fixedAt)
            }
            if var last = segments.last, last.lost == lost, last.refused == refused, last.to == d {
                last.to = next
                last.closes = closes
                segments[segments.count - 1] = last
            } else {
                segments.append(SweepSegment(from: d, to: next, lost: lost, refused: refused, opens: opens, closes: closes))
            }
            opens = closes
            d = next
        }
        return SweepResult(scenario: scenario, step: step, from: from, to: to, segments: segments, runs: runs)
    }

    /// When several crossings fall on one offset, the one that names the boundary best: a person's
    /// step, then the moved step itself, then AWS finishing something, then the rest.
    static func rank(_ b: SweepBoundary) -> Int {
        switch (b.fixed, b.moving) {
        case (.step, _): 0
        case (_, .step): 1
        case (.awsUpdateDone, _), (.awsNodegroupDone, _): 2
        case (.refresherTick, _): 3
        default: 4
        }
    }
}
