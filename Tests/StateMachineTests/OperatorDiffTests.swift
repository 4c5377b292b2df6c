import ClusterStateMachine
@testable import SyncEngine
import XCTest

/// The diff rules of each ladder step, after the cases of eks-operator's `pkg/eks/update_test.go`
/// and `controller/nodegroup_test.go` (reference §6).
final class OperatorDiffTests: XCTestCase {
    private let arn = Fixture.clusterARN

    // MARK: Tags (update_test.go)

    func testTagsChangedAndRemovedGiveTagResourceThenUntagResource() {
        let spec = Fixture.doc(Fixture.with(["tags.team": nil, "tags.test1": .string("test1"), "tags.test2": .string("changed")]))
        let aws = FakeEKS(Fixture.doc(Fixture.with([
            "tags.team": nil, "tags.test1": .string("test1"), "tags.test2": .string("test2"), "tags.test3": .string("removed"),
        ])))
        let decision = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [
            .tagResource(arn: arn, tags: ["test2": spec["tags.test2"]!]),
            .untagResource(arn: arn, keys: ["test3"], removal: Entry(nil, origin: .initial, readAt: 0)),
        ])
        XCTAssertEqual(decision.statusWrites.map(\.phase), [.updating], "tags end the pass in the 2024 ladder")
    }

    func testTagDiffRules() {
        XCTAssertEqual(SpecDiff.keyValuesToUpdate(["a": "1", "b": "2"], ["a": "1", "b": "3"]), ["b"])
        XCTAssertNil(SpecDiff.keysToDelete(["a": "1", "b": "2"], ["a": "1", "b": "3"]), "only changed")
        XCTAssertNil(SpecDiff.keyValuesToUpdate(["a": "1"], ["a": "1", "b": "2"]), "only removed")
        XCTAssertEqual(SpecDiff.keysToDelete(["a": "1"], ["a": "1", "b": "2"]), ["b"])
        XCTAssertNil(SpecDiff.keyValuesToUpdate(["a": "1"], ["a": "1"]), "no-op")
        XCTAssertNil(SpecDiff.keysToDelete(["a": "1"], ["a": "1"]), "no-op")
        XCTAssertEqual(SpecDiff.keyValuesToUpdate(["a": "1", "b": "2"], [:]), ["a", "b"], "empty upstream: the whole spec")
        XCTAssertNil(SpecDiff.keyValuesToUpdate([:], ["a": "1"]), "empty spec: nothing to tag ...")
        XCTAssertEqual(SpecDiff.keysToDelete([:], ["a": "1", "b": "2"]), ["a", "b"], "... and everything to untag")
    }

    func testManagedEmptyTagMapRemovesConsoleTags() {
        let spec = Fixture.doc(Fixture.with(["tags.team": nil]), origin: WriteID(4), readAt: 90)
        let aws = FakeEKS(Fixture.doc(Fixture.with(["tags.added": .string("by-console")])))
        _ = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [
            .untagResource(arn: arn, keys: ["added", "team"], removal: Entry(nil, origin: WriteID(4), readAt: 90)),
        ], "a non-nil empty map removes every tag; the removal carries the tags container's provenance")
    }

    func testUnmanagedTagsAreNeverTouched() {
        let spec = Fixture.doc(Fixture.with(["tags": nil]))
        let aws = FakeEKS(Fixture.doc(Fixture.with(["tags.added": .string("by-console")])))
        let decision = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [])
        XCTAssertEqual(decision.statusWrites, [])
    }

    // MARK: Logging

    func testLoggingDisablesAndEnablesInOneCall() {
        let spec = Fixture.doc(Fixture.with(["loggingTypes": .strings(["audit", "authenticator", "controllerManager"])]))
        let aws = FakeEKS(Fixture.doc(Fixture.with(["loggingTypes": .strings(["audit", "authenticator", "scheduler"])])))
        _ = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [.updateClusterConfig(UpdateClusterConfigRequest(
            name: "demo", logging: LoggingRequest(enable: ["controllerManager"], disable: ["scheduler"], origin: spec["loggingTypes"]!)))])
    }

    func testLoggingFromEmptyUpstreamEnablesAllInOneCall() {
        XCTAssertEqual(SpecDiff.loggingUpdate(spec: ["api", "audit"], upstream: [])?.enable, ["api", "audit"])
        XCTAssertEqual(SpecDiff.loggingUpdate(spec: ["api", "audit"], upstream: [])?.disable, [])
    }

    func testEmptyLoggingSpecDisablesEveryUpstreamType() {
        let spec = Fixture.doc(Fixture.baseline)
        let aws = FakeEKS(Fixture.doc(Fixture.with(["loggingTypes": .strings(["api", "scheduler"])])))
        _ = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [.updateClusterConfig(UpdateClusterConfigRequest(
            name: "demo", logging: LoggingRequest(enable: [], disable: ["api", "scheduler"], origin: spec["loggingTypes"]!)))])
    }

    func testEqualLoggingListsSendNothing() {
        XCTAssertNil(SpecDiff.loggingUpdate(spec: ["api", "audit"], upstream: ["audit", "api"]))
    }

    // MARK: Access

    func testAccessSendsBothBooleansInOneCall() {
        let spec = Fixture.doc(Fixture.with(["publicAccess": .bool(true), "privateAccess": .bool(true)]))
        let aws = FakeEKS(Fixture.doc(Fixture.with(["publicAccess": .bool(false), "privateAccess": .bool(false)])))
        _ = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [.updateClusterConfig(UpdateClusterConfigRequest(
            name: "demo", endpointPublicAccess: spec["publicAccess"], endpointPrivateAccess: spec["privateAccess"]))])
    }

    func testAccessOmitsAnUnmanagedBoolean() {
        let spec = Fixture.doc(Fixture.with(["publicAccess": .bool(false), "privateAccess": nil]))
        let aws = FakeEKS(Fixture.doc(Fixture.with(["privateAccess": .bool(true)])))
        _ = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [.updateClusterConfig(UpdateClusterConfigRequest(
            name: "demo", endpointPublicAccess: spec["publicAccess"], endpointPrivateAccess: nil))])
    }

    func testEqualAccessSendsNothing() {
        let aws = FakeEKS(Fixture.doc(Fixture.baseline))
        let decision = Fixture.reconcile(spec: Fixture.doc(Fixture.baseline), aws: aws)
        XCTAssertEqual(aws.mutations, [])
        XCTAssertEqual(decision, Decision(), "an active cluster without diffs: no write, no requeue")
    }

    // MARK: Public access sources

    func testSourcesUpdateSendsTheSpec() {
        let spec = Fixture.doc(Fixture.with(["publicAccessSources": .strings(["test1", "test2"])]))
        let aws = FakeEKS(Fixture.doc(Fixture.with(["publicAccessSources": .strings(["test1"])])))
        _ = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [.updateClusterConfig(UpdateClusterConfigRequest(
            name: "demo", publicAccessCidrs: spec["publicAccessSources"]))])
    }

    func testSourcesCompareAsNormalizedSets() {
        func sends(_ spec: [String], _ upstream: [String], ipv6: Bool = false) -> [FakeEKS.Call] {
            var values = Fixture.with(["publicAccessSources": .strings(spec)])
            if ipv6 { values["ipFamily"] = .string("ipv6") }
            let aws = FakeEKS(Fixture.doc(Fixture.with(["publicAccessSources": .strings(upstream)])))
            _ = Fixture.reconcile(spec: Fixture.doc(values), aws: aws)
            return aws.mutations
        }
        XCTAssertEqual(sends(["b", "a"], ["a", "b"]), [], "order-insensitive")
        XCTAssertEqual(sends([], ["0.0.0.0/0"]), [], "[\"0.0.0.0/0\"] is normalized to []")
        XCTAssertEqual(sends(["0.0.0.0/0"], []), [])
        XCTAssertEqual(sends([], ["0.0.0.0/0", "::/0"], ipv6: true), [], "IPv6: both defaults are []")
        XCTAssertEqual(sends([], ["0.0.0.0/0"], ipv6: true), [.updateClusterConfig(UpdateClusterConfigRequest(
            name: "demo", publicAccessCidrs: Entry(.strings(["0.0.0.0/0", "::/0"]), origin: .initial, readAt: 0)))],
            "IPv6: an empty spec sends both defaults")
        XCTAssertEqual(sends([], ["10.0.0.0/8"]), [.updateClusterConfig(UpdateClusterConfigRequest(
            name: "demo", publicAccessCidrs: Entry(.strings(["0.0.0.0/0"]), origin: .initial, readAt: 0)))],
            "an empty spec sends the default, with the spec's provenance")
    }

    // MARK: Version

    func testVersionUpgradeOnlyNeverDowngrade() {
        func sends(_ spec: String, _ upstream: String) -> [FakeEKS.Call] {
            let values = Fixture.with(["kubernetesVersion": .string(spec)])
            let aws = FakeEKS(Fixture.doc(Fixture.with(["kubernetesVersion": .string(upstream)])))
            _ = Fixture.reconcile(spec: Fixture.doc(values), aws: aws)
            return aws.mutations
        }
        XCTAssertEqual(sends("1.30", "1.29"), [.updateClusterVersion(Entry(.string("1.30"), origin: .initial, readAt: 0))])
        XCTAssertEqual(sends("1.29", "1.30"), [], "a downgrade is silently ignored")
        XCTAssertEqual(sends("1.29", "1.29"), [])
        XCTAssertEqual(sends("1.29", "1.29.0"), [], "semver-tolerant: equal versions")
        XCTAssertEqual(sends("1.30", "v1.29"), [.updateClusterVersion(Entry(.string("1.30"), origin: .initial, readAt: 0))])
    }

    func testSemver() {
        XCTAssertEqual(Semver(tolerant: "1.29"), Semver(strict: "1.29.0"))
        XCTAssertLessThan(Semver(tolerant: "1.9")!, Semver(tolerant: "1.10")!)
        XCTAssertNil(Semver(strict: "1.29"))
        XCTAssertNil(Semver(strict: ".0"), "an empty node group version does not validate")
        XCTAssertNil(Semver(strict: "01.2.0"))
        XCTAssertNil(Semver(tolerant: "1.x"))
    }

    // MARK: Node group labels and scaling (nodegroup_test.go, TestGetNodegroupConfigUpdate)

    private func configUpdate(spec: [String: FieldValue?], upstream: [String: FieldValue?]) -> UpdateNodegroupConfigRequest? {
        let pass = OperatorPass(profile: .eksOperator2024, timings: SyncTimings(), aws: FakeEKS(Fixture.doc([:])), now: 0,
                                state: Fixture.state(spec: Fixture.doc(Fixture.with(spec))))
        return pass.nodegroupConfigUpdate("ng1", upstream: Fixture.doc(Fixture.with(upstream)))
    }

    func testIdenticalNodeGroupsNeedNoUpdate() {
        XCTAssertNil(configUpdate(spec: [:], upstream: [:]))
    }

    func testScalingSetInSpecButMissingUpstreamUpdates() {
        let request = configUpdate(spec: [:], upstream: ["nodeGroups.ng1.minSize": nil, "nodeGroups.ng1.maxSize": nil])
        XCTAssertEqual(request?.minSize?.value, .int(1))
        XCTAssertEqual(request?.maxSize?.value, .int(3))
    }

    func testDesiredSizeDifferenceSendsEveryNonNilScalingValue() {
        let request = configUpdate(spec: ["nodeGroups.ng1.desiredSize": .int(1)], upstream: ["nodeGroups.ng1.desiredSize": .int(3)])
        XCTAssertEqual(request?.desiredSize?.value, .int(1))
        XCTAssertEqual(request?.minSize?.value, .int(1))
        XCTAssertEqual(request?.maxSize?.value, .int(3))
        XCTAssertEqual(request?.removeLabels, [])
        XCTAssertEqual(request?.addOrUpdateLabels, [:])
    }

    func testEmptySpecLabelsRemoveUpstreamLabels() {
        let request = configUpdate(spec: [:], upstream: ["nodeGroups.ng1.labels.a": .string("b")])
        XCTAssertEqual(request?.removeLabels, ["a"])
        XCTAssertEqual(request?.addOrUpdateLabels, [:])
    }

    func testLabelAdd() {
        let request = configUpdate(spec: ["nodeGroups.ng1.labels.a": .string("b")], upstream: [:])
        XCTAssertEqual(request?.addOrUpdateLabels.mapValues(\.value), ["a": .string("b")])
        XCTAssertEqual(request?.removeLabels, [])
    }

    func testLabelsMixedRemoveAndAdd() {
        let request = configUpdate(
            spec: ["nodeGroups.ng1.labels.a": .string("b"), "nodeGroups.ng1.labels.g": .string("h")],
            upstream: ["nodeGroups.ng1.labels.c": .string("d"), "nodeGroups.ng1.labels.e": .string("f"),
                       "nodeGroups.ng1.labels.g": .string("h")])
        XCTAssertEqual(request?.removeLabels, ["c", "e"])
        XCTAssertEqual(request?.addOrUpdateLabels.mapValues(\.value), ["a": .string("b")])
    }

    func testLabelValueChange() {
        let request = configUpdate(spec: ["nodeGroups.ng1.labels.g": .string("h")], upstream: ["nodeGroups.ng1.labels.g": .string("x")])
        XCTAssertEqual(request?.addOrUpdateLabels.mapValues(\.value), ["g": .string("h")])
        XCTAssertEqual(request?.removeLabels, [])
    }

    func testUnmanagedLabelsAndScalingAreSkipped() {
        XCTAssertNil(configUpdate(
            spec: ["nodeGroups.ng1.labels": nil, "nodeGroups.ng1.desiredSize": nil],
            upstream: ["nodeGroups.ng1.labels.a": .string("b"), "nodeGroups.ng1.desiredSize": .int(5)]))
    }
}
