import CSQLite
import EventStore
import Foundation

/// The baseline: the store's table written by a plain loop over SQLite's C API.
///
/// Same file layout (`EventStore.schemaStatements`), same pragmas (WAL, `synchronous=NORMAL`),
/// same INSERT, same transaction per batch, same pre-encoded payloads bound as TEXT without a
/// copy; but positions and versions are counted in memory, with no optimistic-concurrency check.
final class RawSQLiteLog {
    private var db: OpaquePointer?
    let path: String

    /// Creates the file with the store's schema.
    init(path: String) throws {
        self.path = path
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(db)
            db = nil
            throw BenchError("raw SQLite: \(path): \(message)")
        }
        sqlite3_busy_timeout(db, 1000)
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("BEGIN IMMEDIATE")
        for statement in EventStore.schemaStatements { try execute(statement) }
        try execute("PRAGMA user_version = \(EventStore.schemaVersion)")
        try execute("COMMIT")
    }

    deinit { close() }

    func close() {
        if let db { sqlite3_close_v2(db) }
        db = nil
    }

    /// Inserts every batch in a transaction of its own, numbering positions and versions from 1.
    ///
    /// Every statement, BEGIN and COMMIT included, is prepared once, as the store's cache does.
    func insert(_ batches: [[NewEvent]], streamId: String) throws {
        let stmt = try prepare("""
            INSERT INTO events (position, stream_id, stream_version, type, schema_version, data,
                                sim_time_ms, actor, causation_id, run_id)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            """)
        defer { sqlite3_finalize(stmt) }
        let begin = try prepare("BEGIN IMMEDIATE")
        defer { sqlite3_finalize(begin) }
        let commit = try prepare("COMMIT")
        defer { sqlite3_finalize(commit) }
        bindText(stmt, 2, streamId)
        var position: Int64 = 0
        for batch in batches {
            try run(begin)
            for event in batch {
                position += 1
                sqlite3_bind_int64(stmt, 1, position)
                sqlite3_bind_int64(stmt, 3, position)
                bindText(stmt, 4, event.type)
                sqlite3_bind_int64(stmt, 5, Int64(event.schemaVersion))
                sqlite3_bind_int64(stmt, 7, event.metadata.time)
                bindText(stmt, 8, event.metadata.actor)
                if let cause = event.metadata.causationId {
                    sqlite3_bind_int64(stmt, 9, cause)
                } else {
                    sqlite3_bind_null(stmt, 9)
                }
                sqlite3_bind_int64(stmt, 10, event.metadata.runId)
                let rc = event.data.withUnsafeBytes { bytes -> Int32 in
                    if let base = bytes.baseAddress {
                        // nil destructor: SQLITE_STATIC, no copy; the bytes stay pinned for the step.
                        sqlite3_bind_text(stmt, 6, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
                    } else {
                        sqlite3_bind_text(stmt, 6, "", 0, transient)
                    }
                    return sqlite3_step(stmt)
                }
                sqlite3_reset(stmt)
                guard rc == SQLITE_DONE else {
                    try? execute("ROLLBACK")
                    throw BenchError("raw SQLite insert: \(message)")
                }
            }
            try run(commit)
        }
    }

    /// Binds a string as TEXT, copied by SQLite. `withCString` reads a native string in place; passing
    /// the String itself would build a temporary C string (an allocation) for every bind.
    private func bindText(_ stmt: OpaquePointer, _ index: Int32, _ text: String) {
        _ = text.withCString { sqlite3_bind_text(stmt, index, $0, Int32(text.utf8.count), transient) }
    }

    /// Compiles `sql` once, for repeated use.
    private func prepare(_ sql: String) throws -> OpaquePointer {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil) == SQLITE_OK, let stmt else {
            throw BenchError("raw SQLite: \(sql.prefix(40)): \(message)")
        }
        return stmt
    }

    /// Steps a parameterless statement to completion and resets it.
    private func run(_ stmt: OpaquePointer) throws {
        let rc = sqlite3_step(stmt)
        sqlite3_reset(stmt)
        guard rc == SQLITE_DONE else { throw BenchError("raw SQLite: \(message)") }
    }

    /// The number of rows in `events`.
    func rowCount() throws -> Int {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, "SELECT count(*) FROM events", -1, &stmt, nil) == SQLITE_OK else {
            throw BenchError("raw SQLite: \(message)")
        }
        defer { sqlite3_finalize(stmt) }
        guard sqlite3_step(stmt) == SQLITE_ROW else { throw BenchError("raw SQLite count: \(message)") }
        return Int(sqlite3_column_int64(stmt, 0))
    }

    private func execute(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else {
            throw BenchError("raw SQLite: \(sql.prefix(40)): \(message)")
        }
    }

    private var message: String { db.map { String(cString: sqlite3_errmsg($0)) } ?? "closed" }

    /// SQLITE_TRANSIENT: SQLite copies the bytes before the bind call returns.
    private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
