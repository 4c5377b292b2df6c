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
        let overrides = (try? JSONDecoder().decode(RunRecorder.Overrides.self, from: Data(record.options.utf8))) ?? .init()
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
        for (i, (old, new)) in zip(stored, fresh).enumerated() {
            if old.type != new.type || old.schemaVersion != new.schemaVersion || old.data != new.data || old.metadata != new.metadata {
                return .different("event \(i + 1) (position \(old.position)) differs: recorded \(old.type) \(String(decoding: old.data, as: UTF8.self).prefix(160)) at \(old.metadata.time) ms by \(old.metadata.actor); replay \(new.type) \(String(decoding: new.data, as: UTF8.self).prefix(160)) at \(new.metadata.time) ms by \(new.metadata.actor)")
            }
        }
        if stored.count != fresh.count {
            return .different("recorded \(stored.count) events, replay produced \(fresh.count)")
        }
        return .identical(stored.count)
    }
}
