/// The closing line of a batch of runs: `22 scenarios: 22 passed, 0 failed; 14 lost writes`.
public struct RunTally: Sendable {
    public let scenarios: Int
    public let passed: Int
    public let lostWrites: Int

    public init(_ reports: [RunReport]) {
        scenarios = reports.count
        passed = reports.filter(\.passed).count
        lostWrites = reports.map(\.findings.lost.count).reduce(0, +)
    }

    public var failed: Int { scenarios - passed }

    public var line: String {
        "\(scenarios) scenario\(scenarios == 1 ? "" : "s"): \(passed) passed, \(failed) failed; "
            + "\(lostWrites) lost write\(lostWrites == 1 ? "" : "s")"
    }
}
