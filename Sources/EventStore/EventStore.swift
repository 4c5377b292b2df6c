import CSQLite
import Foundation

/// An append-only log of encoded events in one SQLite file, organised in streams.
///
/// Every event gets a global `position` (1, 2, 3, ... across all streams, no gaps) and a
/// `streamVersion` within its stream (1, 2, 3, ...). Appends are all or nothing and check
/// the stream's version first (optimistic concurrency). The store knows nothing of what
/// the events mean.
///
/// An `EventStore` is one SQLite connection: use it from one thread at a time. Several
/// stores (in one process or several) may open the same file; writers take turns, and a
/// writer that waits longer than the busy timeout gets `EventStoreError.locked`.
public final class EventStore {
    /// The path the store was opened with (`:memory:` for an in-memory store).
    public let path: String

    /// The schema version this build writes (the value of `PRAGMA user_version`).
    public static var schemaVersion: Int { Schema.currentVersion }

    /// The SQL statements that create the store's schema, in order, for tools (benchmarks)
    /// that want the identical tables in a connection of their own.
    public static var schemaStatements: [String] { Schema.allStatements }

    /// How many events a lazy read fetches at a time unless told otherwise.
    public static let defaultPageSize = 512

    let connection: SQLiteConnection
    var transactionDepth = 0

    /// Creates the store at `path`, or opens it if it exists; `":memory:"` makes an in-memory store.
    ///
    /// A file store runs in WAL mode with `synchronous=NORMAL`. An older schema is migrated.
    /// Throws `EventStoreError` (`notADatabase`, `notAnEventStore`, `newerSchemaVersion`,
    /// `locked`, `cannotOpen`, ...) without modifying a file it rejects.
    /// - Parameter busyTimeoutMilliseconds: how long to wait for another connection's lock
    ///   before throwing `EventStoreError.locked`.
    public convenience init(path: String, busyTimeoutMilliseconds: Int = 1000) throws {
        try self.init(path: path, create: true, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    /// Opens an existing store; throws `EventStoreError.fileNotFound` (creating nothing) if
    /// there is no file at `path`, and never modifies a file it rejects.
    public static func openExisting(path: String, busyTimeoutMilliseconds: Int = 1000) throws -> EventStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw EventStoreError.fileNotFound(path: path)
        }
        return try EventStore(path: path, create: false, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    /// Opens an existing store for reading only: the file is never written (no journal-mode
    /// change, no migration), so it works on a read-only file. Appends throw.
    public static func openReadOnly(path: String, busyTimeoutMilliseconds: Int = 1000) throws -> EventStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw EventStoreError.fileNotFound(path: path)
        }
        return try EventStore(path: path, create: false, readOnly: true, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    private init(path: String, create: Bool, readOnly: Bool = false, busyTimeoutMilliseconds: Int) throws {
        self.path = path
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create { flags |= SQLITE_OPEN_CREATE }
        let timeout = Int32(clamping: max(0, busyTimeoutMilliseconds))
        connection = try SQLiteConnection(path: path, flags: flags, busyTimeoutMilliseconds: timeout)
        do {
            try SchemaMigrator(connection: connection, allowCreate: create, readOnly: readOnly).run()
        } catch {
            connection.close()
            throw error
        }
    }

    /// Closes the database; later calls throw `EventStoreError.closed`. Closing twice is harmless.
    public func close() {
        connection.close()
    }
}
