import ClusterStateMachine
@testable import SyncEngine
import XCTest

/// The refresher: UpstreamSpec, the Spec-vs-AppliedSpec guard, whole-key sync, scheduling (reference §4.1, §4.2).
final class RefresherTests: XCTestCase {
    private let settled = Fixture.doc(Fixture.baseline)

    private func tick(_ profile: Profile = .rancher25Cron, state: ClusterState, aws: FakeEKS, now: SimTime = 3 * .minute,
                      refresh: RefreshSettings = RefreshSettings()) -> Decision {
        SyncEngine(profile: profile, refresh: refresh).run(.refresherTick, state: state, aws: aws, clock: TestClock(now: now))
    }

    private func synced(_ decision: Decision) -> SubtreeChange? {
        for event in decision.events { if case .specSynced(let s) = event { return s.change } }
        return nil
    }

    private func refreshed(_ decision: Decision) -> SpecDocument? {
        for event in decision.events { if case .upstreamSpecRefreshed(let d) = event { return d.document } }
        return nil
    }

    func testConsoleChangeIsCopiedIntoAManagedKeyWithItsOriginAndTheReadTime() {
        let consoleWrite = Entry(.bool(true), origin: WriteID(1), readAt: 1 * .minute)
        let aws = FakeEKS(Fixture.doc(Fixture.baseline, entries: ["privateAccess": consoleWrite]))
        let decision = tick(state: Fixture.state(spec: settled), aws: aws, now: 3 * .minute)
        XCTAssertEqual(refreshed(decision)?["privateAccess"], Entry(.bool(true), origin: WriteID(1), readAt: 3 * .minute))
        XCTAssertEqual(synced(decision), SubtreeChange(
            replaced: ["privateAccess"], entries: ["privateAccess": Entry(.bool(true), origin: WriteID(1), readAt: 3 * .minute)]))
    }

    func testWhileSpecDiffersFromAppliedOnlyUpstreamSpecIsRefreshed() {
        let aws = FakeEKS(Fixture.doc(Fixture.with(["privateAccess": .bool(true)])))
        var state = Fixture.state(spec: settled)
        state.rancher.spec = Fixture.doc(Fixture.with(["tags.env": .string("prod")]))  // a Rancher edit not yet applied
        let decision = tick(state: state, aws: aws)
        XCTAssertEqual(refreshed(decision)?.bool("privateAccess"), true)
        XCTAssertNil(synced(decision), "§4.2 step 5: \"currently updating, skipping spec sync\"")
    }

    func testUnmanagedKeysAreSkipped() {
        let spec = Fixture.doc(Fixture.with(["privateAccess": nil, "tags": nil]))
        let aws = FakeEKS(Fixture.doc(Fixture.with(["privateAccess": .bool(true), "tags.new": .string("x")])))
        let decision = tick(state: Fixture.state(spec: spec), aws: aws)
        XCTAssertNotNil(refreshed(decision))
        XCTAssertNil(synced(decision))
    }

    func testManagedEmptyValuesAreSynced() {
        let spec = Fixture.doc(Fixture.with(["tags.team": nil]))  // tags: {} is managed
        let aws = FakeEKS(Fixture.doc(Fixture.baseline))
        XCTAssertEqual(synced(tick(state: Fixture.state(spec: spec), aws: aws))?.replaced, ["tags"])
    }

    func testTagsAreReplacedAsAWholeMap() {
        let rancherTag = Entry(.string("1"), origin: WriteID(2), readAt: 10)
        let spec = Fixture.doc(Fixture.with(["tags.team": nil]), entries: ["tags.a": rancherTag])
        let aws = FakeEKS(Fixture.doc(Fixture.with(["tags.team": nil, "tags.a": .string("1")]),
                                      entries: ["tags.a": rancherTag, "tags.b": Entry(.string("2"), origin: WriteID(3), readAt: 20)]))
        let change = synced(tick(state: Fixture.state(spec: spec), aws: aws, now: 60_000))
        XCTAssertEqual(change?.replaced, ["tags"])
        XCTAssertEqual(change?.entries, [
            "tags": Entry(.container, origin: .initial, readAt: 60_000),
            "tags.a": Entry(.string("1"), origin: WriteID(2), readAt: 60_000),
            "tags.b": Entry(.string("2"), origin: WriteID(3), readAt: 60_000),
        ], "no per-key merge: the whole upstream map, origins kept, read now")
    }

    func testNodeGroupsAreReplacedAsAWholeList() {
        let aws = FakeEKS(Fixture.doc(Fixture.with(["nodeGroups.ng1.desiredSize": .int(4), "nodeGroups.ng2": .container])))
        let change = synced(tick(state: Fixture.state(spec: settled), aws: aws))
        XCTAssertEqual(change?.replaced, ["nodeGroups"])
        XCTAssertEqual(change?.entries["nodeGroups.ng2"]?.value, .container)
        XCTAssertEqual(change?.entries["nodeGroups.ng1.desiredSize"]?.value, .int(4))
    }

    func testIdentityFieldsAreNeverSynced() {
        let aws = FakeEKS(Fixture.doc(Fixture.with([
            "subnets": .strings(["subnet-9"]), "region": .string("eu-west-1"), "serviceRole": .string("other"),
        ])))
        aws.cluster.name = "renamed"
        let decision = tick(state: Fixture.state(spec: settled), aws: aws)
        XCTAssertNil(synced(decision))
        XCTAssertNil(refreshed(decision), "the identity fields are forced equal to Spec.EKSConfig")
    }

    func testNothingChangedStoresNothing() {
        let decision = tick(state: Fixture.state(spec: settled), aws: FakeEKS(settled))
        XCTAssertEqual(decision.events, [])
    }

    func testNoUpstreamSpecYetSkipsTheRefresh() {
        var state = Fixture.state(spec: settled)
        state.rancher.upstreamSpec = nil
        let aws = FakeEKS(settled)
        XCTAssertEqual(tick(.eksOperator2024, state: state, aws: aws), Decision(requeues: [Requeue(.refresherTick, after: 300 * .second)]))
        XCTAssertEqual(aws.calls, [])
    }

    // MARK: Scheduling

    func testCronTicksAreWallClockAligned() {
        // Start 10:58:00, now 3 min later = 11:01:00: the next */5 fire time is 11:05:00 = offset 7 min.
        let decision = tick(state: Fixture.state(spec: settled), aws: FakeEKS(settled), now: 3 * .minute)
        XCTAssertEqual(decision.requeues, [Requeue(.refresherTick, at: 7 * .minute)])
        let onTheDot = tick(state: Fixture.state(spec: settled), aws: FakeEKS(settled), now: 7 * .minute)
        XCTAssertEqual(onTheDot.requeues, [Requeue(.refresherTick, at: 12 * .minute)], "strictly after")
    }

    func testTimerTicksFollowTheLastRefresh() {
        let decision = tick(.rancher258Timer, state: Fixture.state(spec: settled), aws: FakeEKS(settled),
                            refresh: RefreshSettings(interval: 120 * .second))
        XCTAssertEqual(decision.requeues, [Requeue(.refresherTick, after: 120 * .second)])
    }

    func testAFailedReadIsHandledAsEachReleaseHandlesIt() {
        var throttled: FakeEKS {
            let aws = FakeEKS(settled)
            aws.failures["DescribeNodegroup"] = [.tooManyRequests()]
            return aws
        }
        let condition = RefresherStatus(condition: "[Syncing error: syncing failed] TooManyRequestsException: Too Many Requests")
        let edited = Fixture.state(spec: Fixture.doc(Fixture.with(["privateAccess": .bool(true)])))
        // Rancher 2.5.0–2.5.6: logged only; the cron job waits for its next fire time.
        XCTAssertEqual(tick(Profile.named("rancher-2.5.6")!, state: edited, aws: throttled),
                       Decision(requeues: [Requeue(.refresherTick, at: 7 * .minute)]))
        // 2.5.7 also writes the `[Syncing error` condition.
        XCTAssertEqual(tick(.rancher25Cron, state: edited, aws: throttled),
                       Decision(events: [.refresherStatusChanged(condition)], requeues: [Requeue(.refresherTick, at: 7 * .minute)]))
        // 2.5.8, Spec == AppliedSpec: `ToUnstructured(nil)` fails the handler; Rancher's workqueue
        // retries it 5 ms · 2^failures (client-go's limiter, up to 1000 s) and nothing is saved.
        var state = Fixture.state(spec: settled)
        state.rancher.refresherFailures = 3
        XCTAssertEqual(tick(.rancher258Timer, state: state, aws: throttled),
                       Decision(events: [.refresherBackoff(Backoff(failures: 4))], requeues: [Requeue(.refresherTick, after: 40)]))
        // Later releases save the condition and wait a whole interval.
        XCTAssertEqual(tick(.eksOperator2025, state: Fixture.state(spec: settled), aws: throttled),
                       Decision(events: [.refresherStatusChanged(condition)], requeues: [Requeue(.refresherTick, after: 300 * .second)]))
    }

    func testRancher258NullsUpstreamSpecWhenAFailedReadMeetsAnUnappliedEdit() {
        let throttled = FakeEKS(settled)
        throttled.failures["DescribeCluster"] = [.tooManyRequests()]
        var state = Fixture.state(spec: Fixture.doc(Fixture.with(["privateAccess": .bool(true)])))
        state.rancher.appliedSpec = settled
        let decision = tick(.rancher258Timer, state: state, aws: throttled)
        XCTAssertEqual(decision.events, [
            .refresherStatusChanged(RefresherStatus(condition: "[Syncing error] TooManyRequestsException: Too Many Requests")),
            .upstreamSpecCleared(UpstreamSpecCleared(reason: "failed refresh while Spec.EKSConfig ≠ AppliedSpec")),
        ])
        // With UpstreamSpec nil, `getProviderAndReadyStatus` says not ready: the refresher stops.
        var after = state
        for event in decision.events { after.apply(TimedEvent(at: 0, actor: .refresher, event)) }
        XCTAssertNil(after.rancher.upstreamSpec)
        XCTAssertEqual(tick(.rancher258Timer, state: after, aws: FakeEKS(settled)), Decision())
        // Rancher 2.6.3 (fixed by 2bab3717c2) keeps UpstreamSpec and waits an interval.
        let fixed = tick(Profile.named("rancher-2.6.3")!, state: state, aws: throttled)
        XCTAssertFalse(fixed.events.contains { if case .upstreamSpecCleared = $0 { true } else { false } })
        XCTAssertEqual(fixed.requeues, [Requeue(.refresherTick, after: 300 * .second)])
    }

    func testAClearedConditionHoldsTheSyncBackOneTick() {
        // The tick that clears `[Syncing error` still sees Spec ≠ AppliedSpec (the gate kept the
        // bridge from recording it) and skips the sync.
        let console = Entry(.bool(true), origin: WriteID(1), readAt: 1 * .minute)
        let aws = FakeEKS(Fixture.doc(Fixture.baseline, entries: ["privateAccess": console]))
        var state = Fixture.state(spec: Fixture.doc(Fixture.with(["tags.env": .string("prod")])))
        state.rancher.appliedSpec = settled
        state.rancher.refresher.condition = "[Syncing error: syncing failed] x"
        let decision = tick(.rancher25Cron, state: state, aws: aws)
        XCTAssertTrue(decision.events.contains(.refresherStatusChanged(RefresherStatus())))
        XCTAssertNil(synced(decision))
    }

    func testATickInsideTheBridgesWatchWaitsForItFromRancher258() {
        var state = Fixture.state(spec: settled)
        state.rancher.bridgeWatch = BridgeWatch(pushedAt: 0, pushedSpec: settled)
        let deferred = tick(.rancher258Timer, state: state, aws: FakeEKS(settled))
        XCTAssertEqual(deferred, Decision(events: [.refresherStatusChanged(RefresherStatus(waitingForBridge: true))]))
        // The cron job of 2.5.7 is a goroutine of its own: it runs at its time.
        XCTAssertNotNil(refreshed(tick(.rancher25Cron, state: state, aws: FakeEKS(Fixture.doc(Fixture.with(["privateAccess": .bool(true)]))))))
        // When the watch ends, the engine runs the tick at once.
        var waiting = state
        waiting.rancher.refresher.waitingForBridge = true
        waiting.rancher.bridgeWatch = nil
        let engine = SyncEngine(profile: .rancher258Timer, refresh: RefreshSettings())
        XCTAssertEqual(engine.reactions(to: .appliedSpecRecorded(DocumentStored(document: settled, reason: "10 s watch timeout")), in: waiting)
                        .filter { $0.kind == .refresherTick }, [Requeue(.refresherTick, after: 0)])
    }

    func testASuccessfulRefreshResetsTheFailureCount() {
        var state = Fixture.state(spec: settled)
        state.rancher.refresherFailures = 2
        let decision = tick(.rancher258Timer, state: state, aws: FakeEKS(settled))
        XCTAssertEqual(decision.events.first, .refresherBackoff(Backoff(failures: 0)))
    }
}
