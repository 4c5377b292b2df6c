import EventStore
import Foundation
import Simulator

/// The cost of twice the work: steps, node groups and the length of a string, each doubled, measured
/// side by side in one run. A cost is what `simctl run --db` does for a scenario: simulate, check
/// the lost writes, encode every event and append the run to a store.
struct ScalingBench {
    let config: BenchConfig
    let folder: TemporaryFolder

    func run() throws -> ScalingFigures {
        let dimensions: [(String, Int, (Int) throws -> Scenario)] = [
            ("steps", config.scalingSteps, ScalingScenario.steps),
            ("nodeGroups", config.scalingNodeGroups, ScalingScenario.nodeGroups),
            ("stringBytes", config.scalingStringBytes, ScalingScenario.stringSize),
        ]
        var figures: [ScalingFigure] = []
        for (name, size, make) in dimensions {
            let small = try make(size), doubled = try make(2 * size)
            var best = (Double.infinity, Double.infinity)
            var rows = (0, 0), bytes = (0, 0)
            // Alternate the two sizes so both see the same machine.
            for round in 0..<config.scalingRepeats {
                for large in round % 2 == 0 ? [false, true] : [true, false] {
                    let (seconds, events, stored) = try cost(large ? doubled : small, name: "\(name)-\(round)-\(large)")
                    if large { best.1 = min(best.1, seconds); rows.1 = events; bytes.1 = stored }
                    else { best.0 = min(best.0, seconds); rows.0 = events; bytes.0 = stored }
                }
            }
            figures.append(ScalingFigure(dimension: name, size: size, seconds: best.0, doubledSeconds: best.1,
                                         events: rows.0, doubledEvents: rows.1, storedBytes: bytes.0, doubledStoredBytes: bytes.1))
        }
        return ScalingFigures(figures: figures)
    }

    /// Seconds for one recorded run, its events, and the payload bytes stored.
    private func cost(_ scenario: Scenario, name: String) throws -> (Double, Int, Int) {
        let path = folder.path("scaling-\(name).db")
        defer { folder.removeDatabase(path) }
        let store = try EventStore(path: path)
        defer { store.close() }
        var events = 0, bytes = 0
        let seconds = try Stopwatch.seconds {
            let result = Simulation(scenario: scenario).run()
            let report = RunReport(result: result)
            blackHole(report.findings.lost.count)
            try RunRecorder.record(result, overrides: .init(), in: store)
            events = result.log.count
        }
        for recorded in try store.events(inStream: try store.runs()[0].streamId) { bytes += recorded.data.count }
        return (seconds, events, bytes)
    }
}

/// One dimension doubled.
public struct ScalingFigure: Sendable {
    /// `steps`, `nodeGroups` or `stringBytes` (the length of one node group's `userData`).
    public var dimension: String
    public var size: Int
    public var seconds: Double
    public var doubledSeconds: Double
    public var events: Int
    public var doubledEvents: Int
    /// Payload bytes stored for the run.
    public var storedBytes: Int
    public var doubledStoredBytes: Int

    /// Cost of twice the work over the cost of the work (want ≤ 2.2).
    public var ratio: Double { doubledSeconds / seconds }
    /// Stored bytes of twice the work over those of the work.
    public var storedBytesRatio: Double { Double(doubledStoredBytes) / Double(max(1, storedBytes)) }
}

/// What the scaling bench measured.
public struct ScalingFigures: Sendable {
    public var figures: [ScalingFigure]

    public func figure(_ dimension: String) -> ScalingFigure? { figures.first { $0.dimension == dimension } }
}
