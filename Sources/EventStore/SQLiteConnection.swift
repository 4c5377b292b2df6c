import CSQLite
import Foundation

/// Tells SQLite to copy a bound buffer before the bind call returns.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Tells SQLite that a bound buffer outlives the statement step that uses it.
let sqliteStatic = unsafeBitCast(0, to: sqlite3_destructor_type.self)

/// One SQLite connection with a cache of prepared statements (internal).
///
/// Every statement the store runs goes through `cached(_:)`, so each SQL text is
/// compiled once per connection and then reset and rebound for every use.
final class SQLiteConnection {
    /// The path given by the caller, used in error messages.
    let path: String
    private(set) var handle: OpaquePointer?
    /// How long SQLite waits for another connection's lock.
    let busyTimeoutMilliseconds: Int32
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens `path` with the given `sqlite3_open_v2` flags.
    init(path: String, flags: Int32, busyTimeoutMilliseconds: Int32) throws {
        self.path = path
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let reason = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close_v2(db)
            throw EventStoreError.cannotOpen(path: path, reason: reason)
        }
        handle = db
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
    }

    deinit { close() }

    /// Finalizes every cached statement and closes the connection; later calls throw `.closed`.
    func close() {
        for statement in statements.values { statement.finalize() }
        statements.removeAll()
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// The prepared statement for `sql`, compiled on first use, reset and ready to bind.
    func cached(_ sql: String) throws -> SQLiteStatement {
        if let statement = statements[sql] {
            statement.reset()
            return statement
        }
        let statement = try prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// Compiles `sql` into a statement that is not cached.
    func prepare(_ sql: String) throws -> SQLiteStatement {
        guard let handle else { throw EventStoreError.closed(path: path) }
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(rc) }
        return SQLiteStatement(stmt, connection: self)
    }

    /// Runs SQL text without parameters (schema statements, pragmas, transaction control).
    func execute(_ sql: String) throws {
        guard let handle else { throw EventStoreError.closed(path: path) }
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(rc) }
    }

    /// Runs a cached statement that returns one integer (or NULL) in its first row.
    func scalarInt64(_ sql: String, bind: (SQLiteStatement) -> Void = { _ in }) throws -> Int64? {
        let statement = try cached(sql)
        defer { statement.reset() }
        bind(statement)
        guard try statement.step() else { return nil }
        return statement.isNull(0) ? nil : statement.int64(0)
    }

    /// Whether the connection is inside a transaction (SQLite's autocommit is off).
    var isInTransaction: Bool {
        guard let handle else { return false }
        return sqlite3_get_autocommit(handle) == 0
    }

    /// Maps an SQLite result code to the store's public error, naming the file.
    func error(_ rc: Int32) -> EventStoreError {
        let primary = rc & 0xFF
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
        switch primary {
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .locked(path: path)
        case SQLITE_NOTADB:
            return .notADatabase(path: path)
        case SQLITE_CORRUPT:
            return .corrupt(path: path, reason: message)
        default:
            return .sqlite(path: path, code: Int(rc), message: message)
        }
    }
}
