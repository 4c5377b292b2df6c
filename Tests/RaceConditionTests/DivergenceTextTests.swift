import Simulator
import XCTest

/// Long node group lists in text: the end-of-run divergence block names each differing leaf, and
/// the cluster's first line lists the groups by name, so no value hides behind a cut.
final class DivergenceTextTests: XCTestCase {
    func testNodeGroupDivergencePrintsOneLinePerDifferingLeaf() throws {
        let (_, report) = Fixtures.run(try Fixtures.load("console-nodegroup-version-pushed-rancher-2-7-6"))
        let block = try XCTUnwrap(report.text.components(separatedBy: "Rancher and AWS disagree at the end:\n").last)
        XCTAssertTrue(block.contains("  nodeGroups.ng1.version: Rancher \"1.29\", AWS \"1.30\"\n"), block)
        XCTAssertTrue(block.contains("  nodeGroups.ng1.desiredSize: Rancher 4, AWS 2\n"), block)
        XCTAssertFalse(block.contains("characters)"), block)
    }

    func testTheClustersFirstLineListsNodeGroupsByName() throws {
        var yaml = "name: groups\ncluster:\n  displayName: demo\n  nodeGroups:\n"
        for i in 0..<6 { yaml += "    - {nodegroupName: ng\(i), desiredSize: 2, minSize: 1, maxSize: 3, labels: {team: t\(i)}}\n" }
        let (result, _) = Fixtures.run(try Fixtures.scenario(yaml))
        let first = EventDescription.line(result.log[0].event, clusterName: "demo")
        XCTAssertTrue(first.contains("nodeGroups=[ng0 (version \"1.29\", desiredSize 2, minSize 1, maxSize 3, labels {\"team\":\"t0\"}); ng1 ("), first)
        XCTAssertTrue(first.contains("; ng3 (version \"1.29\", desiredSize 2, minSize 1, maxSize 3, labels {\"team\":\"t3\"}); +2 more]"), first)
        XCTAssertFalse(first.contains("characters)"), first)
    }

    func testALeafOnOneSideOnlyIsNamedAbsent() throws {
        let (_, report) = Fixtures.run(try Fixtures.load("incident-rancher-33302-labels-only-edit-loops-rancher-2-5-8"))
        XCTAssertTrue(report.text.contains("  nodeGroups.ng1.labels.team: Rancher \"web\", AWS absent\n"), report.text)
    }
}
