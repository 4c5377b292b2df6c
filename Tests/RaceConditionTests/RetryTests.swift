import ClusterStateMachine
import Simulator
import XCTest

/// Retries as a user reads them: an SDK retry is its own call record with its attempt number and
/// how far into the pass it was made; a lost write pushed by the operator's late retry says so.
final class RetryTests: XCTestCase {
    func testEachRetryOfAThrottledReadCarriesItsAttemptAndDelay() throws {
        let (result, _) = Fixtures.run(try Fixtures.load("throttled-refresher-misses-the-tick"))
        let refused = result.log.compactMap { timed -> AWSCall? in
            guard case .awsCalled(let call) = timed.event, call.operation == "DescribeCluster", call.error != nil else { return nil }
            return call
        }
        let firstPass = Array(refused.prefix { $0.attempt != nil || $0 == refused.first })
        XCTAssertEqual(firstPass.map(\.attempt), [nil, 2, 3, 4], "aws-sdk-go v1 makes four attempts")
        let delays = firstPass.dropFirst().compactMap(\.attemptAfter)
        XCTAssertEqual(delays, delays.sorted(), "each retry comes later in the pass")
        XCTAssertTrue(delays.allSatisfy { $0 > 0 })
        let lines = firstPass.map { EventDescription.line(.awsCalled($0), clusterName: "demo") }
        XCTAssertEqual(Set(lines).count, lines.count, "no two attempts print the same line")
        XCTAssertTrue(lines[1].hasSuffix("(SDK retry: attempt 2, +\(DurationText.format(delays[0])))"), lines[1])
    }

    func testALossPushedByALateOperatorRetryNamesTheBackoff() throws {
        let (_, report) = Fixtures.run(try Fixtures.load("operator-retry-backoff-1000s-rancher-2-6-2"))
        let why = try XCTUnwrap(report.findings.lost.first?.explanation)
        XCTAssertTrue(why.contains("That call was a retry: AWS had refused the eks-operator's UpdateClusterConfig (TooManyRequestsException) in 18 passes from 00:01:00.100 to 00:11:55.455"), why)
        XCTAssertTrue(why.contains("up to 1000 s"), why)
        let (_, fixed) = Fixtures.run(try Fixtures.load("operator-retry-backoff-2m-rancher-2-6-3"))
        XCTAssertEqual(fixed.findings.lost.count, 0)
    }

    /// aws-sdk-go v1's fourth attempt comes at least 3.5 s after the first, so it rides out the
    /// 4.5 s throttle for every seed; aws-sdk-go-v2's three jittered attempts often do not.
    func testAShortThrottleLosesAWriteUnderSDKv2ForSomeSeedsAndUnderV1ForNone() throws {
        func losses(_ name: String) throws -> Int {
            var scenario = try Fixtures.load(name)
            return (0..<20).filter { seed in
                scenario.seed = UInt64(seed)
                return !Fixtures.run(scenario).1.findings.lost.isEmpty
            }.count
        }
        XCTAssertEqual(try losses("sdk-retries-ride-out-throttle-rancher-2-8-15"), 0)
        let v2 = try losses("sdk-retries-give-up-rancher-2-9-0")
        XCTAssertGreaterThan(v2, 0)
        XCTAssertLessThan(v2, 20, "some seeds' waits reach past the throttle")
    }
}
