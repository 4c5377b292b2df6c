import Foundation

extension EventStore {
    static let headSQL = """
        SELECT (SELECT coalesce(max(position), 0) FROM events),
               (SELECT max(stream_version) FROM events WHERE stream_id = ?1)
        """

    static let insertSQL = """
        INSERT INTO events (position, stream_id, stream_version, type, schema_version, data,
                            sim_time_ms, actor, causation_id, run_id)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        """

    /// Appends `events` to the end of `streamId` in one transaction (all or nothing) and
    /// returns the stream's new version (its version unchanged, 0 for no stream, when `events` is empty).
    ///
    /// Throws `WrongExpectedVersion`, writing nothing, when the stream's version does not
    /// match `expectedVersion`; `EventStoreError` when SQLite fails (nothing is written then either).
    /// Inside `transaction { }` the append joins the outer transaction.
    @discardableResult
    public func append(_ events: [NewEvent], to streamId: String, expectedVersion: ExpectedVersion) throws -> Int64 {
        try writeTransaction {
            let (lastPosition, current) = try head(of: streamId)
            guard expectedVersion.isSatisfied(by: current) else {
                throw WrongExpectedVersion(streamId: streamId, expected: expectedVersion, actual: current)
            }
            var version = current ?? 0
            guard !events.isEmpty else { return version }

            let insert = try connection.cached(Self.insertSQL)
            defer { insert.reset() }
            insert.bind(streamId, at: 2)  // bindings survive reset: bound once per append
            var position = lastPosition
            for event in events {
                position += 1
                version += 1
                insert.bind(position, at: 1)
                insert.bind(version, at: 3)
                insert.bind(event.type, at: 4)
                insert.bind(Int64(event.schemaVersion), at: 5)
                insert.bind(event.metadata.time, at: 7)
                insert.bind(event.metadata.actor, at: 8)
                insert.bind(event.metadata.causationId, at: 9)
                insert.bind(event.metadata.runId, at: 10)
                try insert.stepBindingText(event.data, at: 6)
                insert.reset()
            }
            return version
        }
    }

    /// The last global position and the stream's current version (nil: no stream), in one query.
    private func head(of streamId: String) throws -> (lastPosition: Int64, streamVersion: Int64?) {
        let statement = try connection.cached(Self.headSQL)
        defer { statement.reset() }
        statement.bind(streamId, at: 1)
        guard try statement.step() else { return (0, nil) }
        return (statement.int64(0), statement.optionalInt64(1))
    }
}
