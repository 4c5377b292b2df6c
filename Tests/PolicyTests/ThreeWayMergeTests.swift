import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// `three-way-merge` on the races the real releases lose, and on a true conflict.
final class ThreeWayMergeTests: XCTestCase {
    /// Race A, Race B, the console tag removal (O6) and the resurrected node group (O4): each loses a
    /// console write under the real release and nothing under three-way-merge, which keeps it on AWS.
    func testLosesNothingOnTheDocumentedRaces() throws {
        let races: [(String, check: (RunReport) -> Void)] = [
            ("docs-race-a-console-then-rancher-tags", { XCTAssertEqual($0.result.state.aws.visible.bool("privateAccess"), true) }),
            ("docs-race-b-rancher-edit-during-update", { XCTAssertEqual($0.result.state.aws.visible.bool("privateAccess"), true) }),
            ("o6-console-tag-removed-by-rancher-edit-rancher-2-6-0", { XCTAssertEqual($0.result.state.aws.visible.map("tags"), ["a": "3", "b": "2"]) }),
            ("o4-console-nodegroup-delete-recreated", { XCTAssertEqual(PolicyFixtures.nodeGroups($0), ["ng1"]) }),
        ]
        for (name, check) in races {
            let real = PolicyFixtures.report(try PolicyFixtures.library(name, policy: .rancher))
            XCTAssertEqual(real.findings.lost.map(\.write.actor), [.console], "\(name): the real release loses the console write")
            let merged = PolicyFixtures.report(try PolicyFixtures.library(name, policy: .threeWayMerge))
            XCTAssertEqual(PolicyFixtures.lost(merged), [], "\(name):\n\(merged.text)")
            XCTAssertEqual(PolicyFixtures.surfaced(merged), [], "\(name): nobody disagreed")
            XCTAssertTrue(merged.result.settled, name)
            check(merged)
        }
    }

    /// The Rancher side of Race A still reaches AWS: only the stale field is held back.
    func testTheRancherEditIsStillPushed() throws {
        let merged = PolicyFixtures.report(try PolicyFixtures.library("docs-race-a-console-then-rancher-tags", policy: .threeWayMerge))
        XCTAssertEqual(merged.result.state.aws.visible.map("tags"), ["team": "platform", "env": "prod"])
        XCTAssertEqual(merged.result.state.rancher.spec.bool("privateAccess"), true, "the refresher copied the console's value")
        XCTAssertEqual(merged.findings.divergence.map(\.field), [])
    }

    /// Both people set the same tag without seeing each other: a conflict surfaced on the cluster,
    /// each value kept where its author put it, nothing lost and no last writer winning.
    func testATrueConflictIsSurfacedNotOverwritten() throws {
        let real = PolicyFixtures.report(try PolicyFixtures.policyScenario("three-way-merge-true-conflict", policy: .rancher))
        XCTAssertEqual(real.result.state.aws.visible.string("tags.env"), "prod", "the real release lets the last writer win")
        XCTAssertEqual(real.findings.conflicts.map { "\($0.write.actor.rawValue) \($0.write.path)" }, ["console tags.env"])

        let merged = PolicyFixtures.report(try PolicyFixtures.policyScenario("three-way-merge-true-conflict"))
        XCTAssertEqual(merged.failures, [], merged.text)
        XCTAssertEqual(PolicyFixtures.lost(merged), [])
        let surfaced = try XCTUnwrap(merged.findings.surfacedConflicts.first)
        XCTAssertEqual(merged.findings.surfacedConflicts.count, 1, "surfaced once, not on every pass")
        XCTAssertEqual(surfaced.conflict.path, "tags.env")
        XCTAssertEqual(surfaced.conflict.rancher?.value, .string("prod"))
        XCTAssertEqual(surfaced.conflict.aws?.value, .string("staging"))
        XCTAssertEqual(surfaced.rancherWrite?.actor, .rancher)
        XCTAssertEqual(surfaced.awsWrite?.actor, .console)
        XCTAssertEqual(merged.result.state.aws.visible.string("tags.env"), "staging")
        XCTAssertEqual(merged.result.state.rancher.spec.string("tags.env"), "prod",
                       "the conflict stands after AppliedSpec recorded Rancher's side: the refresher does not copy AWS over it")
        XCTAssertEqual(merged.result.state.rancher.syncConflicts.map(\.path), ["tags.env"])
        // Reported under conflicts in the JSON report, with both sides.
        guard case .array(let conflicts)? = merged.json["conflicts"] else { return XCTFail("no conflicts key") }
        XCTAssertEqual(conflicts.count, 1)
        XCTAssertEqual(conflicts[0]["surfaced"]?["aws"], .string("staging"))
        XCTAssertEqual(conflicts[0]["heldBy"]?["actor"], .string("console"))
    }

    /// The base is AppliedSpec as Rancher records it: when the bridge records it before the operator
    /// applied the edit (the 10 s watch timeout, H2), the edit is lost under three-way-merge too.
    func testABaseRecordedTooEarlyStillLosesTheEdit() throws {
        let merged = PolicyFixtures.report(try PolicyFixtures.library("o9-slow-operator-applied-spec-timeout", policy: .threeWayMerge))
        XCTAssertEqual(PolicyFixtures.lost(merged), ["rancher privateAccess"])
        XCTAssertEqual(merged.findings.lost.first?.firstClobber?.by, .refresher)
    }
}
