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
        var failures: [String] = []
        if let lost = mismatch(expected.windows, sweep.windows, tolerance: expected.tolerance, what: "windows of step \(expected.step)",
                               wanted: { $0.lostWrites.sorted() }, got: \.lost, describe: ExpectationCheck.describe) {
            failures.append(lost)
        }
        let fields = { (paths: [FieldPath]) in paths.map(\.raw).sorted() }
        if let unrequested = expected.unrequested,
           let changed = mismatch(unrequested, sweep.unrequestedWindows, tolerance: expected.tolerance,
                                  what: "unrequested-change windows of step \(expected.step)",
                                  wanted: { fields($0.unrequestedChanges) }, got: { fields($0.unrequested) },
                                  describe: { $0.joined(separator: ", ") }) {
            failures.append(changed)
        }
        return failures
    }

    /// The failure when the swept windows are not the expected ones (same contents, each edge
    /// within `tolerance`); nil when they are.
    static func mismatch<Contents: Equatable>(_ expected: [ExpectedWindow], _ actual: [SweepSegment], tolerance: SimTime, what: String,
                                              wanted: (ExpectedWindow) -> Contents, got: (SweepSegment) -> Contents,
                                              describe: (Contents) -> String) -> String? {
        let matches = actual.count == expected.count && zip(expected, actual).allSatisfy { want, have in
            wanted(want) == got(have) && abs(want.from - have.from) <= tolerance && abs(want.to - have.to) <= tolerance
        }
        if matches { return nil }
        let range = { (from: SimTime, to: SimTime) in "[\(DurationText.format(from)), \(DurationText.format(to)))" }
        let want = expected.map { range($0.from, $0.to) + " " + describe(wanted($0)) }
        let have = actual.map { range($0.from, $0.to) + " " + describe(got($0)) }
        let within = tolerance > 0 ? " (within \(DurationText.format(tolerance)))" : ""
        return "\(what): expected \(want.isEmpty ? "none" : want.joined(separator: "; "))\(within), got \(have.isEmpty ? "none" : have.joined(separator: "; "))"
    }
}
