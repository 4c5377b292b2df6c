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
        /// by `replay`); `fleet` for one cluster of `simctl fleet --db` (the runs row holds the
        /// fleet file); nil for a simulator run.
        public var kind: String?
        /// A fleet cluster's refresh setting (`300s`, a cron) and the `--shard K/N` it ran in.
        public var setting: String?
        public var shard: String?
        public init(profile: String? = nil, seed: UInt64? = nil, policy: String? = nil, kind: String? = nil,
                    setting: String? = nil, shard: String? = nil) {
            self.profile = profile
            self.seed = seed
            self.policy = policy
            self.kind = kind
            self.setting = setting
            self.shard = shard
        }

        /// The overrides a runs row stores (`runs.options`); a row without them reads as none.
        public static func of(_ record: RunRecord) -> Overrides {
            (try? JSONDecoder().decode(Overrides.self, from: Data(record.options.utf8))) ?? Overrides()
        }

        /// As `runs.options` stores them: JSON with sorted keys, nil members left out.
        public var json: String {
            get throws { String(decoding: try JSONEncoder.sorted.encode(self), as: UTF8.self) }
        }
    }

    /// Appends the run's events as one all-or-nothing batch, with its `runs` row; returns the run id.
    @discardableResult
    public static func record(_ result: RunResult, overrides: Overrides, in store: EventStore) throws -> Int64 {
        try store.transaction {
            let runs = try store.runs()
            let nextId = (runs.map(\.id).max() ?? 0) + 1
            let streamId = "\(streamName(of: result.scenario.clusterName))/run-\(nextId)"
            let optionsJSON = try overrides.json
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

    /// The cluster part of a stream id: the cluster's name, or, beyond EKS's 100-character limit,
    /// its first 64 characters and a hash of the whole (every row stores its stream id, twice with
    /// the index: a megabyte name would be copied into each).
    static func streamName(of clusterName: String) -> String {
        guard clusterName.utf8.count > 100 else { return clusterName }
        return String(clusterName.prefix(64)) + "-" + StableIdentifier.uuid(clusterName).prefix(8)
    }

    /// The events of a run as the store holds them (positions relative to `basePosition`).
    public static func encode(_ result: RunResult, runId: Int64, basePosition: Int64) throws -> [NewEvent] {
        var events: [NewEvent] = []
        events.reserveCapacity(result.log.count)
        var writer = EventJSON()
        for (i, timed) in result.log.enumerated() {
            let cause = result.causes[i].map { basePosition + Int64($0) + 1 }
            events.append(try encode(timed, runId: runId, causationId: cause, using: &writer))
        }
        return events
    }

    /// Events as the store holds them, without causes (one writer buffer for all).
    public static func encode(_ timed: [TimedEvent], runId: Int64) throws -> [NewEvent] {
        var writer = EventJSON()
        return try timed.map { try encode($0, runId: runId, using: &writer) }
    }

    /// One event as the store holds it.
    public static func encode(_ timed: TimedEvent, runId: Int64, causationId: Int64? = nil) throws -> NewEvent {
        var writer = EventJSON()
        return try encode(timed, runId: runId, causationId: causationId, using: &writer)
    }

    static func encode(_ timed: TimedEvent, runId: Int64, causationId: Int64? = nil, using writer: inout EventJSON) throws -> NewEvent {
        NewEvent(type: timed.event.typeName, schemaVersion: timed.event.schemaVersion, data: try timed.event.encodedPayload(using: &writer),
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
