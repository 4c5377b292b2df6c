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
    public var startEpochSeconds: Int64 { scenario.startEpochSeconds }
    /// Comparisons between moving and fixed work (only recorded when a step is moved).
    public private(set) var crossings: [Crossing] = []

    /// Called after every event is folded, with its index in `log` and the state it left.
    public var onEvent: ((Int, ClusterState) -> Void)?
    /// Sees every event before it is folded, and every value it stores (a fleet's online checker).
    public var observer: (any FoldObserver)?
    /// Events emitted so far (the length of `log` when the options keep it).
    public private(set) var eventCount = 0

    private var generator: SeededGenerator
    private var moving = false
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
            let moved = options.movedStep == i
            schedule(.step(i), at: step.at + (moved ? options.offset : 0), moves: moved)
        }
        if !options.refresherDrivenExternally {
            for requeue in engine.initialWork(clock: self) { schedule(requeue) }
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
        if options.movedStep != nil { recordCrossings(popping: item) }
        if scenario.until == nil && item.at > stopHorizon && lastTick > lastActivity
            && state.pending.onlyRefresherTicks { finished = true; return false }
        if item.kind == .refresherTick { lastTick = item.at } else { lastActivity = item.at }
        if eventCount >= options.maxEvents { settled = false; finished = true; return false }
        now = item.at
        moving = item.moves
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
        moving = false
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
        let lastStep = scenario.steps.enumerated().map { i, s in s.at + (options.movedStep == i ? options.offset : 0) }.max() ?? 0
        return max(0, lastStep) + 2 * refreshPeriod
    }

    /// True when the moved step is the last one, so the default end moves with it.
    var horizonMoves: Bool {
        guard let moved = options.movedStep else { return false }
        let times = scenario.steps.enumerated().map { i, s in s.at + (i == moved ? options.offset : 0) }
        return times.indices.max { times[$0] < times[$1] } == moved
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
            for requeue in decision.requeues { schedule(requeue) }
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
        let timed = TimedEvent(at: now, actor: actor, state.recorded(event))
        if let observer {
            observer.folding(timed, before: state)
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
        for requeue in engine.reactions(to: event, in: state) { schedule(requeue) }
    }

    public func schedule(_ kind: WorkKind, after delay: SimTime) {
        schedule(kind, at: now + delay, moves: moving)
    }

    public func randomUUID() -> String { generator.uuid() }

    public func randomUnit() -> Double { Double(generator.next() >> 11) * 0x1p-53 }

    public func compared(attemptAt: SimTime, withFaultEndingAt until: SimTime) {
        guard options.movedStep != nil,
              let end = state.pending.first(where: { if case .faultEnds = $0.kind { $0.at == until } else { false } }),
              end.moves != moving else { return }
        crossings.append(moving
            ? Crossing(movingAt: attemptAt, moving: current, fixedAt: until, fixed: end.kind)
            : Crossing(movingAt: until, moving: end.kind, fixedAt: attemptAt, fixed: current))
    }

    private func schedule(_ requeue: Requeue) {
        switch requeue.when {
        case .after(let delay): schedule(requeue.kind, at: now + delay, moves: moving)
        case .at(let time): schedule(requeue.kind, at: time, moves: false)
        }
    }

    /// Queues work; a component's queue holds its key once, at the earliest time asked for.
    private func schedule(_ kind: WorkKind, at time: SimTime, moves: Bool) {
        let actor = owner(of: kind)
        if kind.queue != nil, let queued = state.queued(kind) {
            if queued.at <= time { return }
            emit(.workCancelled(WorkStarted(seq: queued.seq, kind: kind)), by: actor)
        }
        emit(.workScheduled(WorkItem(seq: state.nextSeq, at: time, kind: kind, moves: moves)), by: actor)
    }

    private func recordCrossings(popping item: WorkItem) {
        for other in state.pending where other.seq != item.seq && other.moves != item.moves {
            let (m, f) = item.moves ? (item, other) : (other, item)
            crossings.append(Crossing(movingAt: m.at, moving: m.kind, fixedAt: f.at, fixed: f.kind))
        }
        // The end of the run is a fixed time too (or moves, when the moved step is the last one).
        let end = scenario.until.map { ($0 + 1, false) } ?? (stopHorizon + 1, horizonMoves)
        if item.moves != end.1 {
            crossings.append(item.moves
                ? Crossing(movingAt: item.at, moving: item.kind, fixedAt: end.0, fixed: .runEnds)
                : Crossing(movingAt: end.0, moving: .runEnds, fixedAt: item.at, fixed: item.kind))
        }
    }
}
