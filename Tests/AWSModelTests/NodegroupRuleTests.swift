import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// Node group rules: R4 (node group lock), R5 (cluster must be ACTIVE to create), creation and
/// deletion, scaling validation, R9 (delete cluster with node groups).
final class NodegroupRuleTests: XCTestCase {
    func testR4UpdateNodegroupConfigWhileTheNodegroupIsUpdatingIs409() {
        let sim = TestSimulation()
        accept { () throws(EKSError) in
            try sim.op.updateNodegroupConfig(UpdateNodegroupConfigRequest(clusterName: "demo", nodegroupName: "ng1", desiredSize: e(.int(3), 1)))
        }
        assertRefused({ () throws(EKSError) in
            try sim.console.updateNodegroupConfig(UpdateNodegroupConfigRequest(clusterName: "demo", nodegroupName: "ng1", maxSize: e(.int(5), 2)))
        }, code: "ResourceInUseException", status: 409, message: "Nodegroup cannot be updated as it is currently not in Active State")
        assertRefused({ () throws(EKSError) in
            try sim.console.updateNodegroupVersion(clusterName: "demo", nodegroupName: "ng1", version: e(.string("1.29"), 3), clientRequestToken: nil)
        }, code: "ResourceInUseException", status: 409, message: "Nodegroup cannot be updated as it is currently not in Active State")
        sim.advance(by: .minutes(1))
        XCTAssertEqual(sim.state.aws.nodegroupStatus["ng1"], .active)
        accept { () throws(EKSError) in
            try sim.console.updateNodegroupConfig(UpdateNodegroupConfigRequest(clusterName: "demo", nodegroupName: "ng1", maxSize: e(.int(5), 2)))
        }
    }

    func testR5CreateNodegroupDuringAClusterUpdateIsRefusedEvenWhileStatusStillSaysActive() {
        var parameters = AWSModelParameters()
        parameters.statusLag = .seconds(10)
        let sim = TestSimulation(parameters: parameters)
        accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", logging: LoggingRequest(enable: ["api"], disable: [], origin: e(.strings(["api"]), 1))))
        }
        XCTAssertEqual(accept { () throws(EKSError) in try sim.console.describeCluster(name: "demo") }?.status, .active)
        assertRefused({ () throws(EKSError) in
            try sim.console.createNodegroup(CreateNodegroupRequest(clusterName: "demo", nodegroupName: "ng2",
                                                                   document: Fixture.nodegroup("ng2", w: 2)))
        }, code: "InvalidRequestException", status: 400, message: "Cluster 'demo' is not in ACTIVE status")
    }

    func testCreatingAnExistingNodegroupIs409() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.console.createNodegroup(CreateNodegroupRequest(clusterName: "demo", nodegroupName: "ng1",
                                                                   document: Fixture.nodegroup("ng1", w: 1)))
        }, code: "ResourceInUseException", status: 409, message: "NodeGroup already exists with name ng1 and cluster name demo")
    }

    func testR7CreateNodegroupAcceptsOnlyTheClusterVersion() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.console.createNodegroup(CreateNodegroupRequest(clusterName: "demo", nodegroupName: "ng2",
                                                                   document: Fixture.nodegroup("ng2", w: 1, version: "1.28")))
        }, code: "InvalidParameterException", status: 400, message: "Nodegroup Kubernetes version should be equal to Cluster kubernetes version 1.29")
    }

    func testCreateNodegroupLifecycleCreatingThenActive() {
        let sim = TestSimulation()
        let created = accept { () throws(EKSError) in
            try sim.console.createNodegroup(CreateNodegroupRequest(clusterName: "demo", nodegroupName: "ng2",
                                                                   document: Fixture.nodegroup("ng2", w: 4, at: 100)))
        }!
        XCTAssertEqual(created.status, .creating)
        XCTAssertEqual(created.arn.prefix("arn:aws:eks:us-west-2:123456789012:nodegroup/demo/ng2/".count),
                       "arn:aws:eks:us-west-2:123456789012:nodegroup/demo/ng2/")
        // Stored at once, the version filled in from the cluster with the creation's provenance.
        XCTAssertEqual(sim.state.aws.visible["nodeGroups.ng2"], e(.container, 4, at: 100))
        XCTAssertEqual(sim.state.aws.visible["nodeGroups.ng2.version"], e(.string("1.29"), 4, at: 100))
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.listNodegroups(clusterName: "demo") }, ["ng1", "ng2"])
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.describeNodegroup(clusterName: "demo", nodegroupName: "ng2") }?.status, .creating)
        // No updates while creating (R4 gate).
        assertRefused({ () throws(EKSError) in
            try sim.console.updateNodegroupConfig(UpdateNodegroupConfigRequest(clusterName: "demo", nodegroupName: "ng2", desiredSize: e(.int(3), 5)))
        }, code: "ResourceInUseException", status: 409, message: "Nodegroup cannot be updated as it is currently not in Active State")
        sim.advance(by: .minutes(4) - 1)
        XCTAssertEqual(sim.state.aws.nodegroupStatus["ng2"], .creating)
        sim.advance(by: 1)
        let described = accept { () throws(EKSError) in try sim.op.describeNodegroup(clusterName: "demo", nodegroupName: "ng2") }!
        XCTAssertEqual(described.status, .active)
        XCTAssertEqual(described.arn, created.arn)
        XCTAssertEqual(described.document["nodeGroups.ng2.desiredSize"], e(.int(2), 4, at: .minutes(4)), "read now, origin kept")
    }

    func testDeleteNodegroupLifecycleDeletingThenTombstoneWithTheRemovalProvenance() {
        let sim = TestSimulation()
        sim.advance(to: .seconds(5))
        let deleting = accept { () throws(EKSError) in
            try sim.console.deleteNodegroup(clusterName: "demo", nodegroupName: "ng1", removal: e(nil, 3, at: 5_000))
        }!
        XCTAssertEqual(deleting.status, .deleting)
        XCTAssertEqual(deleting.document["nodeGroups.ng1.desiredSize"]?.value, .int(2))
        // Still there while deleting.
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.listNodegroups(clusterName: "demo") }, ["ng1"])
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.describeNodegroup(clusterName: "demo", nodegroupName: "ng1") }?.status, .deleting)
        assertRefused({ () throws(EKSError) in
            try sim.op.deleteNodegroup(clusterName: "demo", nodegroupName: "ng1", removal: e(nil, 4))
        }, code: "ResourceInUseException", status: 409, message: "Nodegroup cannot be deleted as it is currently not in Active State")
        sim.advance(by: .minutes(5))
        XCTAssertNil(sim.state.aws.nodegroupStatus["ng1"])
        XCTAssertEqual(sim.state.aws.visible.subtree("nodeGroups.ng1"), ["nodeGroups.ng1": e(nil, 3, at: 5_000)])
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.listNodegroups(clusterName: "demo") }, [])
        assertRefused({ () throws(EKSError) in
            try sim.op.describeNodegroup(clusterName: "demo", nodegroupName: "ng1")
        }, code: "ResourceNotFoundException", status: 404, message: "No node group found for name: ng1.")
        // The removal is recorded as the console's DeleteNodegroup.
        let removal = sim.log.last { if case .awsResourcesChanged = $0.event { true } else { false } }
        guard case .awsResourcesChanged(let change)? = removal?.event else { return XCTFail("no removal") }
        XCTAssertEqual(change.requestedBy, .console)
        XCTAssertEqual(change.action, "DeleteNodegroup")
        XCTAssertEqual(removal?.actor, .aws)
        // The name can be used again.
        accept { () throws(EKSError) in
            try sim.console.createNodegroup(CreateNodegroupRequest(clusterName: "demo", nodegroupName: "ng1",
                                                                   document: Fixture.nodegroup("ng1", w: 5)))
        }
    }

    func testMissingNodegroupIs404() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.op.updateNodegroupConfig(UpdateNodegroupConfigRequest(clusterName: "demo", nodegroupName: "nope", desiredSize: e(.int(1), 1)))
        }, code: "ResourceNotFoundException", status: 404, message: "No node group found for name: nope.")
        assertRefused({ () throws(EKSError) in
            try sim.op.describeNodegroup(clusterName: "other", nodegroupName: "ng1")
        }, code: "ResourceNotFoundException", status: 404, message: "No cluster found for name: other.")
    }

    func testScalingMinimumAboveDesiredIsRejected() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.console.updateNodegroupConfig(UpdateNodegroupConfigRequest(
                clusterName: "demo", nodegroupName: "ng1", minSize: e(.int(2), 1), desiredSize: e(.int(1), 1)))
        }, code: "InvalidParameterException", status: 400, message: "Minimum capacity 2 can't be greater than desired size 1")
        // Against the current desired size (2) when only min is sent.
        assertRefused({ () throws(EKSError) in
            try sim.console.updateNodegroupConfig(UpdateNodegroupConfigRequest(clusterName: "demo", nodegroupName: "ng1", minSize: e(.int(3), 1)))
        }, code: "InvalidParameterException", status: 400, message: "Minimum capacity 3 can't be greater than desired size 2")
    }

    func testScalingDesiredAboveMaximumIsRejected() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.console.updateNodegroupConfig(UpdateNodegroupConfigRequest(clusterName: "demo", nodegroupName: "ng1", desiredSize: e(.int(5), 1)))
        }, code: "InvalidParameterException", status: 400, message: "Desired capacity 5 can't be greater than max size 3")
    }

    func testEmptyScalingIsRejected() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.console.updateNodegroupConfig(UpdateNodegroupConfigRequest(clusterName: "demo", nodegroupName: "ng1"))
        }, code: "InvalidParameterException", status: 400,
           message: "Either all or at least one of minSize, maxSize, desiredSize must be provided")
    }

    func testNodegroupConfigUpdateParamsLabelsAndProvenance() {
        var cluster = Fixture.cluster()
        cluster["nodeGroups.ng1.labels.old"] = e(.string("x"), 0)
        let sim = TestSimulation(cluster: cluster)
        let update = accept { () throws(EKSError) in
            try sim.console.updateNodegroupConfig(UpdateNodegroupConfigRequest(
                clusterName: "demo", nodegroupName: "ng1", addOrUpdateLabels: ["role": e(.string("web"), 1, at: 9)],
                removeLabels: ["old"], labelRemoval: e(nil, 2, at: 9), minSize: e(.int(0), 3, at: 9), desiredSize: e(.int(3), 3, at: 9)))
        }!
        XCTAssertEqual(update.type, .configUpdate)
        XCTAssertEqual(update.params, [
            AWSUpdate.Param(type: "LabelsToAdd", value: #"{"role":"web"}"#),
            AWSUpdate.Param(type: "LabelsToRemove", value: #"["old"]"#),
            AWSUpdate.Param(type: "MinSize", value: "0"),
            AWSUpdate.Param(type: "DesiredSize", value: "3"),
        ])
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.listUpdates(name: "demo", nodegroupName: "ng1") }, [update.id])
        sim.advance(by: .minutes(1))
        let doc = sim.state.aws.visible
        XCTAssertEqual(doc["nodeGroups.ng1.labels.role"], e(.string("web"), 1, at: 9))
        XCTAssertEqual(doc["nodeGroups.ng1.labels.old"], e(nil, 2, at: 9))
        XCTAssertEqual(doc["nodeGroups.ng1.minSize"], e(.int(0), 3, at: 9))
        XCTAssertEqual(doc["nodeGroups.ng1.desiredSize"], e(.int(3), 3, at: 9))
        XCTAssertEqual(doc["nodeGroups.ng1.maxSize"], e(.int(3), 0))
    }

    func testR9DeleteClusterWithNodegroupsIs409() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in try sim.console.deleteCluster(name: "demo") },
                      code: "ResourceInUseException", status: 409, message: "Cluster has nodegroups attached")
        accept { () throws(EKSError) in try sim.console.deleteNodegroup(clusterName: "demo", nodegroupName: "ng1", removal: e(nil, 1)) }
        // DELETING still counts as attached.
        assertRefused({ () throws(EKSError) in try sim.console.deleteCluster(name: "demo") },
                      code: "ResourceInUseException", status: 409, message: "Cluster has nodegroups attached")
        sim.advance(by: .minutes(5))
        accept { () throws(EKSError) in try sim.console.deleteCluster(name: "demo") }
        assertRefused({ () throws(EKSError) in try sim.op.describeCluster(name: "demo") },
                      code: "ResourceNotFoundException", status: 404, message: "No cluster found for name: demo.")
    }
}
