import ClusterStateMachine
@testable import SyncEngine
import XCTest

/// The sync policies' deciders, one trigger at a time against a scripted AWS.
final class PolicyDeciderTests: XCTestCase {
    private let settled = Fixture.doc(Fixture.baseline)

    private func tick(_ policy: SyncPolicy, state: ClusterState, aws: FakeEKS) -> Decision {
        SyncEngine(profile: .rancher25Cron, refresh: RefreshSettings(), policy: policy)
            .run(.refresherTick, state: state, aws: aws, clock: TestClock(now: 3 * .minute))
    }

    private func reconcile(_ policy: SyncPolicy, state: ClusterState, aws: FakeEKS) -> Decision {
        SyncEngine(profile: .eksOperator2024, refresh: RefreshSettings(), policy: policy)
            .run(.operatorReconcile, state: state, aws: aws, clock: TestClock(now: 3 * .minute))
    }

    private func synced(_ decision: Decision) -> SubtreeChange? {
        for event in decision.events { if case .specSynced(let s) = event { return s.change } }
        return nil
    }

    private func write(_ id: Int, _ actor: Actor, _ path: FieldPath) -> Write {
        Write(id: WriteID(id), actor: actor, step: id - 1, path: path, value: nil, at: 0, basis: [.initial])
    }

    /// A console change to privateAccess on AWS; in Rancher a tags edit not yet applied (Spec ≠ AppliedSpec).
    private func raceB() -> (ClusterState, FakeEKS) {
        let aws = FakeEKS(Fixture.doc(Fixture.baseline, entries: ["privateAccess": Entry(.bool(true), origin: WriteID(1), readAt: 0)]))
        var state = Fixture.state(spec: settled)
        state.writes = [write(1, .console, "privateAccess"), write(2, .rancher, "tags.env")]
        state.rancher.spec = Fixture.doc(Fixture.baseline, entries: ["tags.env": Entry(.string("prod"), origin: WriteID(2), readAt: 0)])
        state.rancher.eksccSpec = state.rancher.spec
        return (state, aws)
    }

    func testThreeWayMergeCopiesOnlyWhatAWSChangedEvenWhileUpdating() {
        let (state, aws) = raceB()
        XCTAssertNil(synced(tick(.rancher, state: state, aws: aws)), "the real refresher skips the sync while updating")
        let change = synced(tick(.threeWayMerge, state: state, aws: aws))
        XCTAssertEqual(change?.entries.keys.sorted(), ["privateAccess"], "Rancher's pending tag is not touched")
        XCTAssertEqual(change?.entries["privateAccess"]?.origin, WriteID(1))
    }

    func testThreeWayMergeOperatorPushesOnlyWhatRancherChanged() {
        let (state, aws) = raceB()
        _ = reconcile(.rancher, state: state, aws: aws)
        XCTAssertTrue(aws.mutations.contains { if case .updateClusterConfig = $0 { true } else { false } }, "the real operator reverts privateAccess")
        let merged = FakeEKS(Fixture.doc(Fixture.baseline, entries: ["privateAccess": Entry(.bool(true), origin: WriteID(1), readAt: 0)]))
        _ = reconcile(.threeWayMerge, state: state, aws: merged)
        XCTAssertEqual(merged.mutations.count, 1, "\(merged.mutations)")
        guard case .tagResource(_, let tags)? = merged.mutations.first else { return XCTFail("\(merged.mutations)") }
        XCTAssertEqual(tags.keys.sorted(), ["env"])
    }

    func testFieldOwnershipNeverCopiesOverARancherWrite() {
        // A Rancher edit recorded as applied (the H2 timeout) while AWS still shows the old value.
        let aws = FakeEKS(settled)
        var state = Fixture.state(spec: settled)
        state.writes = [write(1, .rancher, "privateAccess")]
        state.rancher.spec = Fixture.doc(Fixture.baseline, entries: ["privateAccess": Entry(.bool(true), origin: WriteID(1), readAt: 0)])
        state.rancher.appliedSpec = state.rancher.spec
        XCTAssertEqual(synced(tick(.rancher, state: state, aws: aws))?.entries["privateAccess"]?.value, .bool(false))
        XCTAssertNil(synced(tick(.fieldOwnership, state: state, aws: aws)))
    }

    func testFieldOwnershipReportsAConflictInsteadOfPushingAConsoleOwnedField() {
        let (state, aws) = raceB()
        let decision = reconcile(.fieldOwnership, state: state, aws: aws)
        XCTAssertFalse(aws.mutations.contains { if case .updateClusterConfig = $0 { true } else { false } })
        let conflicts = decision.events.compactMap { if case .syncConflictSurfaced(let c) = $0 { c } else { nil } }
        XCTAssertEqual(conflicts.map(\.path), ["privateAccess"])
        XCTAssertEqual(conflicts.first?.aws?.origin, WriteID(1))
        // Surfaced once: a later pass that finds the same disagreement says nothing new.
        var later = state
        later.rancher.syncConflicts = conflicts
        let again = reconcile(.fieldOwnership, state: later, aws: FakeEKS(Fixture.doc(Fixture.baseline, entries: ["privateAccess": Entry(.bool(true), origin: WriteID(1), readAt: 0)])))
        XCTAssertFalse(again.events.contains { if case .syncConflictSurfaced = $0 { true } else { false } })
    }

    func testSpecWinsNeverCopiesAWSIntoTheSpec() {
        let aws = FakeEKS(Fixture.doc(Fixture.baseline, entries: ["privateAccess": Entry(.bool(true), origin: WriteID(1), readAt: 0)]))
        let state = Fixture.state(spec: settled)
        XCTAssertNotNil(synced(tick(.rancher, state: state, aws: aws)))
        let decision = tick(.specWins, state: state, aws: aws)
        XCTAssertNil(synced(decision))
        XCTAssertTrue(decision.events.contains { if case .upstreamSpecRefreshed = $0 { true } else { false } }, "UpstreamSpec is still refreshed")
    }

    func testObserveOnlyNeverChangesAWS() {
        let (state, aws) = raceB()
        let decision = reconcile(.observeOnly, state: state, aws: aws)
        XCTAssertEqual(aws.mutations, [])
        XCTAssertEqual(decision.statusWrites, [], "nothing to do: the phase stays active")
    }

    func testPerKeyMapsRemovesOnlyKeysRancherApplied() {
        // AWS has a console tag `owner` Rancher never applied, and lost `team` which Rancher did apply
        // and then removed in an edit.
        let aws = FakeEKS(Fixture.doc(Fixture.with(["tags.owner": .string("ops")])))
        var state = Fixture.state(spec: settled)
        state.rancher.spec = Fixture.doc(Fixture.with(["tags.team": nil, "tags.env": .string("prod")]))
        state.rancher.eksccSpec = state.rancher.spec
        _ = reconcile(.perKeyMaps, state: state, aws: aws)
        let untagged = aws.mutations.compactMap { if case .untagResource(_, let keys, _) = $0 { keys } else { nil } }
        XCTAssertEqual(untagged, [["team"]], "owner stays; team, applied before and removed in Rancher, goes")
        let real = FakeEKS(Fixture.doc(Fixture.with(["tags.owner": .string("ops")])))
        _ = reconcile(.rancher, state: state, aws: real)
        XCTAssertEqual(real.mutations.compactMap { if case .untagResource(_, let keys, _) = $0 { keys } else { nil } }, [["owner", "team"]])
    }

    /// rancher#35804: v2.5.x read a failed ListNodegroups as no node groups. A read that swallows the
    /// error still returns a spec; error-safe-refresh raises the error again, so nothing is copied.
    func testErrorSafeRefreshRejectsAReadThatSwallowedAnError() throws {
        let aws = FakeEKS(settled)
        aws.failures["ListNodegroups"] = [.tooManyRequests(), .tooManyRequests()]
        let swallowing = { (aws: any EKSAPI) throws(EKSError) -> SpecDocument in
            let names = (try? aws.listNodegroups(clusterName: "demo")) ?? []  // `ngs, err := …` with no check
            return Fixture.doc(["nodeGroups": .container].merging(names.map { ("nodeGroups." + $0, FieldValue.container) }) { a, _ in a })
        }
        XCTAssertEqual(try SyncPolicy.rancher.refresherRead(aws, swallowing).nodeGroupNames, [], "the bug: an empty list")
        XCTAssertThrowsError(try SyncPolicy.errorSafeRefresh.refresherRead(aws, swallowing)) { error in
            XCTAssertEqual(error as? EKSError, .tooManyRequests())
        }
    }

    /// The refresher's failed-read path as it exists: a failing call stores nothing under either policy.
    func testAFailedRefreshStoresNothing() {
        for policy in [SyncPolicy.rancher, .errorSafeRefresh] {
            let aws = FakeEKS(Fixture.doc(Fixture.with(["privateAccess": .bool(true)])))
            aws.failures["DescribeNodegroup"] = [.tooManyRequests()]
            let decision = tick(policy, state: Fixture.state(spec: settled), aws: aws)
            XCTAssertNil(synced(decision), "\(policy)")
            XCTAssertFalse(decision.events.contains { if case .upstreamSpecRefreshed = $0 { true } else { false } }, "\(policy)")
        }
    }
}
