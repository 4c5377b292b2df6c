import Foundation
import ClusterStateMachine

/// Checks `expect.windows`: a race window that moves (by more than its tolerance) fails the run.
public enum WindowCheck {
    /// Every `expect.windows` entry of the scenario, each swept.
    public static func failures(scenario: Scenario) -> [String] {
        (scenario.expect?.windows ?? []).flatMap { failures(scenario: scenario, expected: $0) }
    }

    public static func failures(scenario: Scenario, expected: ExpectedWindows) -> [String] {
        let sweep = Sweep.run(scenario, step: expected.step, from: expected.from, to: expected.to)
        let within = expected.tolerance > 0 ? " (within \(DurationText.format(expected.tolerance)))" : ""
        let range = { (from: SimTime, to: SimTime) in "[\(DurationText.format(from)), \(DurationText.format(to)))" }
        let close = { (want: ExpectedWindow, got: SweepSegment) in
            abs(want.from - got.from) <= expected.tolerance && abs(want.to - got.to) <= expected.tolerance
        }
        var failures: [String] = []
        let actual = sweep.windows
        if !(actual.count == expected.windows.count && zip(expected.windows, actual).allSatisfy { $0.lostWrites.sorted() == $1.lost && close($0, $1) }) {
            let want = expected.windows.map { range($0.from, $0.to) + " " + ExpectationCheck.describe($0.lostWrites.sorted()) }
            let got = actual.map { range($0.from, $0.to) + " " + ExpectationCheck.describe($0.lost) }
            failures.append("windows of step \(expected.step): expected \(want.isEmpty ? "none" : want.joined(separator: "; "))\(within), got \(got.isEmpty ? "none" : got.joined(separator: "; "))")
        }
        if let expectedUnrequested = expected.unrequested {
            let actual = sweep.unrequestedWindows
            let fields = { (paths: [FieldPath]) in paths.map(\.raw).sorted() }
            if !(actual.count == expectedUnrequested.count
                 && zip(expectedUnrequested, actual).allSatisfy { fields($0.unrequestedChanges) == fields($1.unrequested) && close($0, $1) }) {
                let want = expectedUnrequested.map { range($0.from, $0.to) + " " + fields($0.unrequestedChanges).joined(separator: ", ") }
                let got = actual.map { range($0.from, $0.to) + " " + fields($0.unrequested).joined(separator: ", ") }
                failures.append("unrequested-change windows of step \(expected.step): expected \(want.isEmpty ? "none" : want.joined(separator: "; "))\(within), got \(got.isEmpty ? "none" : got.joined(separator: "; "))")
            }
        }
        return failures
    }
}
