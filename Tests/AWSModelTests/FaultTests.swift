import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// Faults a scenario injects: failNextUpdate, throttling (platform updates are in ClusterLockTests).
final class FaultTests: XCTestCase {
    func testFailNextUpdateEndsFailedWithAnErrorAndLeavesTheVersionUnchanged() {
        let sim = TestSimulation()
        sim.inject(.failNextUpdate)
        let update = accept { () throws(EKSError) in
            try sim.op.updateClusterVersion(name: "demo", version: e(.string("1.30"), 1), clientRequestToken: nil)
        }!
        XCTAssertFalse(sim.state.aws.failNextUpdate, "armed once, consumed by this update")
        sim.advance(by: .minutes(10))
        let described = accept { () throws(EKSError) in try sim.op.describeUpdate(name: "demo", updateId: update.id, nodegroupName: nil) }!
        XCTAssertEqual(described.status, .failed)
        XCTAssertEqual(described.errors, [AWSUpdate.ErrorDetail(
            errorCode: "Unknown", errorMessage: "The VersionUpdate failed (injected by the scenario's failNextUpdate fault)")])
        XCTAssertEqual(sim.state.aws.visible["kubernetesVersion"], e(.string("1.29"), 0))
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.describeCluster(name: "demo") }?.status, .active)
        // The next update is not armed.
        let next = accept { () throws(EKSError) in
            try sim.op.updateClusterVersion(name: "demo", version: e(.string("1.30"), 2), clientRequestToken: nil)
        }!
        sim.advance(by: .minutes(10))
        XCTAssertEqual(sim.state.aws.update(next.id)?.status, .successful)
        XCTAssertEqual(sim.state.aws.visible["kubernetesVersion"], e(.string("1.30"), 2))
    }

    func testFailedNodegroupUpdateGoesBackToActiveWithOldValues() {
        let sim = TestSimulation()
        sim.inject(.failNextUpdate)
        accept { () throws(EKSError) in
            try sim.op.updateNodegroupConfig(UpdateNodegroupConfigRequest(clusterName: "demo", nodegroupName: "ng1", desiredSize: e(.int(3), 1)))
        }
        sim.advance(by: .minutes(1))
        XCTAssertEqual(sim.state.aws.nodegroupStatus["ng1"], .active)
        XCTAssertEqual(sim.state.aws.visible["nodeGroups.ng1.desiredSize"], e(.int(2), 0))
    }

    func testThrottlingTokenBucketAnswers429AndRefillsWithSimTime() {
        let sim = TestSimulation()
        sim.inject(.throttle(operation: "DescribeCluster", ratePerSecond: 0.5, burst: 2, until: .minutes(1)))
        accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }
        accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }
        assertRefused({ () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") },
                      code: "TooManyRequestsException", status: 429, message: "Too Many Requests")
        XCTAssertEqual(sim.calls.last?.bucket?.tokens, 0)
        // Other operations are not throttled.
        accept { () throws(EKSError) in try sim.refresher.listNodegroups(clusterName: "demo") }
        // 0.5 token per second: one call after 2 s, not before.
        sim.advance(by: .seconds(1))
        assertRefused({ () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") },
                      code: "TooManyRequestsException", status: 429, message: "Too Many Requests")
        XCTAssertEqual(sim.calls.last?.bucket?.tokens, 0.5)
        sim.advance(by: .seconds(1))
        accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }
        XCTAssertEqual(sim.state.aws.throttles["DescribeCluster"]?.tokens, 0)
        // Capped at burst however long the wait.
        sim.advance(by: .seconds(50))
        accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }
        XCTAssertEqual(sim.state.aws.throttles["DescribeCluster"]?.tokens, 1)
        // Over when the fault is cleared: every call passes and records no bucket.
        sim.advance(to: .minutes(1))
        sim.emit(.faultCleared(.throttle(operation: "DescribeCluster", ratePerSecond: 0.5, burst: 2, until: .minutes(1))), by: .aws)
        for _ in 0..<5 { accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") } }
        XCTAssertNil(sim.calls.last?.bucket)
    }
}
