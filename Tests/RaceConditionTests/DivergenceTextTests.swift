import Simulator
import XCTest

/// The end-of-run divergence block names each differing leaf, so a long node group list does not
/// hide the value that differs behind a cut.
final class DivergenceTextTests: XCTestCase {
    func testNodeGroupDivergencePrintsOneLinePerDifferingLeaf() throws {
        let (_, report) = Fixtures.run(try Fixtures.load("console-nodegroup-version-pushed-rancher-2-7-6"))
        let block = try XCTUnwrap(report.text.components(separatedBy: "Rancher and AWS disagree at the end:\n").last)
        XCTAssertTrue(block.contains("  nodeGroups.ng1.version: Rancher \"1.29\", AWS \"1.30\"\n"), block)
        XCTAssertTrue(block.contains("  nodeGroups.ng1.desiredSize: Rancher 4, AWS 2\n"), block)
        XCTAssertFalse(block.contains("characters)"), block)
    }

    func testALeafOnOneSideOnlyIsNamedAbsent() throws {
        let (_, report) = Fixtures.run(try Fixtures.load("incident-rancher-33302-labels-only-edit-loops-rancher-2-5-8"))
        XCTAssertTrue(report.text.contains("  nodeGroups.ng1.labels.team: Rancher \"web\", AWS absent\n"), report.text)
    }
}
