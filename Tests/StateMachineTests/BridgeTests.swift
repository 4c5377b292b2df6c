import ClusterStateMachine
@testable import SyncEngine
import XCTest

/// The bridge: the push, the 10 s watch and AppliedSpec (reference §4.3).
final class BridgeTests: XCTestCase {
    private let engine = SyncEngine(profile: .eksOperator2025, refresh: RefreshSettings())
    private let settled = Fixture.doc(Fixture.baseline)
    private var edited: SpecDocument {
        Fixture.doc(Fixture.baseline, entries: ["tags.env": Entry(.string("prod"), origin: WriteID(1), readAt: 4 * .minute)])
    }

    private func sync(_ state: ClusterState, at now: SimTime = 0) -> Decision {
        engine.run(.bridgeSync, state: state, aws: FakeEKS(settled), clock: TestClock(now: now))
    }

    private func timeout(_ state: ClusterState, at now: SimTime) -> Decision {
        engine.run(.bridgeWatchTimeout, state: state, aws: FakeEKS(settled), clock: TestClock(now: now))
    }

    /// A settled cluster whose Spec.EKSConfig was then edited.
    private func afterEdit(phase: OperatorPhase = .active) -> ClusterState {
        var state = Fixture.state(spec: settled, phase: phase)
        state.rancher.spec = edited
        return state
    }

    /// `afterEdit` with the push folded at `at`.
    private func pushed(at: SimTime = 0) -> ClusterState {
        var state = afterEdit()
        state.apply(TimedEvent(at: at, actor: .bridge, .eksConfigPushed(DocumentStored(document: edited))))
        return state
    }

    func testADifferingSpecIsPushedWholeWithItsOriginsAndWatchedFor10s() {
        let decision = sync(afterEdit())
        XCTAssertEqual(decision.events, [.eksConfigPushed(DocumentStored(document: edited, reason: "Spec.EKSConfig differs"))])
        XCTAssertEqual(decision.requeues, [Requeue(.bridgeWatchTimeout, after: 10 * .second)])
    }

    func testWatchWaitsWhileActive() {
        XCTAssertEqual(sync(pushed()), Decision(), "blocked in the watch: nothing until an event or the timer")
    }

    func testNonActiveWatchEventEndsTheWatchWithoutAppliedSpec() {
        var state = pushed()
        state.apply(TimedEvent(at: 60, actor: .operator, .operatorStatusUpdated(
            OperatorStatus(phase: .updating, failureMessage: "", completedUpdateIDs: []))))
        let decision = sync(state, at: 110)
        XCTAssertEqual(decision.events, [.bridgeWatchEnded(BridgeWatchEnded(phase: .updating))])
        XCTAssertEqual(decision.requeues, [Requeue(.bridgeSync, after: 5 * .second)])
        XCTAssertFalse(decision.events.contains { if case .appliedSpecRecorded = $0 { true } else { false } })
    }

    func testTimeoutRecordsThePushedSpecAsApplied() {
        let decision = timeout(pushed(at: 1_000), at: 11_000)
        XCTAssertEqual(decision, Decision(events: [
            .appliedSpecRecorded(DocumentStored(document: edited, reason: "10 s watch timeout")),
        ]), "H2: AppliedSpec := Spec although the operator never left active")
    }

    func testTimeoutAfterAnUnprocessedWatchEventEndsTheWatch() {
        var state = pushed(at: 1_000)
        state.apply(TimedEvent(at: 10_990, actor: .operator, .operatorStatusUpdated(
            OperatorStatus(phase: .updating, failureMessage: "", completedUpdateIDs: []))))
        XCTAssertEqual(timeout(state, at: 11_000), Decision(events: [.bridgeWatchEnded(BridgeWatchEnded(phase: .updating))],
                                                             requeues: [Requeue(.bridgeSync, after: 5 * .second)]),
                       "the event reached the watch before its timer")
    }

    func testTimeoutOfAnEarlierWatchOrAClosedWatchDoesNothing() {
        XCTAssertEqual(timeout(pushed(at: 5_000), at: 11_000), Decision(), "the timer of an earlier watch")
        XCTAssertEqual(timeout(afterEdit(), at: 11_000), Decision(), "the watch already ended")
    }

    func testAnEditDuringTheWatchIsPushedRightAfterIt() {
        var state = pushed()
        state.rancher.spec = Fixture.doc(Fixture.with(["tags.env": .string("staging")]))
        XCTAssertEqual(sync(state, at: 2_000), Decision(), "the handler is still blocked")
        let decision = timeout(state, at: 10_000)
        XCTAssertEqual(decision.requeues, [Requeue(.bridgeSync, after: 50)])
    }

    func testPushWhileUpdatingEndsTheWatchOnItsOwnUpdateEvent() {
        let decision = sync(afterEdit(phase: .updating))
        XCTAssertEqual(decision.events, [
            .eksConfigPushed(DocumentStored(document: edited, reason: "Spec.EKSConfig differs")),
            .bridgeWatchEnded(BridgeWatchEnded(phase: .updating)),
        ])
        XCTAssertEqual(decision.requeues, [Requeue(.bridgeSync, after: 5 * .second)])
    }

    func testActiveRecordsAppliedSpec() {
        var state = Fixture.state(spec: edited)
        state.rancher.appliedSpec = settled
        XCTAssertEqual(sync(state), Decision(events: [.appliedSpecRecorded(DocumentStored(document: edited, reason: "active"))]))
        XCTAssertEqual(sync(Fixture.state(spec: edited)), Decision(), "already recorded")
    }

    func testNonActivePhasesPollEvery5s() {
        for phase in [OperatorPhase.updating, .creating, .importing, .none] {
            var state = Fixture.state(spec: settled, phase: phase)
            state.rancher.appliedSpec = nil
            XCTAssertEqual(sync(state), Decision(requeues: [Requeue(.bridgeSync, after: 5 * .second)]), phase.rawValue)
        }
    }

    func testActiveWithoutUpstreamSpecSetsTheInitialOne() {
        var state = Fixture.state(spec: settled)
        state.rancher.upstreamSpec = nil
        let decision = sync(state, at: 7)
        guard case .upstreamSpecRefreshed(let stored)? = decision.events.first else { return XCTFail("\(decision)") }
        XCTAssertEqual(stored.document.values(under: "privateAccess"), ["privateAccess": .bool(false)])
        XCTAssertEqual(stored.document["privateAccess"]?.readAt, 7)
    }
}
