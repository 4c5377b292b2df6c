import ClusterStateMachine
@testable import SyncEngine
import XCTest

/// The ladder's order per profile, ResourceInUse handling, node groups and provenance (reference §2.5).
final class OperatorLadderTests: XCTestCase {
    private let arn = Fixture.clusterARN
    private let settled = Fixture.doc(Fixture.baseline)

    /// A spec that differs from AWS in access, tags and logging.
    private var threeDiffs: SpecDocument {
        Fixture.doc(Fixture.with([
            "privateAccess": .bool(true), "tags.env": .string("prod"), "loggingTypes": .strings(["audit"]),
        ]))
    }

    private func kinds(_ calls: [FakeEKS.Call]) -> [String] { calls.map(\.kind) }

    // MARK: Order per profile

    func testV1AppliesTagsThenLoggingInOnePass() {
        for profile in [Profile.rancher25Cron, .rancher258Timer] {
            let aws = FakeEKS(settled)
            let decision = Fixture.reconcile(profile, spec: threeDiffs, aws: aws)
            XCTAssertEqual(kinds(aws.mutations), ["TagResource", "Logging"], profile.name)
            XCTAssertEqual(decision.statusWrites.map(\.phase), [.updating])
        }
    }

    func testV1TagsAreAppliedJustBeforeTheAccessRevert() {
        // Race A in eks-operator v1.0.x (reference §5, step 4.6).
        let spec = Fixture.doc(Fixture.with(["tags.env": .string("prod")]))
        let aws = FakeEKS(Fixture.doc(Fixture.with(["privateAccess": .bool(true)])))
        _ = Fixture.reconcile(.rancher25Cron, spec: spec, aws: aws)
        XCTAssertEqual(kinds(aws.mutations), ["TagResource", "Access"])
    }

    func testV2024ReturnsAfterAccess() {
        for profile in [Profile.eksOperator2024, .eksOperator2025] {
            let aws = FakeEKS(settled)
            let decision = Fixture.reconcile(profile, spec: threeDiffs, aws: aws)
            XCTAssertEqual(kinds(aws.mutations), ["Access"], profile.name)
            XCTAssertEqual(decision.statusWrites.map(\.phase), [.updating])
        }
    }

    func testV2024StepOrderIsVersionAccessSourcesTagsLogging() {
        XCTAssertEqual(OperatorPass.clusterSteps(.v2024, tagsStepEndsPass: true).map(\.0), [.version, .access, .publicAccessSources, .tags, .logging])
        XCTAssertEqual(OperatorPass.clusterSteps(.v1, tagsStepEndsPass: false).map(\.0), [.version, .tags, .logging, .access, .publicAccessSources])
        XCTAssertEqual(OperatorPass.clusterSteps(.v1, tagsStepEndsPass: false).map(\.endsPass), [true, false, true, true, true])
        // eks-operator v1.2.2 to v1.9.2: the old order, but the tags step returns (a41ba647).
        XCTAssertEqual(OperatorPass.clusterSteps(.v1, tagsStepEndsPass: true).map(\.endsPass), [true, true, true, true, true])
    }

    func testAlreadyUpdatingEnqueuesInsteadOfWritingStatus() {
        let decision = Fixture.reconcile(spec: threeDiffs, aws: FakeEKS(settled), phase: .updating)
        XCTAssertEqual(decision, Decision(requeues: [Requeue(.operatorReconcile, after: 5)]))
    }

    // MARK: ResourceInUse (H3)

    func testResourceInUseFallsThroughIn2024() {
        let aws = FakeEKS(settled)
        aws.failures["UpdateClusterConfig"] = [.resourceInUse("Cannot EndpointAccessUpdate because cluster demo currently has update x in progress"),
                                               .resourceInUse("Cannot LoggingUpdate because cluster demo currently has update x in progress")]
        let decision = Fixture.reconcile(.eksOperator2024, spec: threeDiffs, aws: aws, phase: .updating)
        XCTAssertEqual(kinds(aws.mutations), ["Access", "TagResource"], "access refused: not updated, on to the next step")
        XCTAssertEqual(decision, Decision(requeues: [Requeue(.operatorReconcile, after: 5)]), "no error, no failure message")
    }

    func testResourceInUseEverywhereSetsActiveWithTheChangeUnapplied() {
        let spec = Fixture.doc(Fixture.with(["privateAccess": .bool(true)]))
        let aws = FakeEKS(settled)
        aws.failures["UpdateClusterConfig"] = [.resourceInUse("Cannot EndpointAccessUpdate because cluster demo currently has update x in progress")]
        let decision = Fixture.reconcile(.eksOperator2025, spec: spec, aws: aws, phase: .updating)
        XCTAssertEqual(decision.statusWrites.map(\.phase), [.active], "H3: `active` while AWS never took the change")
    }

    func testResourceInUseIsAnErrorInV1() {
        let aws = FakeEKS(settled)
        aws.failures["UpdateClusterConfig"] = [.resourceInUse("Cannot LoggingUpdate because cluster demo currently has update x in progress")]
        let decision = Fixture.reconcile(.rancher258Timer, spec: threeDiffs, aws: aws, phase: .updating)
        XCTAssertEqual(kinds(aws.mutations), ["TagResource", "Logging"], "the pass stops at the refused step")
        XCTAssertEqual(decision.events, [.operatorBackoff(Backoff(failures: 1))])
        XCTAssertEqual(decision.requeues, [Requeue(.operatorReconcile, after: 5)])
    }

    // MARK: Provenance

    func testEntriesSentCarryTheEKSClusterConfigSpecsProvenance() {
        let edit = Entry(.bool(true), origin: WriteID(7), readAt: 1_234)
        let spec = Fixture.doc(Fixture.baseline, entries: ["privateAccess": edit, "tags.env": Entry(.string("prod"), origin: WriteID(8), readAt: 99)])
        let aws = FakeEKS(settled)
        _ = Fixture.reconcile(.rancher25Cron, spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [
            .tagResource(arn: arn, tags: ["env": Entry(.string("prod"), origin: WriteID(8), readAt: 99)]),
            .updateClusterConfig(UpdateClusterConfigRequest(
                name: "demo", endpointPublicAccess: Entry(.bool(true), origin: .initial, readAt: 0), endpointPrivateAccess: edit)),
        ])
    }

    func testTheOperatorReadsTheEKSClusterConfigNotSpecEKSConfig() {
        let aws = FakeEKS(settled)
        let decision = Fixture.reconcile(spec: settled, aws: aws) {
            $0.rancher.spec = Fixture.doc(Fixture.with(["privateAccess": .bool(true)]))  // not pushed yet
        }
        XCTAssertEqual(aws.mutations, [])
        XCTAssertEqual(decision, Decision())
    }

    func testUntagCarriesTheTombstonesProvenance() {
        let unset = Entry(nil, origin: WriteID(5), readAt: 300)
        let spec = Fixture.doc(Fixture.with(["tags.team": nil]), entries: ["tags.team": unset])
        let aws = FakeEKS(settled)
        _ = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [.untagResource(arn: arn, keys: ["team"], removal: unset)])
    }

    // MARK: Node groups

    func testUnmanagedNodeGroupsGoStraightToActive() {
        let aws = FakeEKS(Fixture.doc(Fixture.with(["nodeGroups.ng1.desiredSize": .int(9)])))
        let decision = Fixture.reconcile(spec: Fixture.doc(Fixture.with(["nodeGroups": nil])), aws: aws, phase: .updating)
        XCTAssertEqual(aws.mutations, [])
        XCTAssertEqual(decision.statusWrites.map(\.phase), [.active])
    }

    func testMissingNodeGroupIsCreatedFromTheSpecAfterSettingUpdating() {
        let created = Entry(.container, origin: WriteID(3), readAt: 50)
        let spec = Fixture.doc(Fixture.with(["nodeGroups.ng2": .container, "nodeGroups.ng2.desiredSize": .int(1)]),
                               entries: ["nodeGroups.ng2": created])
        let aws = FakeEKS(settled)
        let decision = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [.createNodegroup(CreateNodegroupRequest(
            clusterName: "demo", nodegroupName: "ng2",
            document: SpecDocument(entries: ["nodeGroups.ng2": created,
                                             "nodeGroups.ng2.desiredSize": Entry(.int(1), origin: .initial, readAt: 0)])))])
        XCTAssertEqual(decision.statusWrites.map(\.phase), [.updating])
        XCTAssertEqual(decision.requeues, [Requeue(.operatorReconcile, after: 5)])
    }

    func testExtraNodeGroupIsDeletedWithTheListsProvenance() {
        let list = Entry(.container, origin: WriteID(2), readAt: 10)
        let spec = Fixture.doc(Fixture.baseline, entries: ["nodeGroups": list])
        let aws = FakeEKS(Fixture.doc(Fixture.with(["nodeGroups.ng9": .container, "nodeGroups.ng9.desiredSize": .int(1)])))
        _ = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.calls.suffix(2), [.describeNodegroup("ng9"), .deleteNodegroup("ng9", removal: Entry(nil, origin: WriteID(2), readAt: 10))],
                       "H4: a console-created group is deleted; the removal is the list's write")
    }

    func testDeletedNodeGroupsTombstoneIsTheRemoval() {
        let unset = Entry(nil, origin: WriteID(6), readAt: 70)
        let spec = Fixture.doc(Fixture.with(["nodeGroups.ng1": nil]), entries: ["nodeGroups.ng1": unset])
        let aws = FakeEKS(settled)
        _ = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [.deleteNodegroup("ng1", removal: unset)])
    }

    func testCreateAndDeleteHappenInOnePass() {
        let spec = Fixture.doc(Fixture.with(["nodeGroups.ng1": nil, "nodeGroups.ng2": .container]))
        let aws = FakeEKS(settled)
        _ = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(kinds(aws.mutations), ["CreateNodegroup ng2", "DeleteNodegroup ng1"])
    }

    func testOneActionPerGroup() {
        let spec = Fixture.doc(Fixture.with([
            "kubernetesVersion": .string("1.30"), "nodeGroups.ng1.version": .string("1.30"), "nodeGroups.ng1.desiredSize": .int(5),
        ]))
        let aws = FakeEKS(Fixture.doc(Fixture.with(["kubernetesVersion": .string("1.30")])))
        let decision = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [.updateNodegroupVersion("ng1", Entry(.string("1.30"), origin: .initial, readAt: 0))],
                       "the version first; the scaling waits for a later pass")
        XCTAssertEqual(decision.statusWrites.map(\.phase), [.updating])
    }

    func testNodeGroupTagFlagBugFallsThroughToActive() {
        // ng1 gets a config update, then ng2 (tags managed, no tag diff) ASSIGNS false to the flag.
        let twoGroups = Fixture.with(["nodeGroups.ng2": .container, "nodeGroups.ng2.tags": .container,
                                      "nodeGroups.ng2.tags.a": .string("1")])
        var wanted = twoGroups
        wanted["nodeGroups.ng1.desiredSize"] = .int(5)
        let aws = FakeEKS(Fixture.doc(twoGroups))
        let decision = Fixture.reconcile(spec: Fixture.doc(wanted), aws: aws, phase: .updating)
        XCTAssertEqual(kinds(aws.mutations), ["UpdateNodegroupConfig ng1"])
        XCTAssertEqual(decision.statusWrites.map(\.phase), [.active], "phase active while ng1 is updating (reference §2.5)")
        XCTAssertEqual(decision.requeues, [])
    }

    func testNodeGroupTagsAreUpdatedOnTheNodeGroupARN() {
        let aws = FakeEKS(settled)
        let spec = Fixture.doc(Fixture.with(["nodeGroups.ng1.tags.owner": .string("me")]))
        let decision = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations, [.tagResource(arn: Fixture.nodegroupARN("ng1"), tags: ["owner": spec[.ng("ng1", "tags.owner")]!])])
        XCTAssertEqual(decision.statusWrites.map(\.phase), [.updating])
    }

    func testNoDiffSetsActiveOnce() {
        let aws = FakeEKS(settled)
        XCTAssertEqual(Fixture.reconcile(spec: settled, aws: aws, phase: .updating).statusWrites.map(\.phase), [.active])
        XCTAssertEqual(Fixture.reconcile(spec: settled, aws: aws, phase: .active), Decision())
    }

    func testDeletingNodeGroupsAreSkippedByTheUpstreamBuilder() {
        var aws = FakeEKS(Fixture.doc(Fixture.with(["nodeGroups.ng2": .container])))
        aws.setNodegroupStatus("ng2", .deleting)
        let cluster = aws.cluster
        let upstream = UpstreamState.build(cluster: cluster, nodegroups: aws.nodegroups, readAt: 5)
        XCTAssertEqual(upstream.nodeGroupNames, ["ng1"])
        aws = FakeEKS(Fixture.doc(Fixture.with(["nodeGroups.ng1.version": .string("1.28")])))
        aws.setNodegroupStatus("ng1", .updating)
        XCTAssertNil(UpstreamState.build(cluster: aws.cluster, nodegroups: aws.nodegroups, readAt: 5)[.ng("ng1", "version")],
                     "an UPDATING group's version is kept only when it equals the cluster's")
    }
}
