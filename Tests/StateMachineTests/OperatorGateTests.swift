import ClusterStateMachine
@testable import SyncEngine
import XCTest

/// `checkAndUpdate`'s gates before the ladder, `recordError` and the rate limiter (reference §2.1–§2.4).
final class OperatorGateTests: XCTestCase {
    private let settled = Fixture.doc(Fixture.baseline)

    private func update(_ id: String, _ status: UpdateStatus) -> UpdateDescription {
        UpdateDescription(id: id, type: .endpointAccessUpdate, status: status, params: [], createdAt: 0, errors: [])
    }

    // MARK: ListUpdates gate (eks-cluster-config-handler_test.go)

    func testCompletedUpdatesAreRecordedAndInProgressWaits() {
        let aws = FakeEKS(settled)
        aws.updates = [update("1", .cancelled), update("2", .failed), update("3", .successful), update("4", .inProgress)]
        let decision = Fixture.reconcile(.eksOperator2025, spec: settled, aws: aws)
        XCTAssertEqual(decision.statusWrites, [OperatorStatus(phase: .updating, failureMessage: "", completedUpdateIDs: ["1", "2", "3"])])
        XCTAssertEqual(aws.mutations, [])
        XCTAssertFalse(aws.calls.contains(.listNodegroups), "the gate returns before the node group reads")
    }

    func testAnInProgressUpdateGivesPhaseUpdatingWhileDescribeClusterStillSaysActive() {
        let spec = Fixture.doc(Fixture.with(["privateAccess": .bool(true)]))
        let aws = FakeEKS(settled)  // ACTIVE with the old values: the status lag of eks-operator#752
        aws.updates = [update("9", .inProgress)]
        let decision = Fixture.reconcile(.eksOperator2025, spec: spec, aws: aws)
        XCTAssertEqual(decision.statusWrites.map(\.phase), [.updating])
        XCTAssertEqual(aws.mutations, [], "PR #1166: no revert is sent while an update is InProgress")
    }

    func testWithoutTheGateTheStaleActiveClusterIsUpdatedAgain() {
        let spec = Fixture.doc(Fixture.with(["privateAccess": .bool(true)]))
        let aws = FakeEKS(settled)
        aws.updates = [update("9", .inProgress)]
        _ = Fixture.reconcile(.eksOperator2024, spec: spec, aws: aws)
        XCTAssertFalse(aws.calls.contains(.listUpdates))
        XCTAssertEqual(aws.mutations.count, 1, "before PR #1166 the operator re-sends on a stale ACTIVE read")
    }

    func testCompletedIdsAreNotPersistedWithoutALaterStatusWrite() {
        // Already `updating`: the in-place append is never copied into an UpdateStatus.
        let aws = FakeEKS(settled)
        aws.updates = [update("1", .successful), update("2", .inProgress)]
        let decision = Fixture.reconcile(.eksOperator2025, spec: settled, aws: aws, phase: .updating)
        XCTAssertEqual(decision.statusWrites, [])
        XCTAssertEqual(decision.requeues, [Requeue(.operatorReconcile, after: 30 * .second)])
    }

    func testCompletedIdsRideAlongWithTheNextStatusWrite() {
        let aws = FakeEKS(settled)
        aws.updates = [update("1", .successful), update("2", .successful)]
        let decision = Fixture.reconcile(.eksOperator2025, spec: settled, aws: aws, phase: .updating) {
            $0.rancher.completedUpdateIDs = ["1"]
        }
        XCTAssertEqual(aws.calls.filter { if case .describeUpdate = $0 { true } else { false } }, [.describeUpdate("2")],
                       "ids already completed are not described again")
        XCTAssertEqual(decision.statusWrites, [OperatorStatus(phase: .active, failureMessage: "", completedUpdateIDs: ["1", "2"])])
    }

    // MARK: Cluster and node group status gates

    func testUpdatingClusterSetsPhaseThenPolls() {
        let aws = FakeEKS(settled, status: .updating)
        let first = Fixture.reconcile(spec: settled, aws: aws)
        XCTAssertEqual(first.statusWrites.map(\.phase), [.updating])
        XCTAssertEqual(first.requeues, [], "the status write's own watch event re-triggers the reconcile")
        let second = Fixture.reconcile(spec: settled, aws: aws, phase: .updating)
        XCTAssertEqual(second, Decision(requeues: [Requeue(.operatorReconcile, after: 30 * .second)]))
        XCTAssertEqual(aws.mutations, [])
    }

    func testUpdatingNodeGroupSetsPhaseAndPolls() {
        let aws = FakeEKS(settled)
        aws.setNodegroupStatus("ng1", .updating)
        let decision = Fixture.reconcile(spec: Fixture.doc(Fixture.with(["nodeGroups.ng1.desiredSize": .int(5)])), aws: aws)
        XCTAssertEqual(decision.statusWrites.map(\.phase), [.updating])
        XCTAssertEqual(decision.requeues, [Requeue(.operatorReconcile, after: 30 * .second)])
        XCTAssertEqual(aws.mutations, [])
    }

    // MARK: validateUpdate, recordError, backoff

    func testNodeGroupVersionSkewFailsValidation() {
        let spec = Fixture.doc(Fixture.with(["kubernetesVersion": .string("1.25"), "nodeGroups.ng1.version": .string("1.21")]))
        let aws = FakeEKS(settled)
        let decision = Fixture.reconcile(spec: spec, aws: aws)
        XCTAssertEqual(aws.calls, [], "validation runs before DescribeCluster")
        XCTAssertEqual(decision.statusWrites.map(\.phase), [.updating, .updating])
        XCTAssertEqual(decision.statusWrites.last?.failureMessage,
                       "versions for cluster [1.25] and node group [1.21] are not compatible: the node group version may only be up to three minor versions older than the cluster version")
        XCTAssertTrue(decision.events.contains(.operatorBackoff(Backoff(failures: 1))))
        XCTAssertEqual(decision.requeues, [Requeue(.operatorReconcile, after: 5)])
        XCTAssertNil(OperatorPass.validateUpdate(Fixture.doc(Fixture.with(["kubernetesVersion": .string("1.32")])), clusterName: "demo"),
                     "three minor versions behind is allowed")
    }

    func testAnErrorSetsFailureMessageAndLeavesActive() {
        let aws = FakeEKS(settled)
        aws.failures["DescribeCluster"] = [.tooManyRequests()]
        let decision = Fixture.reconcile(spec: settled, aws: aws)
        XCTAssertEqual(decision.statusWrites, [OperatorStatus(
            phase: .updating, failureMessage: "operation error EKS: DescribeCluster, https response error StatusCode: 429, TooManyRequestsException: Too Many Requests",
            completedUpdateIDs: [])])
    }

    func testCurrentlyHasUpdateErrorsAreRetriedSilently() {
        let spec = Fixture.doc(Fixture.with(["privateAccess": .bool(true)]))
        let aws = FakeEKS(settled)
        aws.failures["UpdateClusterConfig"] = [.resourceInUse("Cannot EndpointAccessUpdate because cluster demo currently has update abc in progress")]
        let decision = Fixture.reconcile(.rancher25Cron, spec: spec, aws: aws)
        XCTAssertEqual(decision.statusWrites, [], "no failureMessage and the phase stays active (H2: the bridge's watch sees nothing)")
        XCTAssertEqual(decision.events, [.operatorBackoff(Backoff(failures: 1))])
        XCTAssertEqual(decision.requeues, [Requeue(.operatorReconcile, after: 5)])
    }

    func testSuccessClearsAStaleFailureMessageAndResetsTheBackoff() {
        let aws = FakeEKS(settled)
        let decision = Fixture.reconcile(spec: settled, aws: aws, phase: .updating) {
            $0.rancher.failureMessage = "old"
            $0.rancher.operatorFailures = 4
        }
        XCTAssertEqual(decision.statusWrites, [
            OperatorStatus(phase: .active, failureMessage: "old", completedUpdateIDs: []),
            OperatorStatus(phase: .active, failureMessage: "", completedUpdateIDs: []),
        ])
        XCTAssertEqual(decision.events.last, .operatorBackoff(Backoff(failures: 0)))
    }

    func testRateLimiterBacksOffExponentiallyThenSlow() {
        let timings = SyncTimings()
        XCTAssertEqual((0...4).map { timings.operatorErrorDelay(failures: $0) }, [5, 10, 20, 40, 80])
        XCTAssertEqual(timings.operatorErrorDelay(failures: 13), 30 * .second, "capped at 30 s")
        XCTAssertEqual(timings.operatorErrorDelay(failures: 29), 30 * .second)
        XCTAssertEqual(timings.operatorErrorDelay(failures: 30), 2 * .minute, "the fast/slow limiter after 30 failures")

        let aws = FakeEKS(settled)
        aws.failures["DescribeCluster"] = [.tooManyRequests()]
        let decision = Fixture.reconcile(spec: settled, aws: aws, phase: .updating) { $0.rancher.operatorFailures = 3 }
        XCTAssertEqual(decision.requeues, [Requeue(.operatorReconcile, after: 40)])
        XCTAssertEqual(decision.events.last, .operatorBackoff(Backoff(failures: 4)))
    }

    func testEnqueueAfterAFailureIsRateLimited() {
        let spec = Fixture.doc(Fixture.with(["privateAccess": .bool(true)]))
        let decision = Fixture.reconcile(spec: spec, aws: FakeEKS(settled), phase: .updating) { $0.rancher.operatorFailures = 2 }
        XCTAssertEqual(decision.requeues, [Requeue(.operatorReconcile, after: 20)], "Enqueue is AddRateLimited before Forget")
    }

    func testADownOperatorMissesEventsAndReconcilesWhenItRestarts() {
        let aws = FakeEKS(settled)
        let decision = Fixture.reconcile(spec: Fixture.doc(Fixture.with(["privateAccess": .bool(true)])), aws: aws, now: 1_000) {
            $0.rancher.operatorDownUntil = 120_000
        }
        XCTAssertEqual(decision, Decision.none, "down: the event is missed")
        XCTAssertEqual(aws.calls, [])
        let engine = SyncEngine(profile: .eksOperator2025, refresh: RefreshSettings())
        XCTAssertEqual(engine.reactions(to: .faultCleared(.operatorDown(until: 120_000)), in: ClusterState()),
                       [Requeue(.operatorReconcile, after: SyncTimings().operatorWatchLatency)], "the restart lists and reconciles")
        let back = Fixture.reconcile(spec: settled, aws: aws, now: 120_000)
        XCTAssertEqual(back, Decision())
        XCTAssertEqual(aws.calls.first, .describeCluster)
    }

    // MARK: Other phases

    func testImportedClusterIsImportedThenActive() {
        var values = Fixture.baseline
        values["imported"] = .bool(true)
        let aws = FakeEKS(settled)
        XCTAssertEqual(Fixture.reconcile(spec: Fixture.doc(values), aws: aws, phase: .none).statusWrites.map(\.phase), [.importing])
        XCTAssertEqual(Fixture.reconcile(spec: Fixture.doc(values), aws: aws, phase: .importing).statusWrites.map(\.phase), [.active])
    }

    func testCreatingPollsUntilActive() {
        let aws = FakeEKS(settled, status: .creating)
        XCTAssertEqual(Fixture.reconcile(spec: settled, aws: aws, phase: .creating),
                       Decision(requeues: [Requeue(.operatorReconcile, after: 30 * .second)]))
        aws.cluster.status = .active
        XCTAssertEqual(Fixture.reconcile(spec: settled, aws: aws, phase: .creating).statusWrites.map(\.phase), [.active])
    }
}
