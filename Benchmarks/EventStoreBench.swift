import ClusterStateMachine
import EventStore
import Foundation
import Simulator

/// Appends through `EventStore` against a raw SQLite loop, on the same machine in the same run.
struct EventStoreBench {
    let config: BenchConfig
    let workload: Workload
    let folder: TemporaryFolder

    static let streamId = "bench/run-1"

    func run() throws -> EventStoreFigures {
        let batches = workload.encodedBatches(count: config.storeEvents, batchSize: config.batchSize)
        var storeBest = Double.infinity, rawBest = Double.infinity
        var storeRows = 0, rawRows = 0
        // Alternate, switching which goes first, so neither always meets a warm or a cold cache.
        for round in 0..<config.storeRepeats {
            for rawFirst in round % 2 == 0 ? [true, false] : [false, true] {
                if rawFirst {
                    let (seconds, rows) = try measureRaw(batches, name: "raw-\(round).db")
                    rawBest = min(rawBest, seconds)
                    rawRows = rows
                } else {
                    let (seconds, rows) = try measureStore(batches, name: "store-\(round).db")
                    storeBest = min(storeBest, seconds)
                    storeRows = rows
                }
            }
        }
        let encodeBest = try measureEncodeAndAppend()
        let n = Double(config.storeEvents)
        return EventStoreFigures(
            events: config.storeEvents, batchSize: config.batchSize, repeats: config.storeRepeats,
            appendsPerSec: n / storeBest, rawSQLiteInsertsPerSec: n / rawBest,
            encodeAndAppendPerSec: Double(config.encodeEvents) / encodeBest,
            averagePayloadBytes: workload.encoded.map(\.data.count).reduce(0, +) / max(1, workload.encoded.count),
            storeRows: storeRows, rawRows: rawRows)
    }

    /// Seconds to append every batch through the store, and the rows it then holds.
    private func measureStore(_ batches: [[NewEvent]], name: String) throws -> (Double, Int) {
        let path = folder.path(name)
        defer { folder.removeDatabase(path) }
        let store = try EventStore(path: path)
        defer { store.close() }
        let seconds = try Stopwatch.seconds {
            var version: Int64 = 0
            for batch in batches {
                version = try store.append(batch, to: Self.streamId, expectedVersion: .exact(version))
            }
        }
        return (seconds, Int(try store.lastPosition()))
    }

    /// Seconds for the raw loop to insert every batch, and the rows it then holds.
    private func measureRaw(_ batches: [[NewEvent]], name: String) throws -> (Double, Int) {
        let path = folder.path(name)
        defer { folder.removeDatabase(path) }
        let raw = try RawSQLiteLog(path: path)
        defer { raw.close() }
        let seconds = try Stopwatch.seconds { try raw.insert(batches, streamId: Self.streamId) }
        return (seconds, try raw.rowCount())
    }

    /// The fastest of a few end-to-end runs: encode the simulation's events, then append them.
    private func measureEncodeAndAppend() throws -> Double {
        let batches = workload.eventBatches(count: config.encodeEvents, batchSize: config.batchSize)
        var best = Double.infinity
        for round in 0..<config.encodeRepeats {
            let path = folder.path("encode-\(round).db")
            defer { folder.removeDatabase(path) }
            let store = try EventStore(path: path)
            defer { store.close() }
            let seconds = try Stopwatch.seconds {
                var version: Int64 = 0
                for batch in batches {
                    let events = try batch.map { try RunRecorder.encode($0, runId: 1) }
                    version = try store.append(events, to: Self.streamId, expectedVersion: .exact(version))
                }
            }
            best = min(best, seconds)
        }
        return best
    }
}

/// What the event store bench measured.
public struct EventStoreFigures: Sendable {
    /// Events appended per measurement, events per transaction, measurements of each.
    public var events: Int
    public var batchSize: Int
    public var repeats: Int
    public var appendsPerSec: Double
    public var rawSQLiteInsertsPerSec: Double
    public var encodeAndAppendPerSec: Double
    public var averagePayloadBytes: Int
    /// Rows in the store's file and the raw loop's file after a measurement (they must agree).
    public var storeRows: Int
    public var rawRows: Int

    /// Store throughput over raw SQLite's.
    public var ratio: Double { appendsPerSec / rawSQLiteInsertsPerSec }
}
