import Foundation
import XCTest

/// `simctl explore --policy NAME` on the command line: the catalog names the policy, and a policy
/// that does not exist is bad input (exit 2, a suggestion, nothing on standard output).
final class ExplorePolicyCommandLineTests: XCTestCase {
    func testExploreUnderAPolicy() throws {
        let ok = try PolicySimctl.run(["explore", "--budget", "2", "--seed", "3", "--policy", "three-way-merge", "--format", "json"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        let catalog = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(catalog["policy"] as? String, "three-way-merge")
        let bad = try PolicySimctl.run(["explore", "--budget", "2", "--policy", "three-way-merg"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("unknown sync policy \"three-way-merg\"; did you mean \"three-way-merge\"?"), bad.stderr)
        XCTAssertEqual(bad.stdout, "")
    }
}
