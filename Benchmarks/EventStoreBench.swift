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
        let unencoded = workload.eventBatches(count: config.storeEvents, batchSize: config.batchSize)
        var storeBest = Double.infinity, rawBest = Double.infinity, encodeBest = Double.infinity
        var storeRows = 0, rawRows = 0, encodeRows = 0
        // The three writers take turns, the order rotating each round, so none always meets a warm
        // or a cold cache: raw SQLite, the store with payloads encoded beforehand, and the store
        // encoding the simulation's events as it goes (what recording a run does).
        for round in 0..<config.storeRepeats {
            for turn in 0..<3 {
                switch (turn + round) % 3 {
                case 0:
                    let (seconds, rows) = try measureRaw(batches, name: "raw-\(round).db")
                    rawBest = min(rawBest, seconds)
                    rawRows = rows
                case 1:
                    let (seconds, rows) = try measureStore(batches, name: "store-\(round).db")
                    storeBest = min(storeBest, seconds)
                    storeRows = rows
                default:
                    let (seconds, rows) = try measureEncodeAndAppend(unencoded, name: "encode-\(round).db")
                    encodeBest = min(encodeBest, seconds)
                    encodeRows = rows
                }
            }
        }
        let n = Double(config.storeEvents)
        return EventStoreFigures(
            events: config.storeEvents, batchSize: config.batchSize, repeats: config.storeRepeats,
            appendsPerSec: n / storeBest, rawSQLiteInsertsPerSec: n / rawBest,
            encodeAndAppendPerSec: n / encodeBest,
            averagePayloadBytes: workload.encoded.map(\.data.count).reduce(0, +) / max(1, workload.encoded.count),
            storeRows: storeRows, rawRows: rawRows, encodeRows: encodeRows)
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

    /// Seconds to encode the simulation's events batch by batch and append them, and the rows then held.
    private func measureEncodeAndAppend(_ batches: [[TimedEvent]], name: String) throws -> (Double, Int) {
        let path = folder.path(name)
        defer { folder.removeDatabase(path) }
        let store = try EventStore(path: path)
        defer { store.close() }
        let seconds = try Stopwatch.seconds {
            var version: Int64 = 0
            for batch in batches {
                let events = try RunRecorder.encode(batch, runId: 1)
                version = try store.append(events, to: Self.streamId, expectedVersion: .exact(version))
            }
        }
        return (seconds, Int(try store.lastPosition()))
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
    /// Events encoded (`RunRecorder.encode`) and appended per second, in the same rounds.
    public var encodeAndAppendPerSec: Double
    public var averagePayloadBytes: Int
    /// Rows in the store's file, the raw loop's and the encoding writer's after a measurement (they must agree).
    public var storeRows: Int
    public var rawRows: Int
    public var encodeRows: Int

    /// Store throughput over raw SQLite's.
    public var ratio: Double { appendsPerSec / rawSQLiteInsertsPerSec }
    /// Encoding and appending over raw SQLite's inserts of the same events already encoded.
    public var encodeAndAppendRatio: Double { encodeAndAppendPerSec / rawSQLiteInsertsPerSec }
}
