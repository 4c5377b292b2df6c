import ClusterStateMachine
@testable import SyncEngine
import XCTest

/// The facade: which component runs, the watch wiring, the first tick.
final class SyncEngineTests: XCTestCase {
    private let engine = SyncEngine(profile: .eksOperator2024, refresh: RefreshSettings())
    private let settled = Fixture.doc(Fixture.baseline)
    private let status = OperatorStatus(phase: .updating, failureMessage: "", completedUpdateIDs: [])

    func testSpecChangesWakeTheBridge() {
        let state = Fixture.state(spec: settled)
        let change = ClusterEvent.rancherSpecEdited(SpecChange(change: SubtreeChange()))
        XCTAssertEqual(engine.reactions(to: change, in: state), [Requeue(.bridgeSync, after: 50)])
        XCTAssertEqual(engine.reactions(to: .specSynced(SpecChange(change: SubtreeChange())), in: state), [Requeue(.bridgeSync, after: 50)])
    }

    func testAPushWakesTheOperator() {
        XCTAssertEqual(engine.reactions(to: .eksConfigPushed(DocumentStored(document: settled)), in: Fixture.state(spec: settled)),
                       [Requeue(.operatorReconcile, after: 50)])
    }

    func testTheOperatorsStatusWriteWakesItselfAndAWatchingBridge() {
        var state = Fixture.state(spec: settled, phase: .updating)
        XCTAssertEqual(engine.reactions(to: .operatorStatusUpdated(status), in: state), [Requeue(.operatorReconcile, after: 50)])
        state.rancher.bridgeWatch = BridgeWatch(pushedAt: 0, pushedSpec: settled)
        XCTAssertEqual(engine.reactions(to: .operatorStatusUpdated(status), in: state),
                       [Requeue(.bridgeSync, after: 50), Requeue(.operatorReconcile, after: 50)])
        state.rancher.phase = .active
        XCTAssertEqual(engine.reactions(to: .operatorStatusUpdated(status), in: state), [Requeue(.operatorReconcile, after: 50)],
                       "an active status is not the event the bridge waits for")
    }

    func testOtherEventsTriggerNothing() {
        let state = Fixture.state(spec: settled)
        XCTAssertEqual(engine.reactions(to: .appliedSpecRecorded(DocumentStored(document: settled)), in: state), [])
        XCTAssertEqual(engine.reactions(to: .upstreamSpecRefreshed(DocumentStored(document: settled)), in: state), [])
        XCTAssertEqual(engine.reactions(to: .operatorBackoff(Backoff(failures: 1)), in: state), [])
    }

    func testFirstTick() {
        let clock = TestClock()  // 2025-01-01T10:58:00Z
        XCTAssertEqual(SyncEngine(profile: .rancher25Cron, refresh: RefreshSettings()).initialWork(clock: clock),
                       [Requeue(.refresherTick, at: 2 * .minute)], "the next wall-clock */5 fire time, 11:00")
        XCTAssertEqual(SyncEngine(profile: .rancher258Timer, refresh: RefreshSettings(lastRefresh: -240 * .second)).initialWork(clock: clock),
                       [Requeue(.refresherTick, at: 60 * .second)], "eks-refresh after the last refresh")
        XCTAssertEqual(engine.initialWork(clock: clock), [Requeue(.refresherTick, at: 300 * .second)])
    }

    func testWorkThatIsNotTheEnginesDecidesNothing() {
        let aws = FakeEKS(settled)
        for work in [WorkKind.step(0), .awsUpdateDone("u"), .awsStatusVisible("u"), .awsNodegroupDone("ng1")] {
            XCTAssertEqual(engine.run(work, state: Fixture.state(spec: settled), aws: aws, clock: TestClock()), Decision())
        }
        XCTAssertEqual(aws.calls, [])
    }
}
