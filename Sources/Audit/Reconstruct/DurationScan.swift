import ClusterStateMachine
import Simulator

/// Runs the scenario with one update type's duration at each whole second the records allow, and
/// groups the durations by which writes are lost.
public struct DurationScan: Sendable {
    public var bound: DurationBound
    /// Maximal ranges of durations (ms, half-open) with the same lost writes.
    public var ranges: [(from: SimTime, to: SimTime, lost: [String])]

    /// Without an upper bound the scan runs to twice the model's duration (at most 30 min).
    static let openEndedLimit: SimTime = 30 * .minute

    static func scan(_ scenario: Scenario, bounds: [DurationBound]) -> [DurationScan] {
        var seen = Set<UpdateType>()
        var scans: [DurationScan] = []
        for b in bounds where seen.insert(b.updateType).inserted {
            let hi = b.atMost ?? min(openEndedLimit, max(b.chosen * 2, b.atLeast + .minute))
            var ranges: [(SimTime, SimTime, [String])] = []
            var d = max(1000, (b.atLeast / 1000 + 1) * 1000)
            while d < hi {
                var s = scenario
                s.aws.updateDurations[b.updateType] = d
                let lost = Audit.verdict(RunReport(result: Simulation(scenario: s).run()))
                if let last = ranges.last, last.2 == lost { ranges[ranges.count - 1].1 = d + 1000 } else { ranges.append((d, d + 1000, lost)) }
                d += 1000
            }
            if let last = ranges.last, last.1 > hi { ranges[ranges.count - 1].1 = hi }
            scans.append(DurationScan(bound: b, ranges: ranges.map { (from: $0.0, to: $0.1, lost: $0.2) }))
        }
        return scans
    }
}
