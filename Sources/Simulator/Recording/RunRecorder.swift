import ClusterStateMachine
import EventStore
import Foundation

/// Writes runs into the event store and reads them back: one `runs` row and one stream per run.
public enum RunRecorder {
    /// The options a run was made with beyond its scenario file (`--profile`, `--seed`, `--policy`), as stored.
    public struct Overrides: Codable, Hashable, Sendable {
        public var profile: String?
        public var seed: UInt64?
        public var policy: String?
        /// `observed` for a history recorded from real records by `simctl audit` (not re-runnable
        /// by `replay`); nil for a simulator run.
        public var kind: String?
        public init(profile: String? = nil, seed: UInt64? = nil, policy: String? = nil, kind: String? = nil) {
            self.profile = profile
            self.seed = seed
            self.policy = policy
            self.kind = kind
        }
    }

    /// Appends the run's events as one all-or-nothing batch, with its `runs` row; returns the run id.
    @discardableResult
    public static func record(_ result: RunResult, overrides: Overrides, in store: EventStore) throws -> Int64 {
        try store.transaction {
            let runs = try store.runs()
            let nextId = (runs.map(\.id).max() ?? 0) + 1
            let streamId = "\(result.scenario.clusterName)/run-\(nextId)"
            let optionsJSON = String(decoding: try JSONEncoder.sorted.encode(overrides), as: UTF8.self)
            let runId = try store.insertRun(RunRecord(
                scenarioName: result.scenario.name, scenarioSource: result.scenario.source,
                sourcePath: result.scenario.sourcePath, profile: result.scenario.profile.name,
                seed: result.scenario.seed, toolVersion: ToolVersion.current, streamId: streamId, options: optionsJSON))
            let base = try store.lastPosition()
            let events = try encode(result, runId: runId, basePosition: base)
            try store.append(events, to: streamId, expectedVersion: .noStream)
            return runId
        }
    }

    /// The events of a run as the store holds them (positions relative to `basePosition`).
    public static func encode(_ result: RunResult, runId: Int64, basePosition: Int64) throws -> [NewEvent] {
        var events: [NewEvent] = []
        events.reserveCapacity(result.log.count)
        for (i, timed) in result.log.enumerated() {
            let cause = result.causes[i].map { basePosition + Int64($0) + 1 }
            events.append(try encode(timed, runId: runId, causationId: cause))
        }
        return events
    }

    /// One event as the store holds it.
    public static func encode(_ timed: TimedEvent, runId: Int64, causationId: Int64? = nil) throws -> NewEvent {
        NewEvent(type: timed.event.typeName, schemaVersion: timed.event.schemaVersion, data: try timed.event.encodedPayload(),
                 metadata: EventMetadata(time: timed.at, actor: timed.actor.rawValue, causationId: causationId, runId: runId))
    }

    /// Decodes a stored event; unknown types and versions are clear errors.
    public static func decode(_ recorded: RecordedEvent) throws -> TimedEvent {
        guard let actor = Actor(rawValue: recorded.metadata.actor) else {
            throw RecordingError("event \(recorded.position) has unknown actor \"\(recorded.metadata.actor)\"")
        }
        let event = try ClusterEvent.decode(type: recorded.type, schemaVersion: recorded.schemaVersion, data: recorded.data)
        return TimedEvent(at: recorded.metadata.time, actor: actor, event)
    }
}

/// A recorded database that cannot be read as eks-sync-sim runs.
public struct RecordingError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension JSONEncoder {
    /// Sorted keys, unescaped slashes: the same value always gives the same bytes.
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
