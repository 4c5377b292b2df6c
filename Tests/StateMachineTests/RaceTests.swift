import ClusterStateMachine
@testable import SyncEngine
import XCTest

/// The documented races of reference §5, end to end through the engine's components and reactions,
/// against a deliberately tiny AWS (one cluster update at a time, ResourceInUse, immediate tags).
/// The project's real simulator and AWS model live in `Simulator`; this only checks the wiring.
final class RaceTests: XCTestCase {
    /// Race A: the console enables private access at 11:00 (done 11:01); Rancher edits tags at
    /// 11:02, before the next refresh (11:05 on the cron, 11:03 on the timers).
    func testRaceAConsoleWriteIsLostToALaterRancherEdit() {
        for profile in Profile.aliases {
            let run = MiniRun(profile: profile)
            run.run(until: 20 * .minute, steps: [(2 * .minute, run.consoleEnablesPrivateAccess), (4 * .minute, run.rancherTagsEdit)])
            XCTAssertEqual(run.aws.visible.bool("privateAccess"), false, "\(profile.name): the console write is reverted")
            XCTAssertEqual(run.aws.visible.string("tags.env"), "prod", profile.name)
            XCTAssertEqual(run.state.rancher.phase, .active, profile.name)
            XCTAssertTrue(run.state.rancher.spec.sameValues(as: run.state.rancher.appliedSpec!), profile.name)
        }
    }

    /// The counterfactual: a refresher tick (11:05) between the console change and the edit saves it.
    func testRaceACounterfactualTickBeforeTheEditSavesTheConsoleWrite() {
        let run = MiniRun(profile: .rancher25Cron)
        run.run(until: 20 * .minute, steps: [(2 * .minute, run.consoleEnablesPrivateAccess), (8 * .minute, run.rancherTagsEdit)])
        XCTAssertEqual(run.aws.visible.bool("privateAccess"), true)
        XCTAssertEqual(run.aws.visible["privateAccess"]?.origin, WriteID(1))
        XCTAssertEqual(run.aws.visible.string("tags.env"), "prod")
    }

    /// Race B: the Rancher edit lands while AWS is still UPDATING.
    func testRaceBRancherEditDuringTheConsoleUpdate() {
        for profile in Profile.aliases {
            let run = MiniRun(profile: profile)
            run.run(until: 20 * .minute, steps: [(2 * .minute, run.consoleEnablesPrivateAccess), (150 * .second, run.rancherTagsEdit)])
            XCTAssertEqual(run.aws.visible.bool("privateAccess"), false, profile.name)
            XCTAssertEqual(run.aws.visible.string("tags.env"), "prod", profile.name)
        }
    }

    /// H2 (O9): the operator does not leave `active` within 10 s of the push, the bridge records
    /// AppliedSpec anyway, and the next refresher tick copies AWS's old value over the Rancher edit.
    func testH2OperatorSlowerThanTheWatchLetsTheRefresherRevertARancherEdit() {
        for profile in Profile.aliases {
            let run = MiniRun(profile: profile)
            run.run(until: 20 * .minute, steps: [(0, { run.operatorDown(until: 10 * .minute) }),
                                                 (4 * .minute, run.rancherEnablesPrivateAccess)])
            XCTAssertEqual(run.state.rancher.spec.bool("privateAccess"), false, "\(profile.name): the edit is overwritten")
            XCTAssertEqual(run.aws.visible.bool("privateAccess"), false, profile.name)
        }
        let control = MiniRun(profile: .eksOperator2025)
        control.run(until: 20 * .minute, steps: [(4 * .minute, control.rancherEnablesPrivateAccess)])
        XCTAssertEqual(control.aws.visible.bool("privateAccess"), true, "with a working operator the edit is applied")
    }

    /// O3: an unmanaged field is never sent, so the console value survives.
    func testUnmanagedFieldSurvives() {
        let run = MiniRun(profile: .eksOperator2025, managedPrivateAccess: false)
        run.run(until: 20 * .minute, steps: [(2 * .minute, run.consoleEnablesPrivateAccess), (4 * .minute, run.rancherTagsEdit)])
        XCTAssertEqual(run.aws.visible.bool("privateAccess"), true)
        XCTAssertEqual(run.aws.visible.string("tags.env"), "prod")
    }
}

/// A run of the engine against `MiniAWS`: a time-ordered work queue (one pending item per
/// component queue), events folded into the state, reactions scheduled.
final class MiniRun {
    let engine: SyncEngine
    let aws: MiniAWS
    var state: ClusterState
    private var queue: [(at: SimTime, seq: Int, kind: WorkKind)] = []
    private var seq = 0
    private var now: SimTime = 0

    init(profile: Profile, managedPrivateAccess: Bool = true) {
        engine = SyncEngine(profile: profile, refresh: RefreshSettings())
        var values = Fixture.baseline
        if !managedPrivateAccess { values["privateAccess"] = nil }
        state = Fixture.state(spec: Fixture.doc(values), upstream: Fixture.doc(Fixture.baseline))
        aws = MiniAWS(Fixture.doc(Fixture.baseline))
    }

    func consoleEnablesPrivateAccess() {
        _ = try? aws.updateClusterConfig(UpdateClusterConfigRequest(
            name: "demo", endpointPrivateAccess: Entry(.bool(true), origin: WriteID(1), readAt: now)))
    }

    func rancherTagsEdit() {
        emit(.rancherSpecEdited(SpecChange(change: SubtreeChange(
            entries: ["tags.env": Entry(.string("prod"), origin: WriteID(2), readAt: now)]), writes: [WriteID(2)])))
    }

    func rancherEnablesPrivateAccess() {
        emit(.rancherSpecEdited(SpecChange(change: SubtreeChange(
            entries: ["privateAccess": Entry(.bool(true), origin: WriteID(3), readAt: now)]), writes: [WriteID(3)])))
    }

    func operatorDown(until: SimTime) {
        emit(.faultInjected(.operatorDown(until: until)))
    }

    func run(until end: SimTime, steps: [(SimTime, () -> Void)]) {
        for requeue in engine.initialWork(clock: TestClock(now: 0)) { schedule(requeue) }
        var steps = steps.sorted { $0.0 < $1.0 }
        var guardCount = 0
        while true {
            guardCount += 1
            precondition(guardCount < 100_000, "runaway simulation")
            let work = queue.min { ($0.at, $0.seq) < ($1.at, $1.seq) }
            let stepAt = steps.first?.0 ?? .max
            let at = min(work?.at ?? .max, stepAt)
            guard at <= end else { break }
            now = at
            aws.now = at
            aws.settle()
            if stepAt <= (work?.at ?? .max) {
                steps.removeFirst().1()
                continue
            }
            queue.removeAll { $0.seq == work!.seq }
            let decision = engine.run(work!.kind, state: state, aws: aws, clock: TestClock(now: now))
            for event in decision.events { emit(event) }
            for requeue in decision.requeues { schedule(requeue) }
        }
    }

    private func emit(_ event: ClusterEvent) {
        state.apply(TimedEvent(at: now, actor: .bridge, event))
        for requeue in engine.reactions(to: event, in: state) { schedule(requeue) }
    }

    private func schedule(_ requeue: Requeue) {
        let at: SimTime
        switch requeue.when {
        case .after(let delay): at = now + delay
        case .at(let time): at = time
        }
        if requeue.kind.queue != nil, let i = queue.firstIndex(where: { $0.kind == requeue.kind }) {
            // A workqueue holds a key once; the earlier time wins.
            guard at < queue[i].at else { return }
            queue.remove(at: i)
        }
        seq += 1
        queue.append((at, seq, requeue.kind))
    }
}
