import ClusterStateMachine
import EventStore
import Foundation
import Simulator

/// What every measurement works on, made once before anything is timed: the scenario library and
/// the sweep's scenario read from disk, a real run of the day scenario, its events encoded as the
/// store holds them, and decoded back for folding.
struct Workload {
    /// Every `.yaml` file of the scenario library, parsed.
    let library: [Scenario]
    /// The scenario the sweep moves a step of.
    let sweepScenario: Scenario
    let day: Scenario
    /// The day's run.
    let run: RunResult
    /// The run's events, encoded once (`RunRecorder.encode`).
    let encoded: [NewEvent]
    /// The encoded events decoded again (`RunRecorder.decode`): the recorded log, ready to fold.
    let decoded: [TimedEvent]

    init(config: BenchConfig) throws {
        library = try Self.loadLibrary(config.scenariosDirectory)
        let sweepPath = (config.scenariosDirectory as NSString).appendingPathComponent(config.sweepScenario)
        sweepScenario = try Self.load(sweepPath)
        guard sweepScenario.steps.indices.contains(config.sweepStep) else {
            throw BenchError("\(sweepPath) has no step \(config.sweepStep)")
        }
        day = try DayScenario.scenario(hours: config.dayHours)
        run = Simulation(scenario: day).run()
        encoded = try RunRecorder.encode(run, runId: 1, basePosition: 0)
        decoded = try encoded.enumerated().map { i, event in
            try RunRecorder.decode(RecordedEvent(
                position: Int64(i + 1), streamId: "bench/run-1", streamVersion: Int64(i + 1), type: event.type,
                schemaVersion: event.schemaVersion, data: event.data, metadata: event.metadata))
        }
        guard decoded == run.log else { throw BenchError("the day's log does not decode to the events that were encoded") }
    }

    /// Every `.yaml` file in the folder, parsed once.
    static func loadLibrary(_ directory: String) throws -> [Scenario] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw BenchError("cannot read the scenario library \(directory) (run from the package folder, or pass --scenarios)")
        }
        guard !names.isEmpty else { throw BenchError("no .yaml scenarios in \(directory)") }
        return try names.map { try load((directory as NSString).appendingPathComponent($0)) }
    }

    static func load(_ path: String) throws -> Scenario {
        do { return try ScenarioLoader.load(path: path) } catch { throw BenchError("\(error)") }
    }

    /// `count` encoded events, cycling through the day's, cut into transactions of `batchSize`.
    func encodedBatches(count: Int, batchSize: Int) -> [[NewEvent]] {
        cycled(encoded, count: count, batchSize: batchSize)
    }

    /// `count` of the day's events as the simulation made them, cut into batches of `batchSize`.
    func eventBatches(count: Int, batchSize: Int) -> [[TimedEvent]] {
        cycled(run.log, count: count, batchSize: batchSize)
    }

    private func cycled<T>(_ items: [T], count: Int, batchSize: Int) -> [[T]] {
        let all = (0..<count).map { items[$0 % items.count] }
        return stride(from: 0, to: count, by: max(1, batchSize)).map { Array(all[$0..<min(count, $0 + batchSize)]) }
    }
}

/// The bench could not run (a missing scenario library, a file it cannot write).
public struct BenchError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
