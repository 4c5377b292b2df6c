import ClusterStateMachine
import Simulator

/// Times the exact sweep of the documented race A's window.
struct SweepBench {
    let config: BenchConfig
    let workload: Workload

    func run() -> SweepFigures {
        let scenario = workload.sweepScenario
        var best = Double.infinity
        var result: SweepResult?
        for _ in 0..<max(1, config.sweepRepeats) {
            let seconds = Stopwatch.seconds {
                result = Sweep.run(scenario, step: config.sweepStep, from: config.sweepFrom, to: config.sweepTo)
            }
            best = min(best, seconds)
        }
        return SweepFigures(scenario: scenario.name, step: config.sweepStep, from: config.sweepFrom, to: config.sweepTo,
                            runs: result?.runs ?? 0, windows: result?.windows.count ?? 0, wallSeconds: best)
    }
}

/// What the sweep bench measured.
public struct SweepFigures: Sendable {
    public var scenario: String
    public var step: Int
    public var from: SimTime
    public var to: SimTime
    /// Simulation runs the sweep took, the lost-write windows it found, and its fastest wall time.
    public var runs: Int
    public var windows: Int
    public var wallSeconds: Double
}
