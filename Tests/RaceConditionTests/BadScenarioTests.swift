import Simulator
import XCTest

/// Bad scenario files are rejected before anything runs, naming file, line, column and what was expected.
final class BadScenarioTests: XCTestCase {
    let base = RejectedScenario.base(name: "bad")

    private func rejection(_ yaml: String) -> ScenarioError? { RejectedScenario.rejection(yaml, path: "bad.yaml") }

    private func assertRejected(_ yaml: String, line: Int, column: Int? = nil, contains text: String,
                                file: StaticString = #filePath, fileLine: UInt = #line) {
        RejectedScenario.assertRejected(yaml, path: "bad.yaml", line: line, column: column, contains: text, file: file, fileLine: fileLine)
    }

    func testTheBaseScenarioIsValid() {
        XCTAssertNil(rejection(base))
    }

    func testInvalidYAML() {
        assertRejected("name: bad\ncluster: {displayName: demo\n", line: 3, contains: "not valid YAML")
    }

    func testUnknownKey() {
        assertRejected(base + "colour: blue\n", line: 10, column: 1, contains: "unknown key \"colour\"")
    }

    func testWrongType() {
        assertRejected(base.replacingOccurrences(of: "privateAccess: true", with: "privateAccess: maybe"), line: 9, contains: "expected true or false")
    }

    func testUnknownFieldPath() {
        assertRejected(base.replacingOccurrences(of: "privateAccess: true", with: "privateAcess: true"), line: 9, contains: "unknown field \"privateAcess\"")
    }

    func testUnknownNodeGroupField() {
        assertRejected(base.replacingOccurrences(of: "privateAccess: true", with: "nodeGroups.ng1.size: 3"), line: 9, contains: "unknown node group field")
    }

    func testUnknownProfile() {
        assertRejected("profile: rancher-9\n" + base, line: 1, column: 10, contains: "unknown profile rancher-9; did you mean")
        assertRejected("profile: rancher-2.6\n" + base, line: 1, column: 10,
                       contains: "unknown profile rancher-2.6; did you mean rancher-2.6.0?")
        assertRejected("profile: rancher-2.6.33\n" + base, line: 1, column: 10,
                       contains: "unknown profile rancher-2.6.33; did you mean rancher-2.6.3?")
    }

    func testInvalidCron() {
        assertRejected("settings:\n  eksRefreshCron: \"61 * * * *\"\n" + base, line: 2, contains: "settings.eksRefreshCron")
    }

    func testInvalidDuration() {
        assertRejected(base.replacingOccurrences(of: "at: 1m", with: "at: 1 minute"), line: 7, contains: "is not a duration")
    }

    func testNegativeOffset() {
        assertRejected(base.replacingOccurrences(of: "at: 1m", with: "at: -1m"), line: 7, contains: "negative")
    }

    func testNodeGroupThatDoesNotExist() {
        assertRejected(base.replacingOccurrences(of: "privateAccess: true", with: "nodeGroups.ng9.desiredSize: 3"), line: 7, contains: "node group \"ng9\" does not exist")
    }

    func testAFieldWithNoUpdatePath() {
        assertRejected(base.replacingOccurrences(of: "privateAccess: true", with: "region: eu-west-1"), line: 9, contains: "cannot change after the cluster is created")
    }

    func testDuplicateKeyPointsAtTheSecondOne() {
        assertRejected(base + "name: again\n", line: 10, column: 1, contains: "duplicate key \"name\"")
    }

    func testDuplicateKeyInsideALaterStepOrAFlowMappingOrQuoted() {
        assertRejected(base + "  - at: 2m\n    actor: console\n    actor: rancher\n    set: {privateAccess: false}\n",
                       line: 12, column: 5, contains: "duplicate key \"actor\"")
        assertRejected("name: bad\ncluster: {displayName: demo, tags: {a: \"1\", a: \"2\"}}\n", line: 2, column: 45, contains: "duplicate key \"a\"")
        assertRejected("name: bad\ncluster:\n  displayName: demo\n  tags:\n    x: \"1\"\n    \"x\": \"3\"\n", line: 6, column: 5, contains: "duplicate key \"x\"")
    }

    func testMissingName() {
        assertRejected("cluster: {displayName: demo}\n", line: 1, contains: "missing required key \"name\"")
    }

    func testBadName() {
        assertRejected(base.replacingOccurrences(of: "name: bad", with: "name: Bad_Name"), line: 1, contains: "must match [a-z0-9-]+")
    }

    func testStepsForMachinesAreRefused() {
        assertRejected(base.replacingOccurrences(of: "actor: console", with: "actor: refresher"), line: 8, contains: "expected rancher, console (people) or operator, aws (faults)")
    }

    func testExpectedLostWriteActorMustBeAPerson() {
        assertRejected(base + "expect:\n  lostWrites: [{actor: operator, field: tags}]\n", line: 11, contains: "expected rancher or console")
    }
}
