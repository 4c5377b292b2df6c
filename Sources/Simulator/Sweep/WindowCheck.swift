import ClusterStateMachine

/// Checks `expect.windows`: a race window that moves fails the run.
public enum WindowCheck {
    public static func failures(scenario: Scenario, expected: ExpectedWindows) -> [String] {
        let actual = Sweep.run(scenario, step: expected.step, from: expected.from, to: expected.to).windows
        let want = expected.windows.map { "[\(DurationText.format($0.from)), \(DurationText.format($0.to))) \(ExpectationCheck.describe($0.lostWrites.sorted()))" }
        let got = actual.map { "[\(DurationText.format($0.from)), \(DurationText.format($0.to))) \(ExpectationCheck.describe($0.lost))" }
        return want == got ? [] : ["windows of step \(expected.step): expected \(want.isEmpty ? "none" : want.joined(separator: "; ")), got \(got.isEmpty ? "none" : got.joined(separator: "; "))"]
    }
}
