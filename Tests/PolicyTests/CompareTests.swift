import ClusterStateMachine
import Foundation
@testable import PolicyComparison
import Simulator
import SyncEngine
import TestSupport
import XCTest

/// `simctl compare`: the matrix of scenarios × policies.
final class CompareTests: XCTestCase {
    private func comparison(_ names: [String], _ policies: [SyncPolicy]) throws -> PolicyComparison {
        let scenarios = try names.map { try ScenarioLoader.load(path: PolicyFixtures.library.appendingPathComponent($0 + ".yaml").path) }
        return PolicyComparison.run(scenarios, policies: policies, profile: nil)
    }

    func testCellsCountLossesConflictsRevertsAndCalls() throws {
        let c = try comparison(["docs-race-a-console-then-rancher-tags", "o6-console-tag-removed-by-rancher-edit-rancher-2-6-0"],
                               [.rancher, .threeWayMerge, .fieldOwnership, .specWins])
        XCTAssertEqual(c.cells.count, 2)
        let raceA = c.cells[0]
        XCTAssertEqual(raceA.map(\.lostWrites.count), [1, 0, 0, 0])
        XCTAssertEqual(raceA.map(\.conflictsSurfaced), [0, 0, 1, 0])
        XCTAssertEqual(raceA.map(\.revertedByPolicy.count), [0, 0, 0, 1])
        XCTAssertTrue(raceA.allSatisfy { $0.apiCalls > 0 })
        let real = PolicyFixtures.report(try PolicyFixtures.library("docs-race-a-console-then-rancher-tags", policy: .rancher))
        let calls = real.result.log.filter { if case .awsCalled(let call) = $0.event { call.caller != .console } else { false } }.count
        XCTAssertEqual(raceA[0].apiCalls, calls)
        XCTAssertEqual(c.totals(0).lostWrites, 2)
        XCTAssertEqual(c.totals(1).lostWrites, 0)
        XCTAssertTrue(c.text.contains("docs-race-a-console-then-rancher-tags"), c.text)
        XCTAssertTrue(c.text.contains("0 c1"), c.text)
        XCTAssertTrue(c.text.contains("0 r1"), c.text)
    }

    /// The unrequested-changes column comes from the run report's `unrequestedChanges` list (CONTRACT.md §4).
    func testUnrequestedChangesAreCountedWhenTheReportListsThem() {
        let change = JSONValue.object([("field", .string("nodeGroups.ng1")), ("before", .object([])), ("after", .null)])
        XCTAssertEqual(PolicyCell.unrequestedChanges(in: .object([("unrequestedChanges", .array([change, change]))])), 2)
        XCTAssertEqual(PolicyCell.unrequestedChanges(in: .object([("unrequestedChanges", .array([]))])), 0)
        XCTAssertNil(PolicyCell.unrequestedChanges(in: .object([("lostWrites", .array([]))])))
    }

    /// rancher#35804 under 2.5.6 loses no write but deletes both node groups: the picture and the
    /// table colour that cell apart from a clean one, and say why on hover.
    func testACellWithOnlyUnrequestedChangesIsColouredAndExplained() throws {
        let c = try comparison(["incident-rancher-35804-nodegroups-deleted-rancher-2-5-6"], [.rancher, .errorSafeRefresh])
        XCTAssertEqual(c.cells[0].map(\.lostWrites.count), [0, 0])
        XCTAssertEqual(c.cells[0].map(\.tone), ["unrequested", "ok"])
        XCTAssertTrue(c.html.contains("<td class=\"unrequested\" title=\"2 change(s) to AWS nobody asked for"), c.html)
        XCTAssertTrue(c.svg.contains("fill=\"#fdba74\""), c.svg)
        XCTAssertTrue(c.text.contains("u: changes to AWS nobody asked for"), c.text)
    }

    func testJSONNamesEveryCell() throws {
        let c = try comparison(["docs-race-b-rancher-edit-during-update"], [.rancher, .refreshBeforePush])
        let json = c.json
        guard case .array(let cells)? = json["cells"] else { return XCTFail("no cells") }
        XCTAssertEqual(cells.count, 2)
        XCTAssertEqual(cells[0]["policy"], .string("rancher"))
        XCTAssertEqual(cells[0]["lostWrites"], .array([.object([("actor", .string("console")), ("field", .string("privateAccess"))])]))
        XCTAssertEqual(cells[1]["lostWrites"], .array([]))
        XCTAssertEqual(cells[0]["unrequestedChanges"], .int(0), "counted from the run report's unrequestedChanges")
        guard case .array(let totals)? = json["totals"] else { return XCTFail("no totals") }
        XCTAssertEqual(totals.map { $0["policy"] }, [.string("rancher"), .string("refresh-before-push")])
    }

    func testTheHTMLPageIsSelfContainedAndTheSameEveryTime() throws {
        let c = try comparison(["o6-console-tag-removed-by-rancher-edit-rancher-2-6-0"], [.rancher, .perKeyMaps])
        let html = c.html
        XCTAssertEqual(html, try comparison(["o6-console-tag-removed-by-rancher-edit-rancher-2-6-0"], [.rancher, .perKeyMaps]).html)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains(c.svg), "the picture is inline")
        XCTAssertTrue(c.svg.contains("<title>o6-console-tag-removed-by-rancher-edit-rancher-2-6-0 · rancher\nlost: console tags.b"), c.svg)
        XCTAssertTrue(c.svg.contains("fill=\"\(TimelinePalette.lossBand)\""))
        XCTAssertTrue(html.contains("<td class=\"loss\""))
        XCTAssertTrue(html.contains("<td class=\"ok\""))
        for forbidden in ["<script", "https://", "@import", "url("] {
            XCTAssertFalse(html.contains(forbidden), forbidden)
        }
        XCTAssertFalse(html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http://"), "nothing fetched")
    }

    func testTheCommandLine() throws {
        let ok = try PolicySimctl.run(["compare", "scenarios/o6-console-tag-removed-by-rancher-edit.yaml",
                                        "--policies", "rancher,per-key-maps", "--format", "json"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let data = try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((data?["cells"] as? [Any])?.count, 2)
        let bad = try PolicySimctl.run(["compare", "scenarios/o6-console-tag-removed-by-rancher-edit.yaml", "--policies", "rancher,nope"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("unknown sync policy \"nope\""), bad.stderr)
        XCTAssertEqual(bad.stdout, "")
        let run = try PolicySimctl.run(["run", "scenarios/o6-console-tag-removed-by-rancher-edit.yaml", "--policy", "per-key-maps"])
        XCTAssertEqual(run.status, 1, "the library's expectations are the real release's")
        XCTAssertTrue(run.stdout.contains("policy per-key-maps"), run.stdout)
        let sweep = try PolicySimctl.run(["sweep", "scenarios/docs-race-a-console-then-rancher-tags.yaml", "--step", "1",
                                          "--from=-5m", "--to", "7m", "--policy", "three-way-merge", "--format", "json"])
        XCTAssertEqual(sweep.status, 0, sweep.stderr)
        XCTAssertTrue(sweep.stdout.contains("\"policy\": \"three-way-merge\""), sweep.stdout)
        XCTAssertTrue(sweep.stdout.contains("\"windows\": []"), "three-way-merge closes Race A's whole window:\n\(sweep.stdout)")
    }
}

/// The built `simctl`, run from the package root.
typealias PolicySimctl = SimctlProcess
