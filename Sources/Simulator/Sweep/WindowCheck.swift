import Foundation
import ClusterStateMachine

/// Checks `expect.windows`: a race window that moves (by more than its tolerance) fails the run.
public enum WindowCheck {
    /// Every `expect.windows` entry of the scenario, each swept.
    public static func failures(scenario: Scenario) -> [String] {
        (scenario.expect?.windows ?? []).flatMap { failures(scenario: scenario, expected: $0) }
    }

    public static func failures(scenario: Scenario, expected: ExpectedWindows) -> [String] {
        let actual = Sweep.run(scenario, step: expected.step, from: expected.from, to: expected.to).windows
        let matches = actual.count == expected.windows.count && zip(expected.windows, actual).allSatisfy { want, got in
            want.lostWrites.sorted() == got.lost && abs(want.from - got.from) <= expected.tolerance
                && abs(want.to - got.to) <= expected.tolerance
        }
        if matches { return [] }
        let want = expected.windows.map { "[\(DurationText.format($0.from)), \(DurationText.format($0.to))) \(ExpectationCheck.describe($0.lostWrites.sorted()))" }
        let got = actual.map { "[\(DurationText.format($0.from)), \(DurationText.format($0.to))) \(ExpectationCheck.describe($0.lost))" }
        let within = expected.tolerance > 0 ? " (within \(DurationText.format(expected.tolerance)))" : ""
        return ["windows of step \(expected.step): expected \(want.isEmpty ? "none" : want.joined(separator: "; "))\(within), got \(got.isEmpty ? "none" : got.joined(separator: "; "))"]
    }
}
