import ClusterStateMachine
import Simulator
import XCTest

/// Inputs that used to crash (arithmetic overflow), hang (alias bombs) or run to the event cap are
/// refused at load with a location, and a run that does not settle is not a pass.
final class LoadBoundsTests: XCTestCase {
    let base = RejectedScenario.base(name: "bounds")

    private func rejection(_ yaml: String) -> ScenarioError? { RejectedScenario.rejection(yaml, path: "bounds.yaml") }

    private func assertRejected(_ yaml: String, line: Int, column: Int? = nil, contains text: String,
                                file: StaticString = #filePath, fileLine: UInt = #line) {
        RejectedScenario.assertRejected(yaml, path: "bounds.yaml", line: line, column: column, contains: text, file: file, fileLine: fileLine)
    }

    func testDurationSumsThatOverflowAreRefusedAsTooLong() {
        assertRejected(base + "until: 5000000000000000000ms5000000000000000000ms\n", line: 10, contains: "expected a duration up to 8760h")
    }

    func testAnOffsetPastAYearIsRefused() {
        assertRejected(base.replacingOccurrences(of: "at: 1m", with: "at: 9223372036854775s"), line: 7, contains: "expected a duration up to 8760h")
        assertRejected(base.replacingOccurrences(of: "at: 1m", with: "at: 8761h"), line: 7, contains: "up to 8760h")
        XCTAssertNil(rejection(base.replacingOccurrences(of: "at: 1m", with: "at: 8760h")))
    }

    func testEveryDurationKeyIsBounded() {
        let huge = "9223372036854775807ms"
        assertRejected(base + "settings: {eksRefresh: 9223372036854775807}\n", line: 10, contains: "too large")
        assertRejected(base + "settings: {lastRefresh: -\(huge)}\n", line: 10, contains: "up to 8760h")
        assertRejected(base + "settings: {timings: {operatorPoll: \(huge)}}\n", line: 10, contains: "up to 8760h")
        assertRejected(base + "aws: {updateDurations: {EndpointAccessUpdate: \(huge)}}\n", line: 10, contains: "up to 8760h")
        for fault in ["{at: 2m, actor: aws, platformUpdate: \(huge)}", "{at: 2m, actor: operator, down: \(huge)}",
                      "{at: 2m, actor: aws, throttle: {operation: DescribeCluster, for: \(huge)}}"] {
            assertRejected(base + "  - \(fault)\n", line: 10, contains: "up to 8760h")
        }
    }

    func testRatesThatAreNotFiniteAreRefused() {
        for rate in [".inf", ".nan", "-.inf"] {
            assertRejected(base + "  - {at: 2m, actor: aws, throttle: {operation: DescribeCluster, ratePerSecond: \(rate)}}\n",
                           line: 10, contains: "ratePerSecond")
        }
    }

    func testAnAliasBombIsRefusedAtItsAnchor() {
        let bomb = """
        expect:
          final:
            tags: &a [x, x, x, x, x, x, x, x, x]
            displayName: *a

        """
        assertRejected(base + bomb, line: 12, contains: "anchors and aliases")
    }

    func testTagsAWSCouldNeverHoldAreRefused() {
        let many = (0...50).map { "k\($0): v" }.joined(separator: ", ")
        assertRejected(base.replacingOccurrences(of: "displayName: demo", with: "displayName: demo\n  tags: {\(many)}"),
                       line: 4, contains: "51 tags; AWS holds at most 50")
        let long = String(repeating: "v", count: 300)
        assertRejected(base + "  - {at: 2m, actor: rancher, set: {tags.env: \(long)}}\n", line: 10, contains: "at most 256")
        // The console may try: AWS refuses the call and the report says so.
        XCTAssertNil(rejection(base + "  - {at: 2m, actor: console, set: {tags.env: \(long)}}\n"))
    }

    func testVersionsAndScalingAWSCouldNeverHoldAreRefused() {
        assertRejected(base.replacingOccurrences(of: "displayName: demo", with: "displayName: \"my cluster!\""),
                       line: 3, contains: "is not a name EKS takes")
        assertRejected(base.replacingOccurrences(of: "displayName: demo", with: "displayName: demo\n  kubernetesVersion: \"-0\""),
                       line: 4, contains: "not a Kubernetes version")
        assertRejected(base.replacingOccurrences(of: "{nodegroupName: ng1}", with: "{nodegroupName: ng1, desiredSize: 5, maxSize: 3}"),
                       line: 5, contains: "desiredSize 5 above maxSize 3")
    }

    func testARancherScalingEditOutsideTheGroupsBoundsIsRefused() {
        let scaled = base.replacingOccurrences(of: "{nodegroupName: ng1}", with: "{nodegroupName: ng1, desiredSize: 2, minSize: 1, maxSize: 3}")
        assertRejected(scaled + "  - {at: 2m, actor: rancher, set: {nodeGroups.ng1.desiredSize: 5}}\n", line: 10, contains: "desiredSize 5 above maxSize 3")
        // After a console call raised maxSize, the same edit fits; a console call AWS refuses changes nothing.
        XCTAssertNil(rejection(scaled + "  - {at: 2m, actor: console, set: {nodeGroups.ng1.maxSize: 6}}\n  - {at: 3m, actor: rancher, set: {nodeGroups.ng1.desiredSize: 5}}\n"))
        assertRejected(scaled + "  - {at: 2m, actor: console, set: {nodeGroups.ng1.maxSize: 0}}\n  - {at: 3m, actor: rancher, set: {nodeGroups.ng1.desiredSize: 5}}\n",
                       line: 11, contains: "desiredSize 5 above maxSize 3")
    }

    func testARunThatDoesNotSettleFailsUnlessItSaysSo() throws {
        // The console's EndpointAccessUpdate takes 2m: at 1m30s it is still running.
        let cut = Fixtures.run(try ScenarioLoader.parse(base + "until: 1m30s\n", path: "bounds.yaml")).1
        XCTAssertFalse(cut.result.settled)
        XCTAssertTrue(cut.failures.contains { $0.hasPrefix("settled: the run did not settle") }, "\(cut.failures)")
        let flapping = Fixtures.run(try ScenarioLoader.parse(base, path: "bounds.yaml"), options: RunOptions(maxEvents: 10)).1
        XCTAssertTrue(flapping.failures.contains { $0.contains("still busy after 10 events") }, "\(flapping.failures)")
        let meant = base + "until: 1m30s\nexpect: {settled: false}\n"
        XCTAssertTrue(Fixtures.run(try ScenarioLoader.parse(meant, path: "bounds.yaml")).1.passed)
        let settles = try ScenarioLoader.parse(base + "expect: {settled: false}\n", path: "bounds.yaml")
        XCTAssertFalse(Fixtures.run(settles).1.passed, "a run that settles contradicts settled: false")
    }
}
