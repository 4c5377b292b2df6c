import ClusterStateMachine
import Simulator
import SyncEngine

/// The observed history as events in the simulator's form, so the lost-write checker, `history`,
/// `state --at` and the pictures serve it unchanged.
///
/// What the records show is played at its recorded time: people's steps (through the same
/// `StepRunner` a scenario uses, so each change is a write with an id and a basis), the
/// eks-operator's recorded calls (each value carrying the origin of the Rancher copy it came from),
/// and the refresher's recorded ticks (the real refresher of the release deciding what it copies).
/// The modeled AWS answers every call, with each update finishing at the time the records bound it
/// to; the bridge, whose work no record shows, is the model's. The operator's phase is set
/// `updating` by its first accepted write and `active` when its updates have finished.
final class ObservedRun: SimulationContext, SimulationClock {
    let reconstruction: Reconstruction
    private(set) var state = ClusterState()
    private(set) var log: [TimedEvent] = []
    private(set) var causes: [Int?] = []
    private(set) var now: SimTime = 0
    var startEpochSeconds: Int64 { reconstruction.scenario.startEpochSeconds }

    private var scenario: Scenario { reconstruction.scenario }
    private lazy var aws = ModeledEKS(parameters: scenario.aws, context: self)
    private let engine: SyncEngine
    private var generator: SeededGenerator
    private var timers: [(at: SimTime, seq: Int, kind: WorkKind)] = []
    private var seq = 0
    private var cause: Int?
    /// The observed update id and finish time for the call being made.
    private var observedID: String?
    private var finishAt: SimTime?
    private var operatorUpdates = Set<String>()

    init(_ reconstruction: Reconstruction) {
        self.reconstruction = reconstruction
        let s = reconstruction.scenario
        engine = SyncEngine(profile: s.profile, timings: s.timings, refresh: s.refresh)
        generator = SeededGenerator(seed: s.seed)
    }

    private enum Item { case tick, step(Int), operatorCall(Int) }

    func run(ticks: [Int64]) -> RunResult {
        emit(.clusterObserved(InitialCluster.observed(scenario)), by: .aws)
        let start = reconstruction.startMs
        var items: [(at: SimTime, order: Int, item: Item)] = ticks.map { ($0 - start, 0, .tick) }
        items += reconstruction.operatorCalls.enumerated().map { ($0.element.call.eventTime - start, 1, .operatorCall($0.offset)) }
        items += reconstruction.steps.map { ($0.at - start, 2, .step($0.index)) }
        items.sort { ($0.at, $0.order) < ($1.at, $1.order) }
        for (at, _, item) in items where at >= 0 {
            runTimers(through: at)
            now = at
            perform(item)
        }
        runTimers(through: now + 120 * .minute)
        return RunResult(scenario: scenario, options: RunOptions(), log: log, causes: causes, state: state,
                         settled: state.aws.updates.allSatisfy { $0.status != .inProgress }, crossings: [], endedAt: now)
    }

    private func perform(_ item: Item) {
        switch item {
        case .tick:
            // The reads AWS refused at this tick are refused by the model too (an empty token bucket).
            let refused = reconstruction.failedReads.filter { r in
                let t = r.eventTime - reconstruction.startMs
                return t >= now && t - now <= Attribution.burstGap
            }
            let faults = Set(refused.map(\.eventName)).sorted().map { Fault.throttle(operation: $0, ratePerSecond: 0, burst: 0, until: now + .second) }
            for f in faults { emit(.faultInjected(f), by: .aws) }
            started(.refresherTick, by: .refresher)
            let decision = engine.run(.refresherTick, state: state, aws: aws.client(for: .refresher), clock: self)
            for event in decision.events { emit(event, by: .refresher) }
            for f in faults { emit(.faultCleared(f), by: .aws) }
        case .step(let i):
            let step = scenario.steps[i]
            started(.step(i), by: step.actor)
            if let call = reconstruction.steps[i].call { prepare(call) }
            let from = log.count
            StepRunner(step: step, index: i, clusterName: scenario.clusterName).run(in: self, aws: aws.client(for: step.actor))
            if let call = reconstruction.steps[i].call { compare(call, since: from) }
            observedID = nil
            finishAt = nil
        case .operatorCall(let i):
            let (call, changes) = reconstruction.operatorCalls[i]
            started(.operatorReconcile, by: .operator)
            prepare(call)
            let before = state.aws.updates.count
            let awsBefore = state.aws.visible
            let from = log.count
            let accepted = OperatorCall(sim: self, clusterName: scenario.clusterName).make(call, changes: changes,
                                                                                            aws: aws.client(for: .operator))
            observedID = nil
            finishAt = nil
            for u in state.aws.updates[before...] { operatorUpdates.insert(u.id) }
            if accepted { noteUnrequested(call, changes: changes, before: awsBefore) }
            compare(call, since: from)
            if accepted && state.rancher.phase == .active { status(.updating) }
            // One pass is one burst of calls: the phase settles after its last call.
            let next = reconstruction.operatorCalls.indices.contains(i + 1) ? reconstruction.operatorCalls[i + 1].call.eventTime : nil
            if next.map({ $0 - call.eventTime > Attribution.burstGap }) ?? true { settleOperator() }
        }
    }

    /// Changes the operator made that no person asked for: it replaced a value no person wrote
    /// with another no person wrote (a node group deleted after failed reads, rancher#35804).
    private(set) var unrequested: [ObservedUnrequestedChange] = []
    /// Recorded calls the modeled AWS answered otherwise (accepted what AWS refused, or the reverse).
    private(set) var mismatches: [String] = []

    /// Compares the modeled AWS's answer to the call made since log index `from` with the record's.
    private func compare(_ record: CloudTrailRecord, since from: Int) {
        let answer = log[from...].lazy.compactMap { t -> AWSCall? in
            if case .awsCalled(let c) = t.event, c.operation == record.eventName { c } else { nil }
        }.first
        guard let answer else { return }
        let when = RFC3339.clockTime(epochSeconds: 0, plusMilliseconds: record.eventTime)
        switch (record.errorCode, answer.error) {
        case (nil, let refused?):
            mismatches.append("AWS accepted the \(record.eventName) at \(when) (\(record.file): \(record.location)); the model refused it (\(refused.code): \(refused.message))")
        case (let code?, nil):
            mismatches.append("AWS refused the \(record.eventName) at \(when) (\(code)); the model accepted it")
        default: break
        }
    }

    private func noteUnrequested(_ call: CloudTrailRecord, changes: [ObservedChange], before: SpecDocument) {
        let sent = OperatorCall(sim: self, clusterName: scenario.clusterName)
        for c in changes {
            let old = before.effectiveEntry(at: c.path)
            guard let old, old.origin.isInitial, old.value != c.value, sent.entry(c).origin.isInitial else { continue }
            unrequested.append(ObservedUnrequestedChange(field: c.path, before: old.value, after: c.value, action: call.eventName,
                                                 at: call.eventTime, source: "\(call.file): \(call.location)"))
        }
    }

    /// The operator's phase returns to `active` once none of its updates is still running.
    private func settleOperator() {
        guard state.rancher.phase != .active else { return }
        let running = state.aws.updates.contains { operatorUpdates.contains($0.id) && $0.status == .inProgress }
        if !running { status(.active) }
    }

    private func status(_ phase: OperatorPhase) {
        emit(.operatorStatusUpdated(OperatorStatus(phase: phase, failureMessage: state.rancher.failureMessage,
                                                   completedUpdateIDs: state.rancher.completedUpdateIDs)), by: .operator)
    }

    private func prepare(_ call: CloudTrailRecord) {
        if reconstruction.failedUpdates.contains(call) { emit(.faultInjected(.failNextUpdate), by: .aws) }
        observedID = call.updateID
        if let bound = reconstruction.bounds.first(where: { $0.record == call }) {
            finishAt = call.eventTime - reconstruction.startMs + bound.chosen
        }
    }

    private func started(_ kind: WorkKind, by actor: Actor) {
        cause = nil
        emit(.workStarted(WorkStarted(seq: -1, kind: kind)), by: actor)
        cause = log.count - 1
    }

    private func runTimers(through t: SimTime) {
        while let next = timers.min(by: { ($0.at, $0.seq) < ($1.at, $1.seq) }), next.at <= t {
            timers.removeAll { $0.seq == next.seq }
            now = max(now, next.at)
            switch next.kind {
            case .bridgeSync, .bridgeWatchTimeout:
                started(next.kind, by: .bridge)
                let decision = engine.run(next.kind, state: state, aws: aws.client(for: .bridge), clock: self)
                for event in decision.events { emit(event, by: .bridge) }
                for r in decision.requeues { enqueue(r.kind, at: r.when) }
            default:
                started(next.kind, by: .aws)
                aws.handle(next.kind)
                settleOperator()
            }
        }
    }

    private func enqueue(_ kind: WorkKind, at when: Requeue.When) {
        switch when {
        case .after(let d): schedule(kind, after: d)
        case .at(let t): add(kind, at: t)
        }
    }

    private func add(_ kind: WorkKind, at t: SimTime) {
        // A component's queue holds its key once, at the earliest time asked for.
        if kind.queue != nil, let i = timers.firstIndex(where: { $0.kind == kind }) {
            if timers[i].at <= t { return }
            timers.remove(at: i)
        }
        seq += 1
        timers.append((t, seq, kind))
    }

    // MARK: SimulationContext

    func emit(_ event: ClusterEvent, by actor: Actor) {
        let timed = TimedEvent(at: now, actor: actor, event)
        state.apply(timed)
        log.append(timed)
        causes.append(cause)
        // Only the bridge reacts on its own; the operator and the refresher are what the records show.
        for r in engine.reactions(to: event, in: state) where r.kind == .bridgeSync || r.kind == .bridgeWatchTimeout {
            enqueue(r.kind, at: r.when)
        }
    }

    func schedule(_ kind: WorkKind, after delay: SimTime) {
        switch kind {
        case .awsUpdateDone:
            add(kind, at: finishAt ?? now + delay)
        case .awsStatusVisible, .awsNodegroupDone, .bridgeSync, .bridgeWatchTimeout:
            add(kind, at: now + delay)
        default:
            return  // the operator's requeues and the refresher's next tick are what the records show
        }
    }

    func randomUUID() -> String {
        if let id = observedID { observedID = nil; return id }
        return generator.uuid()
    }
}
