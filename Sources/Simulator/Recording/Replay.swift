import ClusterStateMachine
import EventStore
import Foundation

/// Re-runs a recorded run from its database row alone and compares the events byte for byte.
public enum Replay {
    public enum Outcome: Equatable {
        case identical(Int)
        case different(String)
        /// An observed history (`simctl audit`): recorded from real records, nothing to re-run.
        case observed(Int)
    }

    public static func compare(_ record: RunRecord, in store: EventStore) throws -> Outcome {
        let overrides = RunRecorder.Overrides.of(record)
        if overrides.kind == "observed" { return .observed(try store.events(inStream: record.streamId).count) }
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.parse(record.scenarioSource, path: record.sourcePath,
                                                profileOverride: overrides.profile, seedOverride: overrides.seed,
                                                policyOverride: overrides.policy)
        } catch {
            return .different("the stored scenario no longer loads: \(error)")
        }
        let stored = try store.events(inStream: record.streamId)
        let base = (stored.first?.position ?? 1) - 1
        let fresh = try RunRecorder.encode(Simulation(scenario: scenario).run(), runId: record.id, basePosition: base)
        return compare(stored, with: fresh)
    }

    /// A recorded stream against the events a fresh run produced: identical, or the first event
    /// and column that differ.
    public static func compare(_ stored: [RecordedEvent], with fresh: [NewEvent]) -> Outcome {
        for (i, (old, new)) in zip(stored, fresh).enumerated() {
            if old.type == new.type && old.schemaVersion < new.schemaVersion {
                return .different("event \(i + 1) (position \(old.position)) was recorded as \(old.type) version \(old.schemaVersion) by an older eks-sync-sim; this build records version \(new.schemaVersion) (README, \"Stored bytes\"), so the bytes cannot match: re-run the scenario to replay it. history and state still read this database")
            }
            if let column = differingColumn(old, new) {
                return .different("event \(i + 1) (position \(old.position)) differs in \(column): recorded \(describe(old)); replay \(describe(new))")
            }
        }
        if stored.count != fresh.count {
            return .different("recorded \(stored.count) events, replay produced \(fresh.count)")
        }
        return .identical(stored.count)
    }

    /// The first `events` column (as the table names it) in which a stored event and its replay differ.
    static func differingColumn(_ old: RecordedEvent, _ new: NewEvent) -> String? {
        if old.type != new.type { return "type" }
        if old.schemaVersion != new.schemaVersion { return "schema_version" }
        if old.data != new.data { return "data" }
        if old.metadata.time != new.metadata.time { return "sim_time_ms" }
        if old.metadata.actor != new.metadata.actor { return "actor" }
        if old.metadata.causationId != new.metadata.causationId { return "causation_id" }
        if old.metadata.runId != new.metadata.runId { return "run_id" }
        return nil
    }

    private static func describe(_ event: some ReplayComparable) -> String {
        let data = String(decoding: event.data.prefix(160), as: UTF8.self) + (event.data.count > 160 ? "…" : "")
        let cause = event.metadata.causationId.map { " caused by \($0)" } ?? ""
        return "\(event.type) v\(event.schemaVersion) \(data) at \(event.metadata.time) ms by \(event.metadata.actor)\(cause) (run \(event.metadata.runId))"
    }
}

/// What replay compares of a stored event and a fresh one.
protocol ReplayComparable {
    var type: String { get }
    var schemaVersion: Int { get }
    var data: Data { get }
    var metadata: EventMetadata { get }
}

extension RecordedEvent: ReplayComparable {}
extension NewEvent: ReplayComparable {}
