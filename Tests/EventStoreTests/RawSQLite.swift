import CSQLite
import XCTest

/// A plain SQLite connection for tests that need to do what another program would:
/// hold a lock, tamper with `user_version`, create foreign tables.
final class RawSQLite {
    private var db: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            defer { sqlite3_close_v2(db) }
            throw RawSQLiteError(message: db.map { String(cString: sqlite3_errmsg($0)) } ?? "open failed")
        }
    }

    deinit { close() }

    func close() {
        sqlite3_close_v2(db)
        db = nil
    }

    /// Runs SQL text (no values from outside the test).
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            defer { sqlite3_free(message) }
            throw RawSQLiteError(message: message.map { String(cString: $0) } ?? "exec failed")
        }
    }

    /// The rows of a query, each column rendered as text ("NULL" for NULL).
    func rows(_ sql: String) throws -> [[String]] {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK else {
            throw RawSQLiteError(message: String(cString: sqlite3_errmsg(db)))
        }
        defer { sqlite3_finalize(stmt) }
        var result: [[String]] = []
        while sqlite3_step(stmt) == SQLITE_ROW {
            result.append((0..<sqlite3_column_count(stmt)).map { column in
                sqlite3_column_text(stmt, column).map { String(cString: $0) } ?? "NULL"
            })
        }
        return result
    }
}

struct RawSQLiteError: Error {
    let message: String
}
