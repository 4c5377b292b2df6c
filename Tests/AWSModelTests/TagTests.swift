import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// aws-eks-model R6: tags are immediate, create no Update, and work during updates.
final class TagTests: XCTestCase {
    func testR6TagsAreImmediateWithProvenanceAndAllowedDuringAnUpdate() {
        let sim = TestSimulation()
        accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPrivateAccess: e(.bool(true), 1)))
        }
        sim.advance(by: .seconds(10))
        accept { () throws(EKSError) in
            try sim.console.tagResource(resourceArn: Fixture.clusterArn, tags: ["env": e(.string("prod"), 2, at: 10_000)])
        }
        XCTAssertEqual(sim.state.aws.updates.count, 1, "no Update for tags")
        XCTAssertEqual(sim.state.aws.visible["tags.env"], e(.string("prod"), 2, at: 10_000))
        XCTAssertEqual(sim.state.aws.visible["tags.team"], e(.string("platform"), 0), "other keys untouched")
        let described = accept { () throws(EKSError) in try sim.refresher.describeCluster(name: "demo") }!
        XCTAssertEqual(described.document.map("tags"), ["env": "prod", "team": "platform"])
        XCTAssertEqual(described.document["tags.env"], e(.string("prod"), 2, at: 10_000))

        accept { () throws(EKSError) in
            try sim.op.untagResource(resourceArn: Fixture.clusterArn, tagKeys: ["team"], removal: e(nil, 3, at: 10_000))
        }
        XCTAssertEqual(sim.state.aws.visible["tags.team"], e(nil, 3, at: 10_000))
        XCTAssertEqual(sim.state.aws.visible.map("tags"), ["env": "prod"])

        let changes = sim.log.compactMap { timed -> (Actor, ResourcesChanged)? in
            if case .awsResourcesChanged(let r) = timed.event { (timed.actor, r) } else { nil }
        }
        XCTAssertEqual(changes.map(\.0), [.aws, .aws])
        XCTAssertEqual(changes.map(\.1.requestedBy), [.console, .operator])
        XCTAssertEqual(changes.map(\.1.action), ["TagResource", "UntagResource"])
    }

    func testR6NodegroupTagsUseTheNodegroupArn() {
        let sim = TestSimulation()
        let arn = accept { () throws(EKSError) in try sim.op.describeNodegroup(clusterName: "demo", nodegroupName: "ng1") }!.arn
        accept { () throws(EKSError) in try sim.console.tagResource(resourceArn: arn, tags: ["cost": e(.string("a"), 1)]) }
        XCTAssertEqual(sim.state.aws.visible["nodeGroups.ng1.tags.cost"], e(.string("a"), 1))
        XCTAssertNil(sim.state.aws.visible["tags.cost"])
        XCTAssertEqual(sim.calls.last?.fields, ["nodeGroups.ng1.tags.cost"])
    }

    func testR6MissingResourceIs404NotFoundException() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.console.tagResource(resourceArn: "arn:aws:eks:us-west-2:123456789012:cluster/other", tags: ["a": e(.string("b"), 1)])
        }, code: "NotFoundException", status: 404, message: "Resource was not found")
        assertRefused({ () throws(EKSError) in
            try sim.console.untagResource(resourceArn: "arn:aws:eks:us-west-2:123456789012:nodegroup/demo/ng9/0000", tagKeys: ["a"], removal: e(nil, 1))
        }, code: "NotFoundException", status: 404, message: "Resource was not found")
        assertRefused({ () throws(EKSError) in
            try sim.console.tagResource(resourceArn: "demo", tags: ["a": e(.string("b"), 1)])
        }, code: "BadRequestException", status: 400, message: "Invalid ARN: demo")
    }
}
