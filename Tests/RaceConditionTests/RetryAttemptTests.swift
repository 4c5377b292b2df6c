import ClusterStateMachine
import Simulator
import XCTest

/// An SDK retry is its own call record with its attempt number and how far into the pass it was
/// made, so the history does not show the same refused call several times over.
final class RetryAttemptTests: XCTestCase {
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
}
