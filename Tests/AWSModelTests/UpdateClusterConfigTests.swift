import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// UpdateClusterConfig's request rules (aws-eks-model §0.3, §0.4, §4) and its update params (§2).
final class UpdateClusterConfigTests: XCTestCase {
    func testOneUpdateTypePerCall() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", publicAccessCidrs: e(.strings(["10.0.0.0/8"]), 1),
                logging: LoggingRequest(enable: ["api"], disable: [], origin: e(.strings(["api"]), 1))))
        }, code: "InvalidParameterException", status: 400, message: "Only one type of update can be allowed.")
        XCTAssertTrue(sim.state.aws.updates.isEmpty)
    }

    func testEndpointNoOpIsRejectedWithTheRealMessage() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", endpointPublicAccess: e(.bool(true), 1), endpointPrivateAccess: e(.bool(false), 1)))
        }, code: "InvalidParameterException", status: 400,
           message: "Cluster is already at the desired configuration with endpointPrivateAccess: false , endpointPublicAccess: true, and Public Endpoint Restrictions: [0.0.0.0/0]")
    }

    func testEmptyPublicAccessCidrsMeanTheDefaultSoResendingThemIsANoOp() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", publicAccessCidrs: e(.strings([]), 1)))
        }, code: "InvalidParameterException", status: 400,
           message: "Cluster is already at the desired configuration with endpointPrivateAccess: false , endpointPublicAccess: true, and Public Endpoint Restrictions: [0.0.0.0/0]")
    }

    func testEmptyPublicAccessCidrsStoreTheDefaultList() {
        let sim = TestSimulation()
        accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", publicAccessCidrs: e(.strings(["10.0.0.0/8"]), 1)))
        }
        sim.advance(by: .minutes(2))
        accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", publicAccessCidrs: e(.strings([]), 2)))
        }
        sim.advance(by: .minutes(2))
        XCTAssertEqual(sim.state.aws.visible["publicAccessSources"], e(.strings(["0.0.0.0/0"]), 2))
    }

    func testBothEndpointsDisabledIsRejected() {
        let sim = TestSimulation()
        // Public off alone leaves private off too.
        assertRefused({ () throws(EKSError) in
            try sim.console.updateClusterConfig(UpdateClusterConfigRequest(name: "demo", endpointPublicAccess: e(.bool(false), 1)))
        }, code: "InvalidParameterException", status: 400,
           message: "At least one of endpointPublicAccess or endpointPrivateAccess must be enabled")
        // Rancher sends both together so the pair can move in one step (eks-operator PR #8).
        accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", endpointPublicAccess: e(.bool(false), 2), endpointPrivateAccess: e(.bool(true), 2)))
        }
    }

    func testLoggingNoOpIsRejected() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", logging: LoggingRequest(enable: [], disable: ["api", "audit"], origin: e(.strings([]), 1))))
        }, code: "InvalidParameterException", status: 400, message: "No changes needed for the logging config provided")
    }

    func testEmptyLogTypesAreRejected() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", logging: LoggingRequest(enable: [], disable: [], origin: e(.strings([]), 1))))
        }, code: "InvalidParameterException", status: 400, message: "Log type(s) not provided")
    }

    func testUnknownLogTypeIsRejected() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", logging: LoggingRequest(enable: ["kubelet"], disable: [], origin: e(.strings(["kubelet"]), 1))))
        }, code: "InvalidParameterException", status: 400,
           message: "Invalid log type(s): kubelet. Valid log types are api, audit, authenticator, controllerManager, scheduler")
    }

    func testEmptyRequestIsRejected() {
        let sim = TestSimulation()
        assertRefused({ () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(name: "demo"))
        }, code: "InvalidParameterException", status: 400, message: "No update parameters were provided")
    }

    func testEndpointUpdateParamsEchoTheRequest() {
        let sim = TestSimulation()
        let both = accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", endpointPublicAccess: e(.bool(true), 1), endpointPrivateAccess: e(.bool(true), 1)))
        }!
        XCTAssertEqual(both.type, .endpointAccessUpdate)
        XCTAssertEqual(both.status, .inProgress)
        XCTAssertEqual(both.params, [AWSUpdate.Param(type: "EndpointPublicAccess", value: "true"),
                                     AWSUpdate.Param(type: "EndpointPrivateAccess", value: "true")])
        sim.advance(by: .minutes(2))
        let cidrs = accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", publicAccessCidrs: e(.strings(["203.0.113.5/32", "198.51.100.0/24"]), 2)))
        }!
        XCTAssertEqual(cidrs.params, [AWSUpdate.Param(type: "publicAccessCidrs", value: #"["203.0.113.5/32","198.51.100.0/24"]"#)])
    }

    func testLoggingUpdateStoresTheResultingSetWithTheRequestProvenance() {
        let sim = TestSimulation()
        let first = accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", logging: LoggingRequest(enable: ["scheduler", "api"], disable: [], origin: e(.strings(["api", "scheduler"]), 1, at: 5))))
        }!
        XCTAssertEqual(first.type, .loggingUpdate)
        XCTAssertEqual(first.params, [AWSUpdate.Param(
            type: "ClusterLogging", value: #"{"clusterLogging":[{"types":["scheduler","api"],"enabled":true}]}"#)])
        sim.advance(by: .seconds(30))
        XCTAssertEqual(sim.state.aws.visible["loggingTypes"], e(.strings(["api", "scheduler"]), 1, at: 5))

        let second = accept { () throws(EKSError) in
            try sim.op.updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", logging: LoggingRequest(enable: ["audit"], disable: ["scheduler"], origin: e(.strings(["api", "audit"]), 2, at: 40_000))))
        }!
        XCTAssertEqual(second.params, [AWSUpdate.Param(
            type: "ClusterLogging",
            value: #"{"clusterLogging":[{"types":["scheduler"],"enabled":false},{"types":["audit"],"enabled":true}]}"#)])
        sim.advance(by: .seconds(30))
        XCTAssertEqual(sim.state.aws.visible["loggingTypes"], e(.strings(["api", "audit"]), 2, at: 40_000))
    }
}
