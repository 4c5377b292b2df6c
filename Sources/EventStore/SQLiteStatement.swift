import CSQLite
import Foundation

/// A prepared SQLite statement: bind by 1-based index, step, read columns by 0-based index (internal).
final class SQLiteStatement {
    private var stmt: OpaquePointer?
    private unowned let connection: SQLiteConnection

    init(_ stmt: OpaquePointer, connection: SQLiteConnection) {
        self.stmt = stmt
        self.connection = connection
    }

    deinit { finalize() }

    func finalize() {
        if let stmt { sqlite3_finalize(stmt) }
        stmt = nil
    }

    /// Resets the statement so it can run again; bindings are kept.
    func reset() { sqlite3_reset(stmt) }

    /// Steps once: `true` when a row is available, `false` when done.
    @discardableResult
    func step() throws -> Bool {
        let rc = sqlite3_step(stmt)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = connection.error(rc)
            sqlite3_reset(stmt)
            throw error
        }
    }

    // MARK: Binding

    func bind(_ value: Int64, at index: Int32) { sqlite3_bind_int64(stmt, index, value) }

    func bind(_ value: Int64?, at index: Int32) {
        if let value { sqlite3_bind_int64(stmt, index, value) } else { sqlite3_bind_null(stmt, index) }
    }

    /// Binds text; SQLite copies the bytes.
    func bind(_ value: String, at index: Int32) {
        var value = value
        value.withUTF8 { utf8 in
            bindText(UnsafeRawBufferPointer(utf8), at: index, destructor: sqliteTransient)
        }
    }

    /// Binds `data` as TEXT without copying it and steps once while its bytes are pinned.
    ///
    /// The binding is replaced by NULL before returning, so no pointer outlives the call.
    @discardableResult
    func stepBindingText(_ data: Data, at index: Int32) throws -> Bool {
        try data.withUnsafeBytes { raw -> Bool in
            bindText(raw, at: index, destructor: sqliteStatic)
            defer { sqlite3_bind_null(stmt, index) }
            return try step()
        }
    }

    private func bindText(_ bytes: UnsafeRawBufferPointer, at index: Int32, destructor: sqlite3_destructor_type) {
        if let base = bytes.baseAddress, bytes.count > 0 {
            sqlite3_bind_text(stmt, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), destructor)
        } else {
            sqlite3_bind_text(stmt, index, "", 0, sqliteTransient)
        }
    }

    // MARK: Columns

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(stmt, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(stmt, column) }

    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(stmt, column) else { return "" }
        let count = Int(sqlite3_column_bytes(stmt, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func data(_ column: Int32) -> Data {
        guard let text = sqlite3_column_text(stmt, column) else { return Data() }
        let count = Int(sqlite3_column_bytes(stmt, column))
        return Data(bytes: text, count: count)
    }
}
