import ClusterStateMachine
@testable import SyncEngine
import XCTest

/// Each behaviour switch at the decision it changes, on both sides of its release boundary
/// (reference/versions.md). Scenario-level differences are in RaceConditionTests.
final class ReleaseSwitchTests: XCTestCase {
    private let settled = Fixture.doc(Fixture.baseline)

    private func release(_ name: String) -> Profile { Profile.named(name)! }

    private func reconcile(_ profile: Profile, spec: SpecDocument, aws: FakeEKS,
                           adjust: (inout ClusterState) -> Void = { _ in }) -> Decision {
        Fixture.reconcile(profile, spec: spec, aws: aws, adjust: adjust)
    }

    // MARK: The table

    func testEveryReleaseFrom250To212ResolvesToItsPinnedOperator() {
        XCTAssertEqual(ReleaseTable.releases.first?.name, "rancher-2.5.0")
        XCTAssertEqual(ReleaseTable.releases.count, 124)
        XCTAssertEqual(release("rancher-2.5.0").release.eksOperator, ReleaseVersion(1, 0, 1))
        XCTAssertEqual(release("rancher-2.6.3").release.eksOperator, ReleaseVersion(1, 1, 2))
        XCTAssertEqual(release("rancher-2.10.3").release.eksOperator, ReleaseVersion(1, 10, 2))
        XCTAssertEqual(release("latest").release, ReleaseTable.latest)
        XCTAssertEqual(ReleaseTable.releases.map(\.version), ReleaseTable.releases.map(\.version).sorted())
        XCTAssertEqual(Set(ReleaseTable.switches.map(\.behaviour)), Set(Behaviour.allCases), "one row per switch")
    }

    func testTheFourFirstNamesAreAliasesOfReleases() {
        XCTAssertEqual(Profile.rancher25Cron.release.name, "rancher-2.5.7")
        XCTAssertEqual(Profile.rancher258Timer.release.name, "rancher-2.5.8")
        XCTAssertEqual(Profile.eksOperator2024.release.name, "rancher-2.10.2")
        XCTAssertEqual(Profile.eksOperator2025.release.name, "rancher-2.11.0")
        XCTAssertEqual(Profile.rancher25Cron.name, "rancher-2.5-cron", "reports keep the name the scenario used")
        XCTAssertEqual(Profile.rancher25Cron.refresher, .cron)
        XCTAssertEqual(Profile.rancher258Timer.refresher, .timer)
    }

    func testAnUnknownProfileNamesTheNearestRelease() {
        XCTAssertNil(Profile.named("rancher-2.6"))
        XCTAssertEqual(Profile.suggestion(for: "rancher-2.6"), "rancher-2.6.0")
        XCTAssertEqual(Profile.suggestion(for: "rancher-2.12.99"), "rancher-2.12.12", "newer than the table: the newest")
        XCTAssertEqual(Profile.suggestion(for: "rancher-2.6.33"), "rancher-2.6.3")
        XCTAssertEqual(Profile.suggestion(for: "eks-operator-2023"), "eks-operator-2024")
    }

    func testRangesAreHalfOpenAndNamed() {
        let range = VersionRange(from: ReleaseVersion(1, 0, 1), until: ReleaseVersion(1, 0, 10))
        XCTAssertTrue(range.contains(ReleaseVersion(1, 0, 9)))
        XCTAssertFalse(range.contains(ReleaseVersion(1, 0, 10)))
        XCTAssertEqual(range.description, "v1.0.1 to before v1.0.10")
        XCTAssertEqual(ReleaseVersion("2.5.10")! > ReleaseVersion("2.5.9")!, true)
        XCTAssertNil(ReleaseVersion("2.6"))
    }

    // MARK: Rancher

    func testListNodegroupsErrorReadsAsAnEmptyListUntil2512() throws {
        func read(_ name: String) throws(EKSError) -> SpecDocument {
            let aws = FakeEKS(settled)
            aws.failures["ListNodegroups"] = [.tooManyRequests()]
            return try EKSUpstreamSpec.read(spec: settled, clusterName: "demo", aws: aws, now: 0, profile: release(name))
        }
        let bug = try read("rancher-2.5.11")
        XCTAssertEqual(bug.nodeGroupNames, [], "rancher#35804: no node groups")
        XCTAssertThrowsError(try read("rancher-2.5.12"))
        XCTAssertThrowsError(try read("rancher-2.6.0"))
    }

    func testTheSyncingErrorConditionHoldsBackAppliedSpecFrom257() {
        var state = Fixture.state(spec: Fixture.doc(Fixture.with(["tags.env": .string("prod")])))
        state.rancher.appliedSpec = settled
        state.rancher.refresher.condition = "[Syncing error: syncing failed] x"
        func bridge(_ name: String) -> Decision {
            SyncEngine(profile: release(name), refresh: RefreshSettings())
                .run(.bridgeSync, state: state, aws: FakeEKS(settled), clock: TestClock())
        }
        XCTAssertEqual(bridge("rancher-2.5.6").events.count, 1, "AppliedSpec recorded")
        XCTAssertEqual(bridge("rancher-2.5.7"), Decision())
    }

    func testTheBridgesTimeoutWriteIsA409WhenTheClusterChangedDuringTheWatch() {
        var state = Fixture.state(spec: settled)
        state.rancher.bridgeWatch = BridgeWatch(pushedAt: 0, pushedSpec: settled, clusterWrites: 0)
        let engine = SyncEngine(profile: .eksOperator2025, refresh: RefreshSettings())
        let clock = TestClock(now: 10 * .second)
        XCTAssertEqual(engine.run(.bridgeWatchTimeout, state: state, aws: FakeEKS(settled), clock: clock).events,
                       [.appliedSpecRecorded(DocumentStored(document: settled, reason: "10 s watch timeout"))])
        state.rancher.clusterWrites = 1
        XCTAssertEqual(engine.run(.bridgeWatchTimeout, state: state, aws: FakeEKS(settled), clock: clock),
                       Decision(events: [.bridgeWatchEnded(BridgeWatchEnded(phase: .active, conflict: true))],
                                requeues: [Requeue(.bridgeSync, after: 5)]))
    }

    func testRancherWorkqueueCapIs1000sBefore260() {
        let timings = SyncTimings()
        XCTAssertEqual(timings.operatorErrorDelay(failures: 20, clientGoDefault: true), 1000 * .second)
        XCTAssertEqual(timings.operatorErrorDelay(failures: 12, clientGoDefault: true), 20_480)
        XCTAssertEqual(timings.operatorErrorDelay(failures: 20), 30 * .second)
        XCTAssertTrue(release("rancher-2.5.17").has(.rancherLimiterCap1000s))
        XCTAssertFalse(release("rancher-2.6.0").has(.rancherLimiterCap1000s))
    }

    // MARK: eks-operator

    func testDowngradesAreSentBeforeOperator190() {
        let stale = Fixture.doc(Fixture.with(["kubernetesVersion": .string("1.29")]))
        let upgraded = FakeEKS(Fixture.doc(Fixture.with(["kubernetesVersion": .string("1.30"),
                                                          "nodeGroups.ng1.version": .string("1.30")])))
        _ = reconcile(release("rancher-2.8.15"), spec: stale, aws: upgraded)
        XCTAssertEqual(upgraded.mutations.map(\.kind), ["Version"], "eks-operator v1.3.7 asks AWS for 1.29")
        let fixed = FakeEKS(Fixture.doc(Fixture.with(["kubernetesVersion": .string("1.30"),
                                                       "nodeGroups.ng1.version": .string("1.30")])))
        _ = reconcile(release("rancher-2.9.0"), spec: stale, aws: fixed)
        XCTAssertFalse(fixed.mutations.map(\.kind).contains("Version"), "v1.9.0 never downgrades")
    }

    func testTagValueChangesAreUntaggedBeforeOperator1010() {
        let edit = Fixture.doc(Fixture.with(["tags.team": .string("data")]))
        let old = FakeEKS(settled)
        _ = reconcile(release("rancher-2.5.17"), spec: edit, aws: old)
        XCTAssertEqual(old.mutations.map(\.kind), ["TagResource", "UntagResource"])
        guard case .untagResource(_, let keys, let removal)? = old.mutations.last else { return XCTFail() }
        XCTAssertEqual(keys, ["team"])
        XCTAssertEqual(removal.origin, .initial, "the removal carries the upstream value it read, not the edit")
        let fixed = FakeEKS(settled)
        _ = reconcile(release("rancher-2.6.0"), spec: edit, aws: fixed)
        XCTAssertEqual(fixed.mutations.map(\.kind), ["TagResource"])
    }

    func testLabelsOnlyEditsSendAnEmptyScalingConfigBeforeOperator1010() {
        let edit = Fixture.doc(Fixture.with(["nodeGroups.ng1.labels.team": .string("web")]))
        let old = FakeEKS(settled)
        _ = reconcile(release("rancher-2.5.8"), spec: edit, aws: old)
        guard case .updateNodegroupConfig(let request)? = old.mutations.first else { return XCTFail("\(old.mutations)") }
        XCTAssertTrue(request.scalingConfigSent)
        XCTAssertNil(request.desiredSize, "only the differing sizes: none")
        let fixed = FakeEKS(settled)
        _ = reconcile(release("rancher-2.6.0"), spec: edit, aws: fixed)
        guard case .updateNodegroupConfig(let sent)? = fixed.mutations.first else { return XCTFail() }
        XCTAssertEqual(sent.desiredSize?.value, .int(2), "every non-nil size is sent")
    }

    func testLabelRemovalsAreDroppedWhenLabelsAreAlsoAddedBeforeOperator1010() {
        let aws = FakeEKS(Fixture.doc(Fixture.with(["nodeGroups.ng1.labels.old": .string("x")])))
        let edit = Fixture.doc(Fixture.with(["nodeGroups.ng1.labels.new": .string("y")]))
        _ = reconcile(release("rancher-2.5.8"), spec: edit, aws: aws)
        guard case .updateNodegroupConfig(let request)? = aws.mutations.first else { return XCTFail() }
        XCTAssertEqual(Array(request.addOrUpdateLabels.keys), ["new"])
        XCTAssertEqual(request.removeLabels, [])
    }

    func testTheTagsStepEndsThePassFromOperator122() {
        let spec = Fixture.doc(Fixture.with(["tags.env": .string("prod"), "loggingTypes": .strings(["audit"])]))
        let before = FakeEKS(settled)
        _ = reconcile(release("rancher-2.7.6"), spec: spec, aws: before)
        XCTAssertEqual(before.mutations.map(\.kind), ["TagResource", "Logging"])
        let after = FakeEKS(settled)
        _ = reconcile(release("rancher-2.7.7"), spec: spec, aws: after)
        XCTAssertEqual(after.mutations.map(\.kind), ["TagResource"])
    }

    func testResourceInUseFallsThroughFromOperator190WithTheOldOrderUntil193() {
        let spec = Fixture.doc(Fixture.with(["tags.env": .string("prod"), "loggingTypes": .strings(["audit"]),
                                             "privateAccess": .bool(true)]))
        func passes(_ name: String) -> [String] {
            let aws = FakeEKS(settled)
            aws.failures["UpdateClusterConfig"] = [.resourceInUse("Cannot LoggingUpdate because cluster demo currently has update u0 in progress")]
            _ = reconcile(release(name), spec: spec, aws: aws)
            return aws.mutations.map(\.kind)
        }
        XCTAssertEqual(passes("rancher-2.8.15"), ["TagResource"], "v1.3.7: tags end the pass")
        XCTAssertEqual(passes("rancher-2.9.0").prefix(2), ["TagResource"], "v1.9.0: old order, tags first")
        XCTAssertEqual(passes("rancher-2.9.3").first, "Access", "v1.9.3: the new order")
    }

    func testNodeGroupSkewIsOneMinorBeforeOperator193() {
        let spec = Fixture.doc(Fixture.with(["kubernetesVersion": .string("1.30"), "nodeGroups.ng1.version": .string("1.28")]))
        XCTAssertNotNil(OperatorPass.validateUpdate(spec, clusterName: "demo", oneMinorSkew: true))
        XCTAssertNil(OperatorPass.validateUpdate(spec, clusterName: "demo", oneMinorSkew: false))
        XCTAssertTrue(release("rancher-2.9.2").has(.nodeGroupSkewOneMinor))
        XCTAssertFalse(release("rancher-2.9.3").has(.nodeGroupSkewOneMinor))
    }

    func testTheListUpdatesGateArrivesWithOperator1103() {
        func listed(_ name: String) -> Bool {
            let aws = FakeEKS(settled)
            _ = reconcile(release(name), spec: settled, aws: aws)
            return aws.calls.contains(.listUpdates)
        }
        XCTAssertFalse(listed("rancher-2.10.3"), "pins v1.10.2")
        XCTAssertTrue(listed("rancher-2.10.4"), "pins v1.10.3")
        XCTAssertFalse(listed("rancher-2.9.12"), "never in v1.9.x")
    }

    func testTheNodeGroupTagFlagIsAssignedFromOperator122AndUntagComesFirstBefore() {
        let spec = Fixture.doc(Fixture.with(["nodeGroups.ng1.tags.a": .string("1")]))
        let aws = FakeEKS(Fixture.doc(Fixture.with(["nodeGroups.ng1.tags.b": .string("2")])))
        _ = reconcile(release("rancher-2.7.6"), spec: spec, aws: aws)
        XCTAssertEqual(aws.mutations.map(\.kind), ["UntagResource", "TagResource"])
        let later = FakeEKS(Fixture.doc(Fixture.with(["nodeGroups.ng1.tags.b": .string("2")])))
        _ = reconcile(release("rancher-2.7.7"), spec: spec, aws: later)
        XCTAssertEqual(later.mutations.map(\.kind), ["TagResource", "UntagResource"])
    }

    func testNodeGroupVersionsGoOnlyToRancherTemplateGroupsFromOperator122() {
        let spec = Fixture.doc(Fixture.with(["nodeGroups.ng1.version": .string("1.28")]))
        func versionSent(_ name: String, onRancherTemplate: Bool) -> Bool {
            let aws = FakeEKS(settled)
            aws.nodegroups[0].onRancherLaunchTemplate = onRancherTemplate
            _ = reconcile(release(name), spec: spec, aws: aws)
            return aws.mutations.map(\.kind).contains("UpdateNodegroupVersion ng1")
        }
        XCTAssertTrue(versionSent("rancher-2.7.6", onRancherTemplate: false), "v1.2.0: any group")
        XCTAssertFalse(versionSent("rancher-2.7.7", onRancherTemplate: false), "v1.2.2: a console-created group is left alone")
        XCTAssertTrue(versionSent("rancher-2.7.7", onRancherTemplate: true))
    }

    func testANodeGroupsVersionWhileUpdatingIsCopiedBeforeOperator130() {
        let aws = FakeEKS(settled)
        aws.setNodegroupStatus("ng1", .updating)
        let kept = UpstreamState.build(cluster: aws.cluster, nodegroups: aws.nodegroups, readAt: 0, versionWhileUpdating: true)
        XCTAssertEqual(kept.string(.ng("ng1", "version")), "1.29")
        let dropped = UpstreamState.build(cluster: aws.cluster, nodegroups: aws.nodegroups, readAt: 0, versionWhileUpdating: false)
        XCTAssertNil(dropped.string(.ng("ng1", "version")), "v1.3.0+: dropped even when it equals the cluster's")
        XCTAssertTrue(release("rancher-2.8.0").has(.upstreamVersionDroppedWhileUpdating))
        XCTAssertFalse(release("rancher-2.7.18").has(.upstreamVersionDroppedWhileUpdating))
    }

    func testTheOperatorLimiterCapIs1000sBeforeOperator112() {
        var state = Fixture.state(spec: settled)
        state.rancher.operatorFailures = 20
        func delay(_ name: String) -> SimTime? {
            let aws = FakeEKS(settled)
            aws.failures["DescribeCluster"] = [.tooManyRequests()]
            return SyncEngine(profile: release(name), refresh: RefreshSettings())
                .run(.operatorReconcile, state: state, aws: aws, clock: TestClock()).requeues.compactMap { r -> SimTime? in
                    if case .after(let d) = r.when, r.kind == .operatorReconcile { d } else { nil }
                }.last
        }
        XCTAssertEqual(delay("rancher-2.6.2"), 1000 * .second, "v1.1.1")
        XCTAssertEqual(delay("rancher-2.6.3"), 30 * .second, "v1.1.2")
    }

    func testTheRefreshCallsDescribeAddonFromOperator191() throws {
        func calls(_ name: String) throws -> [FakeEKS.Call] {
            let aws = FakeEKS(settled)
            _ = try EKSUpstreamSpec.read(spec: settled, clusterName: "demo", aws: aws, now: 0, profile: release(name))
            return aws.calls
        }
        XCTAssertFalse(try calls("rancher-2.9.0").contains(.describeAddon))
        XCTAssertTrue(try calls("rancher-2.9.1").contains(.describeAddon), "not found is no add-on, not an error")
    }

    func testErrorTextsFollowTheSDKOfTheRelease() {
        var state = Fixture.state(spec: settled)
        state.rancher.phase = .active
        func message(_ name: String) -> String {
            let aws = FakeEKS(settled)
            aws.failures["DescribeCluster"] = [.resourceNotFound("No cluster found for name: demo.")]
            return reconcile(release(name), spec: settled, aws: aws).statusWrites.last?.failureMessage ?? ""
        }
        XCTAssertEqual(message("rancher-2.8.15"), "ResourceNotFoundException: No cluster found for name: demo.\n\tstatus code: 404")
        XCTAssertEqual(message("rancher-2.9.0"), "operation error EKS: DescribeCluster, https response error StatusCode: 404, ResourceNotFoundException: No cluster found for name: demo.")
    }
}
