import ClusterStateMachine

/// `simctl sweep FILE --param NAME --from V --to V`: the values of a timing parameter at which
/// writes are lost.
///
/// Exact parameters use the crossing method of `Sweep` with the parameter as the variable: each
/// run sets the parameter and records how every work item's time depends on it (see
/// `TimingParameter`); a crossing of items whose rates differ by r after a gap g is at Δ = g / r.
/// Parameters the simulator cannot attribute are run on a grid, and the result says so.
public enum ParameterSweep {
    public static func run(_ scenario: Scenario, parameter: TimingParameter, from: SimTime, to: SimTime,
                           grid: SimTime? = nil) -> ParameterSweepResult {
        if parameter.isExact {
            let (segments, runs) = Sweep.segments(from: from, to: to, breaks: parameter.switchPoints(in: scenario)) { v in
                (Simulation(scenario: parameter.applied(v, to: scenario), options: RunOptions(parameter: parameter)).run(), 0)
            }
            return ParameterSweepResult(scenario: scenario, parameter: parameter, from: from, to: to,
                                        segments: segments, runs: runs, grid: nil)
        }
        let step = max(1, grid ?? max(1, (to - from) / 100))
        var segments: [SweepSegment] = []
        var runs = 0
        for v in stride(from: from, to: to, by: Int(step)).map({ SimTime($0) }) {
            let result = Simulation(scenario: parameter.applied(v, to: scenario)).run()
            runs += 1
            let findings = LostWriteChecker.check(result)
            let lost = findings.lost.map { ExpectedLostWrite(actor: $0.write.actor, field: $0.write.path) }.sorted()
            let refused = Set(findings.refused.map { SweepRefusal($0) }).sorted()
            let unrequested = Sweep.unrequested(findings)
            let end = min(to, v + step)
            if var last = segments.last, last.lost == lost, last.refused == refused, last.unrequested == unrequested {
                last.to = end
                segments[segments.count - 1] = last
            } else {
                let edge = segments.last.map { _ in
                    SweepBoundary(offset: v, moving: .runEnds, movingDelay: 0, fixed: .runEnds, fixedAt: 0,
                                  note: "between the grid points \(DurationText.format(v - step)) and \(DurationText.format(v))")
                }
                if let edge { segments[segments.count - 1].closes = edge }
                segments.append(SweepSegment(from: v, to: end, lost: lost, refused: refused, unrequested: unrequested, opens: edge, closes: nil))
            }
        }
        return ParameterSweepResult(scenario: scenario, parameter: parameter, from: from, to: to,
                                    segments: segments, runs: runs, grid: step)
    }
}

/// The values of one timing parameter over which the same writes are lost.
public struct ParameterSweepResult: Sendable {
    public var scenario: Scenario
    public var parameter: TimingParameter
    /// The parameter's range, `[from, to)`, in milliseconds.
    public var from: SimTime
    public var to: SimTime
    /// Every maximal interval of constant outcome, in order.
    public var segments: [SweepSegment]
    public var runs: Int
    /// The grid spacing, for parameters swept on a grid; nil when the windows are exact.
    public var grid: SimTime?

    /// The segments in which some write is lost.
    public var windows: [SweepSegment] { segments.filter { !$0.lost.isEmpty } }
    /// The values at which AWS changes something nobody asked for.
    public var unrequestedWindows: [SweepSegment] { SweepResult.merged(segments, by: \.unrequested) }
}
