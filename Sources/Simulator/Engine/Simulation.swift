import ClusterStateMachine
import SyncEngine

/// One deterministic run of a scenario: a virtual clock, a queue of timed work ordered by
/// (time, insertion), the sync engine and the modeled AWS deciding, and every decision appended to
/// the log and folded.
public final class Simulation: SimulationContext, SimulationClock {
    public let scenario: Scenario
    public let options: RunOptions
    public private(set) var state = ClusterState()
    /// Every event of the run, in log order.
    public private(set) var log: [TimedEvent] = []
    /// For each event, the index in `log` of the `workStarted` it happened under (its cause).
    public private(set) var causes: [Int?] = []
    public private(set) var now: SimTime = 0
    public var awsState: AWSClusterState { state.aws }
    /// `state.nextWork`, without copying the state (a fleet's loop asks after every item).
    public var nextWork: WorkItem? { state.nextWork }
    public var startEpochSeconds: Int64 { scenario.startEpochSeconds }
    /// Comparisons between work whose times depend differently on the swept variables (only
    /// recorded when something is swept).
    public private(set) var crossings: [Crossing] = []

    /// Called after every event is folded, with its index in `log` and the state it left.
    public var onEvent: ((Int, ClusterState) -> Void)?
    /// Sees every event before it is folded, and every value it stores (a fleet's online checker).
    public var observer: (any FoldObserver)?
    /// Events emitted so far (the length of `log` when the options keep it).
    public private(set) var eventCount = 0

    private var generator: SeededGenerator
    /// The rate of the work running now, and of every pending item by its `seq`.
    private var rate = Rate.zero
    private var rates: [Int: Rate] = [:]
    private var cause: Int?
    private let engine: SyncEngine
    private lazy var aws: ModeledEKS = {
        let model = ModeledEKS(parameters: scenario.aws, context: self)
        model.retryMode = SDKRetryChoice.mode(for: scenario.profile)
        return model
    }()
    // The run loop's bookkeeping, kept between `runNext` calls.
    private var settled = true
    private var lastActivity: SimTime = 0
    private var lastTick: SimTime = -1
    private var finished = false
    /// The kind of the work item running now (for crossings recorded inside it).
    private var current = WorkKind.runEnds

    public init(scenario: Scenario, options: RunOptions = RunOptions()) {
        self.scenario = scenario
        self.options = options
        self.generator = SeededGenerator(seed: scenario.seed)
        self.engine = SyncEngine(profile: scenario.profile, timings: scenario.timings, refresh: scenario.refresh,
                                 policy: scenario.policy)
    }

    /// The modeled AWS of this run, to share an account's budget or add a release's extra calls
    /// before `start()`.
    public var awsModel: ModeledEKS { aws }

    /// Runs to the end and returns the outcome, lost writes checked.
    public func run() -> RunResult {
        start()
        while runNext() {}
        return result()
    }

    /// The cluster exists, every step and the first refresher tick are queued.
    public func start() {
        emit(.clusterObserved(InitialCluster.observed(scenario)), by: .aws)
        for (i, step) in scenario.steps.enumerated() {
            let (shift, stepRate) = options.shift(ofStep: i)
            schedule(.step(i), at: step.at + shift, rate: stepRate)
        }
        guard !options.refresherDrivenExternally else { return }
        for requeue in engine.initialWork(clock: self) {
            // The timer's first tick is due at lastRefresh + eksRefresh (clamped to the start).
            let tracked = options.parameter == .eksRefresh || options.parameter == .lastRefresh
            let first = scenario.profile.refresher == .timer && requeue.kind == .refresherTick
                && scenario.refresh.lastRefresh + scenario.refresh.interval >= 0
            if tracked && first, case .at(let time) = requeue.when {
                schedule(requeue.kind, at: time, rate: Rate(x: 1))
            } else {
                schedule(requeue)
            }
        }
    }

    /// Runs the next work item; false when the run is over (nothing left, `until` or the default
    /// stop reached, or `maxEvents` emitted).
    @discardableResult
    public func runNext() -> Bool {
        guard !finished, let item = state.nextWork else { finished = true; return false }
        if let until = scenario.until, item.at > until {
            // Cut short: settled only if nothing but refresher ticks was still to come.
            settled = state.pending.onlyRefresherTicks && lastTick > lastActivity
            finished = true
            return false
        }
        if options.tracksCrossings { recordCrossings(popping: item) }
        if scenario.until == nil && item.at > stopHorizon && lastTick > lastActivity
            && state.pending.onlyRefresherTicks { finished = true; return false }
        if item.kind == .refresherTick { lastTick = item.at } else { lastActivity = item.at }
        if eventCount >= options.maxEvents { settled = false; finished = true; return false }
        now = item.at
        rate = rates[item.seq] ?? .zero
        current = item.kind
        cause = nil
        emit(.workStarted(WorkStarted(seq: item.seq, kind: item.kind)), by: owner(of: item.kind))
        cause = eventCount - 1
        perform(item.kind)
        return true
    }

    /// The outcome so far (after `runNext` answered false: the run's outcome).
    public func result() -> RunResult {
        RunResult(scenario: scenario, options: options, log: log, causes: causes, state: state,
                  settled: settled, crossings: crossings, endedAt: now)
    }

    /// A refresher tick at `time`, outside the queue: a fleet's cron walk reaching this cluster
    /// (`options.refresherDrivenExternally`). The walk owns the schedule, so the tick's own requeue
    /// is dropped. Returns the wall time the tick's AWS calls took.
    @discardableResult
    public func runRefresherVisit(at time: SimTime) -> SimTime {
        now = max(now, time)
        rate = .zero
        current = .refresherTick
        cause = nil
        emit(.workStarted(WorkStarted(seq: -1, kind: .refresherTick)), by: .refresher)
        cause = eventCount - 1
        let decision = engine.run(.refresherTick, state: state, aws: aws.client(for: .refresher), clock: self)
        for event in decision.events { emit(event, by: .refresher) }
        return aws.lastPassElapsed
    }

    /// Moves every pending item of `kind` due before `time` to `time` (Rancher down until then:
    /// its timers fire together when it is back).
    public func postpone(_ kind: WorkKind, until time: SimTime) {
        for item in state.pending where item.kind == kind && item.at < time {
            let actor = owner(of: kind)
            emit(.workCancelled(WorkStarted(seq: item.seq, kind: kind)), by: actor)
            emit(.workScheduled(WorkItem(seq: state.nextSeq, at: time, kind: kind, moves: false)), by: actor)
        }
    }

    /// Without `until`: the run goes on until every queue has drained and two refresh periods
    /// have passed since the last step.
    var stopHorizon: SimTime {
        let lastStep = scenario.steps.indices.map { scenario.steps[$0].at + options.shift(ofStep: $0).0 }.max() ?? 0
        return max(0, lastStep) + 2 * refreshPeriod
    }

    /// How the default end moves: with the last step when it is moved, and by 2·Δ when the timer's
    /// `eksRefresh` is swept.
    var horizonRate: Rate {
        let times = scenario.steps.indices.map { scenario.steps[$0].at + options.shift(ofStep: $0).0 }
        var r = times.indices.max { times[$0] < times[$1] }.map { options.shift(ofStep: $0).1 } ?? .zero
        if times.max() ?? 0 < 0 { r = .zero }
        if options.parameter == .eksRefresh && scenario.profile.refresher == .timer { r.x += 2 }
        return r
    }

    /// The time between two refresher ticks.
    var refreshPeriod: SimTime {
        switch scenario.profile.refresher {
        case .timer: return scenario.refresh.interval
        case .cron:
            let first = scenario.refresh.cron.next(after: startEpochSeconds)
            return (scenario.refresh.cron.next(after: first) - first) * .second
        }
    }

    private func perform(_ kind: WorkKind) {
        switch kind {
        case .step(let i):
            StepRunner(step: scenario.steps[i], index: i, clusterName: scenario.clusterName)
                .run(in: self, aws: aws.client(for: scenario.steps[i].actor))
        case .operatorReconcile, .bridgeSync, .bridgeWatchTimeout, .refresherTick:
            let actor = owner(of: kind)
            let decision = engine.run(kind, state: state, aws: aws.client(for: actor), clock: self)
            for event in decision.events { emit(event, by: actor) }
            for requeue in decision.requeues {
                if kind == .refresherTick, options.parameter == .eksRefresh, Self.isNextTimerTick(requeue, of: decision, scenario) {
                    schedule(requeue.kind, at: now + scenario.refresh.interval, rate: rate + Rate(x: 1))
                } else {
                    schedule(requeue)
                }
            }
        case .awsStatusVisible, .awsUpdateDone, .awsNodegroupDone:
            aws.handle(kind)
        case .faultEnds(let i):
            let step = scenario.steps[i]
            // The fault as it was injected: its step ran `duration` ago.
            if let (_, duration) = StepRunner.fault(of: step.action, at: now),
               let (fault, _) = StepRunner.fault(of: step.action, at: now - duration) {
                emit(.faultCleared(fault), by: step.actor)
            }
        case .runEnds:
            break
        }
    }

    private func owner(of kind: WorkKind) -> Actor {
        switch kind {
        case .step(let i), .faultEnds(let i): scenario.steps[i].actor
        case .operatorReconcile: .operator
        case .bridgeSync, .bridgeWatchTimeout: .bridge
        case .refresherTick: .refresher
        case .awsStatusVisible, .awsUpdateDone, .awsNodegroupDone, .runEnds: .aws
        }
    }

    // MARK: SimulationContext

    public func emit(_ event: ClusterEvent, by actor: Actor) {
        // Whole documents decided by the sync engine are logged as what changed.
        let timed = TimedEvent(at: now, actor: actor, ClusterState.isRecordedAsIs(event) ? event : state.recorded(event))
        if let observer {
            observer.folding(timed, before: state.aws)
            state.apply(timed) { observer.stored($0) }
        } else {
            state.apply(timed)
        }
        if options.keepsLog {
            log.append(timed)
            causes.append(cause)
        }
        eventCount += 1
        onEvent?(eventCount - 1, state)
        if SyncEngine.mayReact(to: event) {
            for requeue in engine.reactions(to: event, in: state) { schedule(requeue) }
        }
    }

    public func schedule(_ kind: WorkKind, after delay: SimTime) {
        schedule(kind, at: now + delay, rate: rate)
    }

    public func schedule(_ kind: WorkKind, after delay: SimTime, timer: AWSTimer?) {
        let governed = timer.map { options.parameter?.governs($0) ?? false } ?? false
        schedule(kind, at: now + delay, rate: governed ? rate + Rate(x: 1) : rate)
    }

    /// The timer refresher's `EnqueueAfter(eksRefresh)` after a refresh, told apart from its
    /// rate-limited retry after a failed read (which records a backoff).
    static func isNextTimerTick(_ requeue: Requeue, of decision: Decision, _ scenario: Scenario) -> Bool {
        guard scenario.profile.refresher == .timer, requeue.kind == .refresherTick,
              case .after(let delay) = requeue.when, delay == scenario.refresh.interval else { return false }
        return !decision.events.contains { if case .refresherBackoff(let b) = $0 { b.failures > 0 } else { false } }
    }

    public func randomUUID() -> String { generator.uuid() }

    public func randomUnit() -> Double { Double(generator.next() >> 11) * 0x1p-53 }

    public func compared(attemptAt: SimTime, withFaultEndingAt until: SimTime) {
        guard options.tracksCrossings,
              let end = state.pending.first(where: { if case .faultEnds = $0.kind { $0.at == until } else { false } })
        else { return }
        let endRate = rates[end.seq] ?? .zero
        guard endRate != rate else { return }
        crossings.append(Crossing(firstAt: attemptAt, first: current, firstRate: rate,
                                  otherAt: until, other: end.kind, otherRate: endRate))
    }

    private func schedule(_ requeue: Requeue) {
        switch requeue.when {
        case .after(let delay): schedule(requeue.kind, at: now + delay, rate: rate)
        case .at(let time): schedule(requeue.kind, at: time, rate: .zero)
        }
    }

    /// Queues work; a component's queue holds its key once, at the earliest time asked for.
    private func schedule(_ kind: WorkKind, at time: SimTime, rate: Rate) {
        let actor = owner(of: kind)
        if kind.queue != nil, let queued = state.queued(kind) {
            if queued.at <= time { return }
            emit(.workCancelled(WorkStarted(seq: queued.seq, kind: kind)), by: actor)
        }
        let seq = state.nextSeq
        if rate != .zero { rates[seq] = rate }
        emit(.workScheduled(WorkItem(seq: seq, at: time, kind: kind, moves: rate != .zero)), by: actor)
    }

    private func recordCrossings(popping item: WorkItem) {
        let itemRate = rates[item.seq] ?? .zero
        for other in state.pending where other.seq != item.seq {
            let otherRate = rates[other.seq] ?? .zero
            guard otherRate != itemRate else { continue }
            crossings.append(Crossing(firstAt: item.at, first: item.kind, firstRate: itemRate,
                                      otherAt: other.at, other: other.kind, otherRate: otherRate))
        }
        // The end of the run is a time too (it moves with the last step when that one is moved).
        let end = scenario.until.map { ($0 + 1, Rate.zero) } ?? (stopHorizon + 1, horizonRate)
        if itemRate != end.1 {
            crossings.append(Crossing(firstAt: item.at, first: item.kind, firstRate: itemRate,
                                      otherAt: end.0, other: .runEnds, otherRate: end.1))
        }
    }
}
