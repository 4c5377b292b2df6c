import ClusterStateMachine
import Simulator

/// Runs the simulated day, and the scenario library over and over (`Simulation.run()` only: no
/// lost-write check, no report, no recording).
struct SimulationBench {
    let config: BenchConfig
    let workload: Workload

    func run() -> SimulationFigures {
        var best = Double.infinity
        var events = 0
        for _ in 0..<config.dayRuns {
            var result: RunResult?
            let seconds = Stopwatch.seconds { result = Simulation(scenario: workload.day).run() }
            events = result?.log.count ?? 0
            best = min(best, seconds)
        }
        let simulatedSeconds = Double(workload.day.until ?? 0) / 1000

        let library = workload.library
        var sink = 0
        let librarySeconds = Stopwatch.seconds {
            for _ in 0..<config.libraryPasses {
                for scenario in library { sink &+= Simulation(scenario: scenario).run().log.count }
            }
        }
        blackHole(sink)
        let runs = config.libraryPasses * library.count
        return SimulationFigures(
            simulatedSeconds: simulatedSeconds, dayEvents: events, dayWallSeconds: best,
            simulatedSecondsPerWallSecond: simulatedSeconds / best,
            libraryScenarios: library.count, scenarioRuns: runs, scenarioRunsPerSec: Double(runs) / librarySeconds)
    }
}

/// What the simulation bench measured.
public struct SimulationFigures: Sendable {
    /// The day: simulated seconds, events logged, and the fastest run's wall time.
    public var simulatedSeconds: Double
    public var dayEvents: Int
    public var dayWallSeconds: Double
    public var simulatedSecondsPerWallSecond: Double
    /// The library: scenario files, runs made, and runs per wall second.
    public var libraryScenarios: Int
    public var scenarioRuns: Int
    public var scenarioRunsPerSec: Double
}
