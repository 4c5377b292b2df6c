import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// aws-eks-model R7 (version coupling) and the version and encryption operations of §4.
final class VersionRuleTests: XCTestCase {
    func testClusterVersionSameDowngradeOrSkipIsUnsupportedMinorUpdate() {
        let sim = TestSimulation()
        for target in ["1.29", "1.28", "1.31"] {
            assertRefused({ () throws(EKSError) in
                try sim.op.updateClusterVersion(name: "demo", version: e(.string(target), 1), clientRequestToken: nil)
            }, code: "InvalidParameterException", status: 400,
               message: "Unsupported Kubernetes minor version update from 1.29 to \(target)")
        }
    }

    func testUnknownVersionIsUnsupported() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.op.updateClusterVersion(name: "demo", version: e(.string("latest"), 1), clientRequestToken: nil)
        }, code: "InvalidParameterException", status: 400, message: "unsupported Kubernetes version")
    }

    func testVersionUpdateParamsAndCompletion() {
        let sim = TestSimulation()
        let update = accept { () throws(EKSError) in
            try sim.op.updateClusterVersion(name: "demo", version: e(.string("1.30"), 1, at: 7), clientRequestToken: nil)
        }!
        XCTAssertEqual(update.type, .versionUpdate)
        XCTAssertEqual(update.params, [AWSUpdate.Param(type: "Version", value: "1.30"),
                                       AWSUpdate.Param(type: "PlatformVersion", value: "eks.1")])
        sim.advance(by: .minutes(10) - 1)
        XCTAssertEqual(sim.state.aws.visible.string("kubernetesVersion"), "1.29")
        sim.advance(by: 1)
        XCTAssertEqual(sim.state.aws.visible["kubernetesVersion"], e(.string("1.30"), 1, at: 7))
    }

    func testR7ClusterUpgradeRefusedWhileANodegroupIsBehindThenAllowed() {
        let sim = TestSimulation()
        accept { () throws(EKSError) in try sim.op.updateClusterVersion(name: "demo", version: e(.string("1.30"), 1), clientRequestToken: nil) }
        sim.advance(by: .minutes(10))
        assertRefused({ () throws(EKSError) in
            try sim.op.updateClusterVersion(name: "demo", version: e(.string("1.31"), 2), clientRequestToken: nil)
        }, code: "InvalidRequestException", status: 400,
           message: "Nodegroups [ng1] must be updated to match cluster version 1.30 before updating cluster version")
        accept { () throws(EKSError) in
            try sim.op.updateNodegroupVersion(clusterName: "demo", nodegroupName: "ng1", version: e(.string("1.30"), 3), clientRequestToken: nil)
        }
        sim.advance(by: .minutes(30))
        XCTAssertEqual(sim.state.aws.visible["nodeGroups.ng1.version"], e(.string("1.30"), 3))
        accept { () throws(EKSError) in try sim.op.updateClusterVersion(name: "demo", version: e(.string("1.31"), 2), clientRequestToken: nil) }
    }

    func testR7NodegroupVersionAboveTheClusterOrDowngradeIsRefused() {
        let sim = TestSimulation()
        for target in ["1.30", "1.28"] {
            assertRefused({ () throws(EKSError) in
                try sim.op.updateNodegroupVersion(clusterName: "demo", nodegroupName: "ng1", version: e(.string(target), 1), clientRequestToken: nil)
            }, code: "InvalidParameterException", status: 400,
               message: "Nodegroup Kubernetes version should be equal to Cluster kubernetes version 1.29 or NodeGroup kubernetes version 1.29")
        }
    }

    func testR7NodegroupUpgradeGoesOneMinorAtATime() {
        var cluster = Fixture.cluster()
        cluster["kubernetesVersion"] = e(.string("1.30"), 0)
        cluster["nodeGroups.ng1.version"] = e(.string("1.28"), 0)
        let sim = TestSimulation(cluster: cluster)
        assertRefused({ () throws(EKSError) in
            try sim.op.updateNodegroupVersion(clusterName: "demo", nodegroupName: "ng1", version: e(.string("1.30"), 1), clientRequestToken: nil)
        }, code: "InvalidParameterException", status: 400,
           message: "Nodegroup Kubernetes version can only be upgraded one minor version at a time, from 1.28 to 1.30 is not allowed")
    }

    func testNodegroupVersionUpdateParamsAndDuration() {
        var parameters = AWSModelParameters()
        parameters.nodegroupVersionUpdate = .minutes(20)
        let sim = TestSimulation(parameters: parameters)
        // The node group's own version is an AMI refresh, allowed.
        let update = accept { () throws(EKSError) in
            try sim.op.updateNodegroupVersion(clusterName: "demo", nodegroupName: "ng1", version: e(.string("1.29"), 1), clientRequestToken: nil)
        }!
        XCTAssertEqual(update.params, [AWSUpdate.Param(type: "Version", value: "1.29"),
                                       AWSUpdate.Param(type: "ReleaseVersion", value: "1.29.0-20240415")])
        XCTAssertEqual(sim.state.aws.nodegroupStatus["ng1"], .updating)
        sim.advance(by: .minutes(20) - 1)
        XCTAssertEqual(sim.state.aws.nodegroupStatus["ng1"], .updating)
        sim.advance(by: 1)
        XCTAssertEqual(sim.state.aws.nodegroupStatus["ng1"], .active)
        XCTAssertEqual(sim.state.aws.update(update.id)?.status, .successful)
    }

    func testAssociateEncryptionConfigOnceOnly() {
        let sim = TestSimulation()
        let key = "arn:aws:kms:us-west-2:123456789012:key/k1"
        let update = accept { () throws(EKSError) in
            try sim.console.associateEncryptionConfig(name: "demo", keyArn: e(.string(key), 1), clientRequestToken: nil)
        }!
        XCTAssertEqual(update.type, .associateEncryptionConfig)
        XCTAssertEqual(update.params, [AWSUpdate.Param(
            type: "EncryptionConfig", value: #"[{"resources":["secrets"],"provider":{"keyArn":"arn:aws:kms:us-west-2:123456789012:key/k1"}}]"#)])
        sim.advance(by: .minutes(45))
        XCTAssertEqual(sim.state.aws.visible["secretsEncryption"], e(.bool(true), 1))
        XCTAssertEqual(sim.state.aws.visible["kmsKey"], e(.string(key), 1))
        assertRefused({ () throws(EKSError) in
            try sim.console.associateEncryptionConfig(name: "demo", keyArn: e(.string(key), 2), clientRequestToken: nil)
        }, code: "InvalidParameterException", status: 400, message: "Encryption is already enabled on the cluster")
    }
}
