/// The closing line of a batch of runs: `22 scenarios: 22 passed, 0 failed; 14 lost writes`, then
/// the changes nobody asked for, the stuck edits, and under a sync policy the conflicts it surfaced
/// and the changes it reverted by design, when there are any.
public struct RunTally: Sendable {
    public let scenarios: Int
    public let passed: Int
    public let lostWrites: Int
    public let unrequestedChanges: Int
    public let stuckEdits: Int
    public let conflictsSurfaced: Int
    public let revertedByDesign: Int

    public init(_ reports: [RunReport]) {
        scenarios = reports.count
        passed = reports.filter(\.passed).count
        lostWrites = reports.map(\.findings.lost.count).reduce(0, +)
        unrequestedChanges = reports.map(\.findings.unrequestedChanges.count).reduce(0, +)
        stuckEdits = reports.map(\.findings.stuck.count).reduce(0, +)
        conflictsSurfaced = reports.map(\.findings.surfacedConflicts.count).reduce(0, +)
        revertedByDesign = reports.map(\.findings.revertedByPolicy.count).reduce(0, +)
    }

    public var failed: Int { scenarios - passed }

    public var line: String {
        var text = "\(scenarios) scenario\(scenarios == 1 ? "" : "s"): \(passed) passed, \(failed) failed; "
            + "\(lostWrites) lost write\(lostWrites == 1 ? "" : "s")"
        if unrequestedChanges > 0 { text += ", \(unrequestedChanges) change\(unrequestedChanges == 1 ? "" : "s") nobody asked for" }
        if stuckEdits > 0 { text += ", \(stuckEdits) stuck edit\(stuckEdits == 1 ? "" : "s")" }
        if conflictsSurfaced > 0 { text += ", \(conflictsSurfaced) conflict\(conflictsSurfaced == 1 ? "" : "s") surfaced" }
        if revertedByDesign > 0 { text += ", \(revertedByDesign) change\(revertedByDesign == 1 ? "" : "s") reverted by design" }
        return text
    }
}
