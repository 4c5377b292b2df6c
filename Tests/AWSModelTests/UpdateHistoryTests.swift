import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// ListUpdates and DescribeUpdate (aws-eks-model R8, §4).
final class UpdateHistoryTests: XCTestCase {
    func testR8ListUpdatesIsSortedByIdNotChronologicalAndClusterLevelOnly() {
        let sim = TestSimulation()
        var created: [String] = []
        for (i, types) in [["api"], ["audit"], ["scheduler"]].enumerated() {
            created.append(accept { () throws(EKSError) in
                try sim.op.updateClusterConfig(UpdateClusterConfigRequest(
                    name: "demo", logging: LoggingRequest(enable: types, disable: [], origin: e(.strings(types), i + 1))))
            }!.id)
            sim.advance(by: .seconds(30))
        }
        let ng = accept { () throws(EKSError) in
            try sim.op.updateNodegroupConfig(UpdateNodegroupConfigRequest(clusterName: "demo", nodegroupName: "ng1", desiredSize: e(.int(3), 9)))
        }!
        let listed = accept { () throws(EKSError) in try sim.op.listUpdates(name: "demo", nodegroupName: nil) }!
        XCTAssertEqual(listed, created.sorted())
        XCTAssertNotEqual(listed, created, "the test generator's ids do not sort in creation order")
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.listUpdates(name: "demo", nodegroupName: nil) }, listed, "stable")
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.listUpdates(name: "demo", nodegroupName: "ng1") }, [ng.id])
    }

    func testDescribeUpdateUnknownIdIs404() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.op.describeUpdate(name: "demo", updateId: "nope", nodegroupName: nil)
        }, code: "ResourceNotFoundException", status: 404, message: "No update found for ID: nope")
    }

    func testDescribeUpdateOfANodegroupUpdateNeedsTheNodegroupName() {
        let sim = TestSimulation()
        let ng = accept { () throws(EKSError) in
            try sim.op.updateNodegroupConfig(UpdateNodegroupConfigRequest(clusterName: "demo", nodegroupName: "ng1", desiredSize: e(.int(3), 1)))
        }!
        assertRefused({ () throws(EKSError) in
            try sim.op.describeUpdate(name: "demo", updateId: ng.id, nodegroupName: nil)
        }, code: "ResourceNotFoundException", status: 404, message: "No update found for ID: \(ng.id)")
        XCTAssertEqual(accept { () throws(EKSError) in try sim.op.describeUpdate(name: "demo", updateId: ng.id, nodegroupName: "ng1") }?.status,
                       .inProgress)
    }
}
