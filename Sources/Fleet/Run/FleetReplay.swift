import EventStore
import Simulator
import SyncEngine

/// `simctl replay` for the clusters `simctl fleet --db` recorded: the fleet (or the shard) is run
/// again into a store in memory, once for all its clusters, and each recorded stream is compared
/// with its fresh twin byte for byte. A cluster cannot be replayed alone: its account's budget and
/// cron walk are shared with the others.
public enum FleetReplay {
    /// The outcome of every fleet run among `records` (runs rows of kind `fleet`), by run id.
    public static func compare(_ records: [RunRecord], in store: EventStore) throws -> [Int64: Replay.Outcome] {
        var outcomes: [Int64: Replay.Outcome] = [:]
        var groups: [String: [RunRecord]] = [:]
        var order: [String] = []
        for record in records {
            let overrides = RunRecorder.Overrides.of(record)
            let key = (overrides.shard ?? "") + "\u{0}" + (overrides.policy ?? "") + "\u{0}" + record.sourcePath + "\u{0}" + record.scenarioSource
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(record)
        }
        for key in order {
            let group = groups[key] ?? []
            guard let first = group.first else { continue }
            var fleet: FleetFile
            do { fleet = try FleetLoader.parse(first.scenarioSource, path: first.sourcePath) } catch {
                for record in group { outcomes[record.id] = .different("the stored fleet file no longer loads: \(error)") }
                continue
            }
            let overrides = RunRecorder.Overrides.of(first)
            if let name = overrides.policy {
                guard let policy = SyncPolicy.named(name) else {
                    for record in group { outcomes[record.id] = .different("the stored policy \"\(name)\" is not one this build knows") }
                    continue
                }
                fleet.policy = policy
            }
            let shardText = overrides.shard
            guard let shard = shardText.map({ Shard(parsing: $0) }) ?? .whole else {
                for record in group { outcomes[record.id] = .different("the stored shard \"\(shardText ?? "")\" is not K/N") }
                continue
            }
            let fresh = try EventStore(path: ":memory:")
            _ = try FleetRunner.run(fleet, shard: shard, recordingIn: fresh)
            let freshRuns = Dictionary(try fresh.runs().map { ($0.streamId, $0.id) }, uniquingKeysWith: { first, _ in first })
            for record in group {
                guard freshRuns[record.streamId] != nil else {
                    outcomes[record.id] = .different("the fleet's run has no stream \(record.streamId) any more")
                    continue
                }
                // The fresh store numbers its runs from 1; the recorded ones may come after others.
                let replayed = try fresh.events(inStream: record.streamId).map { event in
                    var metadata = event.metadata
                    metadata.runId = record.id
                    return NewEvent(type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata: metadata)
                }
                outcomes[record.id] = Replay.compare(try store.events(inStream: record.streamId), with: replayed)
            }
        }
        return outcomes
    }
}
