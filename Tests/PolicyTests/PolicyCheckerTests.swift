import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// The checker knows what a policy promises: what it reverts by design is reported as such, not
/// hidden and not lost; a conflict it surfaced is a conflict, not a loss.
final class PolicyCheckerTests: XCTestCase {
    func testSpecWinsReportsTheRevertedConsoleChangeAsRevertedByPolicy() throws {
        let scenario = try PolicyFixtures.policyScenario("spec-wins-console-change-reverted-by-design")
        let report = PolicyFixtures.report(scenario)
        XCTAssertEqual(report.failures, [], report.text)
        XCTAssertEqual(PolicyFixtures.lost(report), [])
        XCTAssertEqual(PolicyFixtures.reverted(report), ["console privateAccess"])
        let reverted = try XCTUnwrap(report.findings.revertedByPolicy.first)
        XCTAssertEqual(reverted.clobber?.by, .operator)
        XCTAssertEqual(reverted.clobber?.action, "UpdateClusterConfig")
        XCTAssertEqual(reverted.clobber?.surface, .aws)
        XCTAssertEqual(report.result.state.aws.visible.bool("privateAccess"), false, "reverted on AWS, as ACK would")
        // Not hidden: in the JSON report and the text.
        guard case .array(let list)? = report.json["revertedByPolicy"] else { return XCTFail("no revertedByPolicy key") }
        XCTAssertEqual(list.first?["field"], .string("privateAccess"))
        XCTAssertEqual(list.first?["policy"], .string("spec-wins"))
        XCTAssertEqual(list.first?["revertedBy"]?["component"], .string("operator"))
        XCTAssertTrue(report.text.contains("Reverted by design (spec-wins"), report.text)
        XCTAssertEqual(report.json["policy"], .string("spec-wins"))
    }

    /// The same loss under a policy that promises nothing of the kind stays a lost write.
    func testOnlyThePromisingPolicyReclassifies() throws {
        let raceA = PolicyFixtures.report(try PolicyFixtures.library("docs-race-a-console-then-rancher-tags", policy: .errorSafeRefresh))
        XCTAssertEqual(PolicyFixtures.lost(raceA), ["console privateAccess"])
        XCTAssertEqual(PolicyFixtures.reverted(raceA), [])
        // observe-only discards Rancher edits, not console changes.
        XCTAssertEqual(SyncPolicy.observeOnly.discardsByDesign?.actor, .rancher)
        let observed = PolicyFixtures.report(try PolicyFixtures.policyScenario("observe-only-rancher-edit-never-applied"))
        XCTAssertEqual(observed.failures, [], observed.text)
        XCTAssertEqual(observed.findings.revertedByPolicy.first?.clobber?.by, .refresher)
        XCTAssertEqual(observed.result.log.filter { if case .awsCalled(let c) = $0.event { c.caller == .operator && !(c.operation.hasPrefix("Describe") || c.operation.hasPrefix("List")) } else { false } }.count, 0,
                       "observe-only makes no mutating call")
    }

    /// A write that is one side of a conflict the policy surfaced is reported under conflicts, not
    /// as lost: Race A's console write, with a conflict naming it added to the log.
    func testASideOfASurfacedConflictIsNotALostWrite() throws {
        var result = Simulation(scenario: try PolicyFixtures.library("docs-race-a-console-then-rancher-tags", policy: .rancher)).run()
        XCTAssertEqual(LostWriteChecker.check(result).lost.map(\.write.path), ["privateAccess"])
        let console = try XCTUnwrap(result.state.writes.first { $0.actor == .console })
        let conflict = SyncConflict(path: "privateAccess", rancher: Entry(.bool(false), origin: .initial, readAt: 0),
                                    aws: Entry(.bool(true), origin: console.id, readAt: 1), policy: "field-ownership")
        result.log.append(TimedEvent(at: result.endedAt, actor: .operator, .syncConflictSurfaced(conflict)))
        result.causes.append(nil)
        let findings = LostWriteChecker.check(result)
        XCTAssertEqual(findings.lost.map(\.write.path), [])
        XCTAssertEqual(findings.surfacedConflicts.map(\.awsWrite?.id), [console.id])
    }

    func testFieldOwnershipReportsRaceAAsAConflictAndKeepsTheConsoleChange() throws {
        let report = PolicyFixtures.report(try PolicyFixtures.policyScenario("field-ownership-race-a-conflict-reported"))
        XCTAssertEqual(report.failures, [], report.text)
        XCTAssertEqual(PolicyFixtures.surfaced(report), ["privateAccess"])
        let conflict = try XCTUnwrap(report.findings.surfacedConflicts.first)
        XCTAssertNil(conflict.rancherWrite, "Rancher's side is the value the cluster started with")
        XCTAssertEqual(conflict.awsWrite?.actor, .console)
        XCTAssertEqual(conflict.by, .operator)
        XCTAssertTrue(report.text.contains("Conflicts surfaced by the field-ownership policy"), report.text)
    }

    /// Ownership needs a record of who deleted what: ListNodegroups has none, so a node group deleted
    /// in the console is still Rancher's, and field-ownership recreates it (O4). Per-key maps do not.
    func testFieldOwnershipCannotTellAConsoleDeletion() throws {
        let owned = PolicyFixtures.report(try PolicyFixtures.library("o4-console-nodegroup-delete-recreated", policy: .fieldOwnership))
        XCTAssertEqual(PolicyFixtures.lost(owned), ["console nodeGroups.ng2"])
        let perKey = PolicyFixtures.report(try PolicyFixtures.library("o4-console-nodegroup-delete-recreated", policy: .perKeyMaps))
        XCTAssertEqual(PolicyFixtures.lost(perKey), [])
        XCTAssertEqual(PolicyFixtures.nodeGroups(perKey), ["ng1"])
    }
}

/// The run's page says which policy ran and what it promised.
final class PolicyPageTests: XCTestCase {
    func testTheTimelinePageNamesThePolicyAndItsFindings() throws {
        let report = PolicyFixtures.report(try PolicyFixtures.policyScenario("three-way-merge-true-conflict"))
        let page = HTMLPage.run(report)
        XCTAssertTrue(page.contains("three-way-merge — a three-way merge"), "the settings name the policy")
        XCTAssertTrue(page.contains("--policy three-way-merge"), "the command to run it again keeps the policy")
        XCTAssertTrue(page.contains("Conflict surfaced by three-way-merge, not a loss: tags.env is prod in Spec.EKSConfig (rancher, step 1) and staging on AWS (console, step 0)"), page)
        let reverted = HTMLPage.run(PolicyFixtures.report(try PolicyFixtures.policyScenario("spec-wins-console-change-reverted-by-design")))
        XCTAssertTrue(reverted.contains("Reverted by design (spec-wins), not a loss: console privateAccess (step 0), by the operator's UpdateClusterConfig."), reverted)
    }
}
