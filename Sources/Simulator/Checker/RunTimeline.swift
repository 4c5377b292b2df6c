import ClusterStateMachine

/// What the explanations look up in a run's log, read once: the refresher's ticks, its failed
/// reads, whether Rancher was "updating" at each tick, the operator's calls, the Rancher writes and
/// the AppliedSpec records, each in time order. Explaining every lost write of a long run then costs
/// a binary search per question instead of a pass over the log.
final class RunTimeline {
    let run: RunResult
    /// Refresher tick times, in log order.
    let ticks: [SimTime]
    /// The first refused refresher call at each time.
    let refresherFailures: [SimTime: AWSCall]
    /// For each tick time: Spec.EKSConfig differed from AppliedSpec just before the tick ran.
    let updatingAtTick: [SimTime: Bool]
    /// Tick times at which a "[Syncing error" condition stood just before the tick ran.
    let syncingErrorAtTick: Set<SimTime>
    /// For a tick that waited for the bridge's watch (Rancher 2.5.8+): when it was due.
    let dueBeforeWaiting: [SimTime: SimTime]
    /// The operator's calls with their times, in log order.
    let operatorCalls: [(at: SimTime, call: AWSCall)]
    /// Rancher writes sorted by (time, id).
    let rancherWrites: [Write]
    /// AppliedSpec records, in log order.
    let appliedSpecs: [(at: SimTime, reason: String)]
    /// A running fold for `state(beforeTick:)`.
    private var cursor: (index: Int, state: ClusterState) = (0, ClusterState())

    init(_ run: RunResult) {
        self.run = run
        var ticks: [SimTime] = [], failures: [SimTime: AWSCall] = [:], updating: [SimTime: Bool] = [:]
        var calls: [(SimTime, AWSCall)] = [], rancher: [Write] = [], applied: [(SimTime, String)] = []
        var syncingError = Set<SimTime>(), waited: [SimTime: SimTime] = [:], waitingSince: SimTime?
        var state = ClusterState()
        for timed in run.log {
            switch timed.event {
            case .refresherStatusChanged(let s) where s.waitingForBridge:
                waitingSince = waitingSince ?? timed.at
            case .workStarted(let w) where w.kind == .refresherTick:
                ticks.append(timed.at)
                if let due = waitingSince { waited[timed.at] = due }
                waitingSince = nil
                if !state.rancher.refresher.condition.isEmpty { syncingError.insert(timed.at) }
                if updating[timed.at] == nil, let spec = state.rancher.appliedSpec {
                    updating[timed.at] = !state.rancher.spec.sameValues(as: spec)
                }
            case .awsCalled(let call):
                if call.caller == .refresher, call.error != nil, failures[timed.at] == nil { failures[timed.at] = call }
                if call.caller == .operator { calls.append((timed.at, call)) }
            case .writeMade(let w) where w.actor == .rancher:
                rancher.append(w)
            case .appliedSpecRecorded(let d):
                applied.append((timed.at, d.reason))
            default:
                break
            }
            state.apply(timed)
        }
        self.ticks = ticks
        self.refresherFailures = failures
        self.updatingAtTick = updating
        self.syncingErrorAtTick = syncingError
        self.dueBeforeWaiting = waited
        self.operatorCalls = calls
        self.rancherWrites = rancher.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        self.appliedSpecs = applied
    }

    /// The index of the first element of `times` (ascending) that is not below `t`.
    static func lowerBound(_ count: Int, _ time: (Int) -> SimTime, _ t: SimTime) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if time(mid) < t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The folded state just before the first refresher tick at `tick` ran.
    func state(beforeTick tick: SimTime) -> ClusterState {
        let log = run.log
        func isTick(_ i: Int) -> Bool {
            if log[i].at == tick, case .workStarted(let w) = log[i].event, w.kind == .refresherTick { return true }
            return false
        }
        // Queries mostly come in time order: go on from the last one unless it is already past.
        if cursor.index > 0 && (cursor.index > log.count || log[min(cursor.index, log.count) - 1].at >= tick) {
            cursor = (0, ClusterState())
        }
        var (i, state) = cursor
        while i < log.count && !isTick(i) {
            state.apply(log[i])
            i += 1
        }
        cursor = (i, state)
        return state
    }
}
