import Foundation

extension EventStore {
    static let columns = """
        position, stream_id, stream_version, type, schema_version, data,
        sim_time_ms, actor, causation_id, run_id
        """
    static let allPageSQL = "SELECT \(columns) FROM events WHERE position >= ?1 ORDER BY position LIMIT ?2"
    static let streamPageSQL = """
        SELECT \(columns) FROM events WHERE stream_id = ?1 AND stream_version >= ?2
        ORDER BY stream_version LIMIT ?3
        """

    /// The events of `streamId` from `fromVersion` on, in stream order, read lazily a page at a time.
    public func readStream(_ streamId: String, fromVersion: Int64 = 1, pageSize: Int = EventStore.defaultPageSize) -> EventSequence {
        EventSequence(store: self, source: .stream(streamId), start: fromVersion, pageSize: pageSize)
    }

    /// Every event from global position `fromPosition` on, in position order, read lazily a page at a time.
    public func readAll(fromPosition: Int64 = 1, pageSize: Int = EventStore.defaultPageSize) -> EventSequence {
        EventSequence(store: self, source: .all, start: fromPosition, pageSize: pageSize)
    }

    /// Up to `limit` events (all when nil) from global position `fromPosition` on, read now.
    public func events(fromPosition: Int64 = 1, limit: Int? = nil) throws -> [RecordedEvent] {
        let statement = try connection.cached(Self.allPageSQL)
        statement.bind(fromPosition, at: 1)
        statement.bind(Int64(limit ?? -1), at: 2)
        return try collectRows(statement)
    }

    /// Up to `limit` events (all when nil) of `streamId` from `fromVersion` on, read now.
    public func events(inStream streamId: String, fromVersion: Int64 = 1, limit: Int? = nil) throws -> [RecordedEvent] {
        let statement = try connection.cached(Self.streamPageSQL)
        statement.bind(streamId, at: 1)
        statement.bind(fromVersion, at: 2)
        statement.bind(Int64(limit ?? -1), at: 3)
        return try collectRows(statement)
    }

    /// The stream's current version (the `streamVersion` of its last event), or nil when it has no events.
    public func streamVersion(_ streamId: String) throws -> Int64? {
        try connection.scalarInt64("SELECT max(stream_version) FROM events WHERE stream_id = ?1") {
            $0.bind(streamId, at: 1)
        }
    }

    /// The position of the last event in the store, 0 when it is empty.
    public func lastPosition() throws -> Int64 {
        try connection.scalarInt64("SELECT coalesce(max(position), 0) FROM events") ?? 0
    }

    /// The ids of every stream, in the order of their first event.
    public func streamIds() throws -> [String] {
        let statement = try connection.cached("SELECT stream_id FROM events GROUP BY stream_id ORDER BY min(position)")
        defer { statement.reset() }
        var ids: [String] = []
        while try statement.step() { ids.append(statement.string(0)) }
        return ids
    }

    private func collectRows(_ statement: SQLiteStatement) throws -> [RecordedEvent] {
        defer { statement.reset() }
        var events: [RecordedEvent] = []
        while try statement.step() {
            events.append(RecordedEvent(
                position: statement.int64(0),
                streamId: statement.string(1),
                streamVersion: statement.int64(2),
                type: statement.string(3),
                schemaVersion: Int(statement.int64(4)),
                data: statement.data(5),
                metadata: EventMetadata(
                    time: statement.int64(6),
                    actor: statement.string(7),
                    causationId: statement.optionalInt64(8),
                    runId: statement.int64(9))))
        }
        return events
    }
}
