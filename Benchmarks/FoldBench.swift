import ClusterStateMachine

/// Folds the recorded day into state with `ClusterState.apply`, decoded beforehand.
struct FoldBench {
    let config: BenchConfig
    let workload: Workload

    func run() -> FoldFigures {
        let log = workload.decoded
        let folds = max(1, (config.foldEvents + log.count - 1) / log.count)
        var best = Double.infinity
        for _ in 0..<config.foldRepeats {
            var sink = 0
            let seconds = Stopwatch.seconds {
                for _ in 0..<folds {
                    var state = ClusterState()
                    for event in log { state.apply(event) }
                    sink &+= state.writes.count &+ state.pending.count &+ Int(state.now)
                }
            }
            blackHole(sink)
            best = min(best, seconds)
        }
        let events = folds * log.count
        return FoldFigures(logEvents: log.count, eventsFolded: events, eventsPerSec: Double(events) / best)
    }
}

/// What the fold bench measured.
public struct FoldFigures: Sendable {
    /// Events in the recorded day, and events folded per measurement (the day folded again and again).
    public var logEvents: Int
    public var eventsFolded: Int
    public var eventsPerSec: Double
}
