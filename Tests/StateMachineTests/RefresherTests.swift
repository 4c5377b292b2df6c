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

    func testErrorsWaitForTheNextCronTickOrRetryRateLimitedOnA258Timer() {
        let throttled = FakeEKS(settled)
        throttled.failures["DescribeNodegroup"] = [.tooManyRequests(), .tooManyRequests(), .tooManyRequests()]
        let cron = tick(.rancher25Cron, state: Fixture.state(spec: Fixture.doc(Fixture.with(["privateAccess": .bool(true)]))),
                        aws: throttled)
        XCTAssertEqual(cron, Decision(requeues: [Requeue(.refresherTick, at: 7 * .minute)]), "logged only; nothing stored")
        // Rancher v2.5.8 returns the error: the workqueue retries 5 ms · 2^failures.
        var state = Fixture.state(spec: settled)
        state.rancher.refresherFailures = 3
        let timer = tick(.rancher258Timer, state: state, aws: throttled)
        XCTAssertEqual(timer, Decision(events: [.refresherBackoff(Backoff(failures: 4))],
                                       requeues: [Requeue(.refresherTick, after: 40)]))
        // HEAD writes the last-refresh annotation anyway and waits a whole interval.
        let head = tick(.eksOperator2025, state: Fixture.state(spec: settled), aws: throttled)
        XCTAssertEqual(head, Decision(requeues: [Requeue(.refresherTick, after: 300 * .second)]))
    }

    func testASuccessfulRefreshResetsTheFailureCount() {
        var state = Fixture.state(spec: settled)
        state.rancher.refresherFailures = 2
        let decision = tick(.rancher258Timer, state: state, aws: FakeEKS(settled))
        XCTAssertEqual(decision.events.first, .refresherBackoff(Backoff(failures: 0)))
    }
}
