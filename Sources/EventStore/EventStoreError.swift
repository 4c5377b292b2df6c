import Foundation

/// Why the store could not open a file or complete an operation; each message names the file.
///
/// Match the cases in `catch` clauses, e.g. `catch EventStoreError.locked(let path)`.
public enum EventStoreError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// `openExisting` was given a path where no file exists (nothing was created).
    case fileNotFound(path: String)
    /// The file is not an SQLite database (for example a text file); it was left unchanged.
    case notADatabase(path: String)
    /// The file is an SQLite database but not an event store (empty, or another program's tables); left unchanged.
    case notAnEventStore(path: String)
    /// The store was written by a newer version of this tool; it was left unchanged.
    case newerSchemaVersion(path: String, found: Int, supported: Int)
    /// Another connection holds a lock on the database and did not release it within the busy timeout.
    case locked(path: String)
    /// The database file is damaged.
    case corrupt(path: String, reason: String)
    /// The file could not be opened (missing directory, permissions, ...).
    case cannotOpen(path: String, reason: String)
    /// The store was closed with `close()` before this call.
    case closed(path: String)
    /// Any other SQLite failure, with SQLite's result code and message.
    case sqlite(path: String, code: Int, message: String)

    /// The file the error is about.
    public var path: String {
        switch self {
        case .fileNotFound(let path), .notADatabase(let path), .notAnEventStore(let path),
             .newerSchemaVersion(let path, _, _), .locked(let path), .corrupt(let path, _),
             .cannotOpen(let path, _), .closed(let path), .sqlite(let path, _, _):
            return path
        }
    }

    public var description: String {
        let file = Self.describe(path)
        switch self {
        case .fileNotFound:
            return "\(file) does not exist; nothing was created"
        case .notADatabase:
            return "\(file) is not an SQLite database (is it the right file?); it was left unchanged"
        case .notAnEventStore:
            return "\(file) is an SQLite database but not an event store (it is empty or has other tables); it was left unchanged"
        case .newerSchemaVersion(_, let found, let supported):
            return "\(file) has event store schema version \(found), newer than the \(supported) this tool knows; upgrade the tool. The file was left unchanged"
        case .locked:
            return "\(file) is locked by another connection or process; try again when it has finished"
        case .corrupt(_, let reason):
            return "\(file) is damaged: \(reason)"
        case .cannotOpen(_, let reason):
            return "cannot open \(file): \(reason)"
        case .closed:
            return "the event store \(file) was already closed"
        case .sqlite(_, let code, let message):
            return "SQLite error \(code) on \(file): \(message)"
        }
    }

    public var errorDescription: String? { description }

    static func describe(_ path: String) -> String {
        path == ":memory:" || path.isEmpty ? "the in-memory event store" : "'\(path)'"
    }
}
