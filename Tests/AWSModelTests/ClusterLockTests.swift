import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// aws-eks-model R1 (one cluster update at a time), R2 (hidden platform updates), §9.4 (check
/// order) and R10 (idempotent retries).
final class ClusterLockTests: XCTestCase {
    func testR1SecondClusterUpdateWhileOneIsInProgressIs409NamingTheBlockingUpdate() {
        let sim = TestSimulation()
        let first = accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 1)))
        }!
        sim.advance(by: .seconds(30))
        assertRefused({ () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", logging: LoggingRequest(enable: ["api"], disable: [], origin: e(.strings(["api"]), 2))))
        }, code: "ResourceInUseException", status: 409,
           message: "Cannot LoggingUpdate because cluster demo currently has update \(first.id) in progress")
    }

    func testR1LockSpansUpdateTypesAndOperations() {
        let sim = TestSimulation()
        let version = accept { () throws(EKSError) in
            try sim.op.updateClusterVersion(name: "demo", version: e(.string("1.30"), 1), clientRequestToken: nil)
        }!
        assertRefused({ () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 2)))
        }, code: "ResourceInUseException", status: 409,
           message: "Cannot EndpointAccessUpdate because cluster demo currently has update \(version.id) in progress")
        assertRefused({ () throws(EKSError) in
            try sim.console.associateEncryptionConfig(name: "demo", keyArn: e(.string("arn:aws:kms:us-west-2:123456789012:key/k"), 3),
                                                      clientRequestToken: nil)
        }, code: "ResourceInUseException", status: 409,
           message: "Cannot AssociateEncryptionConfig because cluster demo currently has update \(version.id) in progress")
        // Once the update is over the lock is free.
        sim.advance(by: .minutes(10))
        accept { () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 2)))
        }
    }

    func testR1NodegroupUpdatesDoNotHoldTheClusterLock() {
        let sim = TestSimulation()
        accept { () throws(EKSError) in
            try sim.op.updateNodegroupConfig(UpdateNodegroupConfigRequest(clusterName: "demo", nodegroupName: "ng1", desiredSize: e(.int(3), 1)))
        }
        accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 2)))
        }
    }

    func testR2HiddenPlatformUpdateBlocksUpdatesStaysOutOfListUpdatesAndLeavesStatusActive() throws {
        let sim = TestSimulation()
        sim.inject(.platformUpdate(until: .minutes(5)))
        sim.advance(to: .minutes(1))
        // A hidden update has no id, and its message says so: "currently has an update in progress"
        // (containers-roadmap #1511, #2677), not "currently has update <id>", which eks-operator's
        // recordError filters on (versions.md §5.1).
        assertRefused({ () throws(EKSError) in
            try sim.op.updateClusterVersion(name: "demo", version: e(.string("1.30"), 1), clientRequestToken: nil)
        }, code: "ResourceInUseException", status: 409,
           message: "Cannot VersionUpdate because cluster demo currently has an update in progress")
        assertRefused({ () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 2)))
        }, code: "ResourceInUseException", status: 409,
           message: "Cannot EndpointAccessUpdate because cluster demo currently has an update in progress")
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.listUpdates(name: "demo", nodegroupName: nil) }, [])
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.describeCluster(name: "demo") }?.status, .active)
        // It ends when the fault is cleared (the simulator schedules that for the step's duration).
        sim.advance(to: .minutes(5))
        sim.emit(.faultCleared(.platformUpdate(until: .minutes(5))), by: .aws)
        accept { () throws(EKSError) in
            try sim.op.updateClusterVersion(name: "demo", version: e(.string("1.30"), 1), clientRequestToken: nil)
        }
    }

    /// aws-eks-model §9.4: not found, then request validation, then the lock, then the no-op check.
    func testCheckOrderNotFoundThenValidationThenLockThenNoOp() {
        let sim = TestSimulation()
        let holder = accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", logging: LoggingRequest(enable: ["audit"], disable: [], origin: e(.strings(["audit"]), 1))))
        }!
        // Not found beats everything.
        assertRefused({ () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(
                name: "other", endpointPublicAccess: e(.bool(false), 2), endpointPrivateAccess: e(.bool(false), 2),
                logging: LoggingRequest(enable: [], disable: [], origin: e(.strings([]), 2))))
        }, code: "ResourceNotFoundException", status: 404, message: "No cluster found for name: other.")
        // Validation beats the lock.
        assertRefused({ () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", endpointPublicAccess: e(.bool(true), 2),
                logging: LoggingRequest(enable: ["api"], disable: [], origin: e(.strings(["api"]), 2))))
        }, code: "InvalidParameterException", status: 400, message: "Only one type of update can be allowed.")
        assertRefused({ () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", endpointPublicAccess: e(.bool(false), 2), endpointPrivateAccess: e(.bool(false), 2)))
        }, code: "InvalidParameterException", status: 400,
           message: "At least one of endpointPublicAccess or endpointPrivateAccess must be enabled")
        // The lock beats the no-op check: this request would change nothing, and still gets 409.
        assertRefused({ () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPublicAccess: e(.bool(true), 2)))
        }, code: "ResourceInUseException", status: 409,
           message: "Cannot EndpointAccessUpdate because cluster demo currently has update \(holder.id) in progress")
        assertRefused({ () throws(EKSError) in
            try sim.console.updateClusterVersion(name: "demo", version: e(.string("1.29"), 2), clientRequestToken: nil)
        }, code: "ResourceInUseException", status: 409,
           message: "Cannot VersionUpdate because cluster demo currently has update \(holder.id) in progress")
    }

    func testR10SameClientRequestTokenReturnsTheOriginalUpdateInsteadOf409() {
        let sim = TestSimulation()
        let request = UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 1), clientRequestToken: "tok-1")
        let first = accept { () throws(EKSError) in try sim.op.updateClusterConfig(request) }!
        sim.advance(by: .seconds(10))
        let again = accept { () throws(EKSError) in try sim.op.updateClusterConfig(request) }!
        XCTAssertEqual(again, first)
        XCTAssertEqual(sim.state.aws.updates.count, 1)
        // A different token is a new logical request: 409 (eks-operator#547).
        assertRefused({ () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 1),
                                                                      clientRequestToken: "tok-2"))
        }, code: "ResourceInUseException", status: 409,
           message: "Cannot EndpointAccessUpdate because cluster demo currently has update \(first.id) in progress")
        // After it succeeded, the same token still answers with that update (now Successful), not a no-op 400.
        sim.advance(by: .minutes(2))
        let late = accept { () throws(EKSError) in try sim.op.updateClusterConfig(request) }!
        XCTAssertEqual(late.id, first.id)
        XCTAssertEqual(late.status, .successful)
        XCTAssertEqual(sim.calls.last?.error, nil)
    }

    func testNodegroupUpdatesBlockedByClusterUpdateParameter() {
        var parameters = AWSModelParameters()
        parameters.nodegroupUpdatesBlockedByClusterUpdate = true
        let sim = TestSimulation(parameters: parameters)
        let holder = accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 1)))
        }!
        assertRefused({ () throws(EKSError) in
            try sim.console.updateNodegroupConfig(UpdateNodegroupConfigRequest(clusterName: "demo", nodegroupName: "ng1",
                                                                                desiredSize: e(.int(3), 2)))
        }, code: "ResourceInUseException", status: 409,
           message: "Cannot ConfigUpdate because cluster demo currently has update \(holder.id) in progress")
    }
}
