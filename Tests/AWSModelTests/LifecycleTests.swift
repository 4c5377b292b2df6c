import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// An update's life (InProgress → Successful), when its values and status become visible (R3,
/// §9.1), durations, and the call record every call leaves.
final class LifecycleTests: XCTestCase {
    func testUpdateGoesInProgressThenSuccessfulAndValuesAppearAtCompletion() {
        let sim = TestSimulation()
        sim.advance(to: .seconds(60))
        let update = accept { () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 1, at: 60_000)))
        }!
        XCTAssertEqual(update.status, .inProgress)
        XCTAssertEqual(update.createdAt, 60_000)
        // Status lag 0: UPDATING at once; configVisibility atCompletion: old values until done.
        let during = accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }!
        XCTAssertEqual(during.status, .updating)
        XCTAssertEqual(during.document["privateAccess"], e(.bool(false), 0, at: 60_000))
        XCTAssertNil(during.document["nodeGroups"], "DescribeCluster leaves node groups out")
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.describeUpdate(name: "demo", updateId: update.id, nodegroupName: nil) }?.status,
                       .inProgress)

        sim.advance(to: .seconds(60) + .minutes(2) - 1)
        XCTAssertEqual(sim.state.aws.visible.bool("privateAccess"), false)
        sim.advance(by: 1)
        let after = accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }!
        XCTAssertEqual(after.status, .active)
        XCTAssertEqual(after.document["privateAccess"], e(.bool(true), 1, at: .seconds(180)), "the write's origin, read now")
        XCTAssertEqual(sim.state.aws.update(update.id)?.status, .successful)

        let finished = sim.log.compactMap { timed -> UpdateFinished? in
            if case .awsUpdateFinished(let f) = timed.event, timed.actor == .aws { f } else { nil }
        }
        XCTAssertEqual(finished, [UpdateFinished(id: update.id, status: .successful)])
    }

    func testConfigVisibilityAtAcceptanceShowsNewValuesAtOnceAndDropsThemOnFailure() {
        var parameters = AWSModelParameters()
        parameters.configVisibility = .atAcceptance
        let sim = TestSimulation(parameters: parameters)
        accept { () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 1)))
        }
        XCTAssertEqual(accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }?.document.bool("privateAccess"), true)
        sim.advance(by: .minutes(2))
        XCTAssertEqual(accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }?.document.bool("privateAccess"), true)

        sim.inject(.failNextUpdate)
        accept { () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPublicAccess: e(.bool(false), 2)))
        }
        XCTAssertEqual(accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }?.document.bool("publicAccess"), false)
        XCTAssertEqual(ModeledEKS.describedDocument(of: sim.state.aws, parameters: parameters).bool("publicAccess"), false)
        sim.advance(by: .minutes(2))
        XCTAssertEqual(accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }?.document.bool("publicAccess"), true)
    }

    func testR3StatusLagKeepsDescribeClusterActiveButTheLockHoldsAtOnce() {
        var parameters = AWSModelParameters()
        parameters.statusLag = .seconds(5)
        let sim = TestSimulation(parameters: parameters)
        let update = accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 1)))
        }!
        XCTAssertEqual(sim.state.pending.map(\.kind), [.awsStatusVisible(update.id), .awsUpdateDone(update.id)])
        sim.advance(by: .seconds(5) - 1)
        XCTAssertEqual(accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }?.status, .active)
        // ListUpdates already shows it InProgress (the 2025 operator's gate).
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.listUpdates(name: "demo", nodegroupName: nil) }, [update.id])
        assertRefused({ () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", logging: LoggingRequest(enable: ["api"], disable: [], origin: e(.strings(["api"]), 2))))
        }, code: "ResourceInUseException", status: 409,
           message: "Cannot LoggingUpdate because cluster demo currently has update \(update.id) in progress")
        sim.advance(by: 1)
        XCTAssertEqual(accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }?.status, .updating)
        XCTAssertTrue(sim.log.contains { $0.event == .awsUpdateStatusVisible(WorkStarted(seq: -1, kind: .awsStatusVisible(update.id))) })
        sim.advance(by: .minutes(2))
        XCTAssertEqual(accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }?.status, .active)
        XCTAssertTrue(sim.state.pending.isEmpty)
    }

    func testUpdateDurationsComeFromTheParameters() {
        var parameters = AWSModelParameters()
        parameters.updateDurations[.loggingUpdate] = .seconds(10)
        let sim = TestSimulation(parameters: parameters)
        let update = accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", logging: LoggingRequest(enable: ["api"], disable: [], origin: e(.strings(["api"]), 1))))
        }!
        XCTAssertEqual(sim.state.pending.map(\.at), [.seconds(10)])
        sim.advance(by: .seconds(10))
        XCTAssertEqual(sim.state.aws.update(update.id)?.status, .successful)
    }

    func testDefaultParameters() {
        let p = AWSModelParameters()
        XCTAssertEqual(p.updateDurations, [.endpointAccessUpdate: .minutes(2), .loggingUpdate: .seconds(30), .versionUpdate: .minutes(10),
                                           .configUpdate: .minutes(1), .associateEncryptionConfig: .minutes(45), .vpcConfigUpdate: .minutes(2)])
        XCTAssertEqual(p.nodegroupVersionUpdate, .minutes(30))
        XCTAssertEqual(p.nodegroupCreate, .minutes(4))
        XCTAssertEqual(p.nodegroupDelete, .minutes(5))
        XCTAssertEqual(p.statusLag, 0)
        XCTAssertEqual(p.configVisibility, .atCompletion)
        XCTAssertFalse(p.nodegroupUpdatesBlockedByClusterUpdate)
        XCTAssertEqual(p.accountId, "123456789012")
    }

    func testEveryCallAcceptedOrRefusedIsRecordedWithItsCaller() {
        let sim = TestSimulation()
        let before = sim.log.count
        accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }
        accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 1)))
        }
        assertRefused({ () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", endpointPublicAccess: e(.bool(false), 2), endpointPrivateAccess: e(.bool(true), 2)))
        }, code: "ResourceInUseException", status: 409,
           message: "Cannot EndpointAccessUpdate because cluster demo currently has update \(sim.state.aws.updates[0].id) in progress")
        assertRefused({ () throws(EKSError) in try sim.console.describeNodegroup(clusterName: "demo", nodegroupName: "x") },
                      code: "ResourceNotFoundException", status: 404, message: "No node group found for name: x.")
        accept { () throws(EKSError) in try sim.console.tagResource(resourceArn: Fixture.clusterArn, tags: ["a": e(.string("b"), 3)]) }

        let recorded = sim.events(after: before).compactMap { timed -> (Actor, AWSCall)? in
            if case .awsCalled(let call) = timed.event { (timed.actor, call) } else { nil }
        }
        XCTAssertEqual(recorded.map(\.0), [.refresher, .operator, .console, .console, .console])
        XCTAssertEqual(recorded.map(\.1.caller), [.refresher, .operator, .console, .console, .console])
        XCTAssertEqual(recorded.map(\.1.operation),
                       ["DescribeCluster", "UpdateClusterConfig", "UpdateClusterConfig", "DescribeNodegroup", "TagResource"])
        XCTAssertEqual(recorded.map { $0.1.error?.httpStatus }, [nil, nil, 409, 404, nil])
        XCTAssertEqual(recorded[1].1.fields, ["privateAccess"])
        XCTAssertEqual(recorded[1].1.request["endpointPrivateAccess"], "true (w1)")
        XCTAssertTrue(recorded[1].1.response.hasSuffix("EndpointAccessUpdate InProgress"), recorded[1].1.response)
        XCTAssertEqual(recorded[2].1.error, AWSErrorRecord(code: "ResourceInUseException", httpStatus: 409,
            message: "Cannot EndpointAccessUpdate because cluster demo currently has update \(sim.state.aws.updates[0].id) in progress"))
        XCTAssertEqual(recorded[2].1.fields, ["privateAccess", "publicAccess"])
        XCTAssertEqual(recorded[4].1.fields, ["tags.a"])
        // AWS's own changes are by `aws`, after the call that caused them.
        let kinds = sim.events(after: before).map { ($0.actor, $0.event.typeName) }
        XCTAssertEqual(kinds.map(\.1), ["AWSCalled", "AWSCalled", "AWSUpdateStarted", "WorkScheduled", "AWSCalled", "AWSCalled",
                                        "AWSCalled", "AWSResourcesChanged"])
        XCTAssertEqual(kinds[2].0, .aws)
    }

    func testSameInputsSameEvents() {
        func run() -> [TimedEvent] {
            var parameters = AWSModelParameters()
            parameters.statusLag = .seconds(3)
            let sim = TestSimulation(parameters: parameters)
            _ = try? sim.op.updateClusterVersion(name: "demo", version: e(.string("1.30"), 1), clientRequestToken: "t")
            _ = try? sim.console.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 2)))
            _ = try? sim.console.createNodegroup(CreateNodegroupRequest(clusterName: "demo", nodegroupName: "ng2", document: Fixture.nodegroup("ng2", w: 3)))
            sim.advance(by: .minutes(10))
            _ = try? sim.console.createNodegroup(CreateNodegroupRequest(clusterName: "demo", nodegroupName: "ng2",
                                                                        document: Fixture.nodegroup("ng2", w: 3, version: "1.30")))
            _ = try? sim.refresher.describeCluster(name: "demo")
            sim.advance(by: .minutes(10))
            return sim.log
        }
        XCTAssertEqual(run(), run())
    }
}
