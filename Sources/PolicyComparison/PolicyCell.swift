import ClusterStateMachine
import Simulator

/// One scenario under one policy: what was lost, surfaced, reverted by design, changed unasked, and
/// what it cost in EKS API calls.
public struct PolicyCell: Sendable {
    public var scenario: String
    public var policy: String
    public var profile: String
    /// The lost writes, as `expect.lostWrites` spells them.
    public var lostWrites: [ExpectedLostWrite]
    /// Conflicts the policy surfaced on the cluster (neither side overwritten).
    public var conflictsSurfaced: Int
    /// Writes the policy discards by design (`spec-wins`: console changes; `observe-only`: Rancher edits).
    public var revertedByPolicy: [ExpectedLostWrite]
    /// Changes to AWS no person asked for, when the run report lists them (`unrequestedChanges`,
    /// CONTRACT.md §4); nil while the report has no such list.
    public var unrequestedChanges: Int?
    /// EKS API calls made by Rancher's side (operator, refresher, bridge), accepted or refused.
    public var apiCalls: Int
    public var settled: Bool

    public init(_ report: RunReport) {
        let findings = report.findings
        scenario = report.result.scenario.name
        policy = report.result.scenario.policy.rawValue
        profile = report.result.scenario.profile.name
        lostWrites = findings.lost.map { ExpectedLostWrite(actor: $0.write.actor, field: $0.write.path) }.sorted()
        conflictsSurfaced = findings.surfacedConflicts.count
        revertedByPolicy = findings.revertedByPolicy.map { ExpectedLostWrite(actor: $0.write.actor, field: $0.write.path) }.sorted()
        unrequestedChanges = Self.unrequestedChanges(in: report.json)
        apiCalls = report.result.log.filter { timed in
            if case .awsCalled(let call) = timed.event { return call.caller != .console }
            return false
        }.count
        settled = report.result.settled
    }

    /// The number of `unrequestedChanges` a JSON run report lists, nil when it has no such key (a
    /// build whose reports do not list them yet).
    static func unrequestedChanges(in report: JSONValue) -> Int? {
        if case .array(let changes)? = report["unrequestedChanges"] { changes.count } else { nil }
    }
}
