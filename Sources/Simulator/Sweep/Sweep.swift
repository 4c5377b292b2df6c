import ClusterStateMachine

/// Exact race windows (ARCHITECTURE.md, "Exact race windows").
///
/// With integer time and one swept variable d (a step's offset, or a timing parameter), every work
/// item's time is `base + k·d` for a small integer rate k (0 for fixed work, 1 for a moved step's
/// work, k for the k-th timer tick when `eksRefresh` is swept), so the outcome only changes where
/// two such times cross. Each run records the comparisons the scheduler made between items of
/// different rates; the outcome is constant up to the nearest crossing, so the sweep jumps there
/// and runs again. An offset where two times tie gets a run of its own (ties break by insertion
/// order), then the sweep resumes 1 ms later; a crossing between whole milliseconds (rates that
/// differ by more than 1) is taken at the first millisecond past it.
public enum Sweep {
    /// Sweeps step `step` over `[from, to)`; each run stops after `maxEvents` (an operator stuck in
    /// a retry loop at some offsets would otherwise run each probe to the simulator's cap).
    public static func run(_ scenario: Scenario, step: Int, from: SimTime, to: SimTime,
                           maxEvents: Int = RunOptions().maxEvents) -> SweepResult {
        let stepAt = scenario.steps[step].at
        let (segments, runs) = segments(from: from, to: to, breaks: []) { d in
            (Simulation(scenario: scenario, options: RunOptions(movedStep: step, offset: d, maxEvents: maxEvents)).run(), stepAt + d)
        }
        return SweepResult(scenario: scenario, step: step, from: from, to: to, segments: segments, runs: runs)
    }

    /// The constant-outcome segments of one swept variable over `[from, to)`. `run(d)` runs the
    /// scenario at d and says where the moved step is then (for naming boundaries); `breaks` are
    /// values at which the model switches behaviour, each a boundary of its own.
    static func segments(from: SimTime, to: SimTime, breaks: [(value: SimTime, why: String)],
                         run: (SimTime) -> (RunResult, SimTime)) -> ([SweepSegment], Int) {
        var segments: [SweepSegment] = []
        var runs = 0
        var d = from
        var opens: SweepBoundary?
        while d < to {
            let (result, stepAt) = run(d)
            runs += 1
            let findings = LostWriteChecker.check(result)
            let lost = findings.lost.map { ExpectedLostWrite(actor: $0.write.actor, field: $0.write.path) }.sorted()
            let refused = Set(findings.refused.map { SweepRefusal($0) }).sorted()
            let unrequested = Self.unrequested(findings)
            var next = to
            var closes: SweepBoundary?
            if let b = breaks.filter({ $0.value > d && $0.value < to }).min(by: { $0.value < $1.value }) {
                next = b.value
                closes = SweepBoundary(offset: b.value, moving: .runEnds, movingDelay: 0, fixed: .runEnds, fixedAt: 0, note: b.why)
            }
            var tie: SweepBoundary?
            for c in result.crossings {
                let r = c.firstRate.x - c.otherRate.x
                let gap = c.otherAt - c.firstAt
                guard r != 0 else { continue }
                let boundary = { (offset: SimTime) in Self.boundary(c, at: offset, from: d, stepAt: stepAt) }
                if gap == 0 {
                    let b = boundary(d)
                    if tie.map({ Self.rank(b) < Self.rank($0) }) ?? true { tie = b }
                    continue
                }
                // They meet at δ = gap / r (the end of the run can lie before work run after it,
                // so gap may be negative); only a meeting ahead counts, taken at the first whole
                // millisecond at or past it.
                guard (gap > 0) == (r > 0) else { continue }
                let offset = d + (abs(gap) + abs(r) - 1) / abs(r)
                if offset < next || (offset == next && closes.map { $0.note == nil && Self.rank(boundary(offset)) < Self.rank($0) } ?? true) {
                    next = offset
                    closes = boundary(offset)
                }
            }
            // A tie gets a run of its own; it names the boundary 1 ms later unless a crossing
            // there names it better.
            if let tie, next > d + 1 || closes.map({ $0.note == nil && Self.rank(tie) < Self.rank($0) }) ?? true {
                next = d + 1
                closes = tie
                closes?.offset = d + 1
            }
            if var last = segments.last, last.lost == lost, last.refused == refused, last.unrequested == unrequested, last.to == d {
                last.to = next
                last.closes = closes
                segments[segments.count - 1] = last
            } else {
                segments.append(SweepSegment(from: d, to: next, lost: lost, refused: refused, unrequested: unrequested,
                                             opens: opens, closes: closes))
            }
            opens = closes
            d = next
        }
        return (segments, runs)
    }

    /// The fields a run's AWS changed unasked, each once, sorted.
    static func unrequested(_ findings: Findings) -> [FieldPath] {
        Set(findings.unrequestedChanges.map(\.field)).sorted { $0.raw < $1.raw }
    }

    /// Crossing `c`, recorded in the run at `d`, as the boundary at `offset`: the faster item is the
    /// moving side, the other's time is taken at that offset.
    static func boundary(_ c: Crossing, at offset: SimTime, from d: SimTime, stepAt: SimTime) -> SweepBoundary {
        let fast = c.firstRate.x > c.otherRate.x
        let (m, mAt, mRate) = fast ? (c.first, c.firstAt, c.firstRate.x) : (c.other, c.otherAt, c.otherRate.x)
        let (f, fAt, fRate) = fast ? (c.other, c.otherAt, c.otherRate.x) : (c.first, c.firstAt, c.firstRate.x)
        let fixedAt: SimTime = fAt + fRate * (offset - d)
        return SweepBoundary(offset: offset, moving: m, movingDelay: mAt - stepAt, fixed: f, fixedAt: fixedAt,
                             movingRate: mRate, fixedRate: fRate)
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
