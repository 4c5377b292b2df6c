import CSQLite
import Foundation

/// Checks a freshly opened connection and brings its schema to `Schema.currentVersion` (internal).
///
/// Nothing is written until the file has been accepted: an SQLite file whose
/// `user_version` is newer than ours, or that has tables but no version (someone else's
/// database), or is not an SQLite file at all, is rejected untouched. A writer checks and
/// creates inside one `BEGIN IMMEDIATE` transaction, so two processes creating the same new
/// file take turns: the second waits, then finds the schema made. A reader only reads.
struct SchemaMigrator {
    let connection: SQLiteConnection
    /// False for `openExisting`: an empty database is rejected instead of initialised.
    let allowCreate: Bool
    /// True for read-only connections: check, never migrate or change the journal mode.
    var readOnly = false

    private var isInMemory: Bool {
        connection.path == ":memory:" || connection.path.isEmpty
    }

    func run() throws {
        if readOnly {
            let found = try userVersion()
            try check(found)
            if found < Schema.currentVersion {
                throw EventStoreError.notAnEventStore(path: connection.path)
            }
            return
        }
        try checkAndMigrate()
        if !isInMemory {
            try enableWAL()
        }
    }

    private func userVersion() throws -> Int {
        Int(try connection.scalarInt64("PRAGMA user_version") ?? 0)
    }

    private func check(_ version: Int) throws {
        if version > Schema.currentVersion {
            throw EventStoreError.newerSchemaVersion(
                path: connection.path, found: version, supported: Schema.currentVersion)
        }
        if version == 0 {
            let objects = try connection.scalarInt64("SELECT count(*) FROM sqlite_master") ?? 0
            if objects > 0 || !allowCreate {
                throw EventStoreError.notAnEventStore(path: connection.path)
            }
        }
    }

    /// After the file is accepted: WAL (a no-op when it already is).
    ///
    /// The switch reads, then takes the write lock. When another connection holds the write lock
    /// and waits for our read to end, SQLite answers BUSY at once instead of waiting (it would be a
    /// deadlock), so a second process creating the same file can see `locked` here: try again once
    /// our read has ended, for as long as the busy timeout would have waited.
    private func enableWAL() throws {
        var attempt = 0
        while true {
            let statement = try connection.cached("PRAGMA journal_mode = WAL")
            do {
                _ = try statement.step()
                statement.reset()
                break
            } catch EventStoreError.locked(let path) {
                statement.reset()
                attempt += 1
                guard attempt * 5 < Int(connection.busyTimeoutMilliseconds) else { throw EventStoreError.locked(path: path) }
                usleep(5_000)
            }
        }
        try connection.execute("PRAGMA synchronous = NORMAL")
    }

    /// Reads the version, checks it and applies the missing migrations in one write transaction:
    /// no other writer can create tables between the check and the migration.
    private func checkAndMigrate() throws {
        try connection.execute("BEGIN IMMEDIATE")
        do {
            let version = try userVersion()
            try check(version)
            if version < Schema.currentVersion {
                for migration in Schema.migrations.dropFirst(version) {
                    for statement in migration {
                        try connection.execute(statement)
                    }
                }
                // PRAGMA takes no bound parameters; the value is our own constant.
                try connection.execute("PRAGMA user_version = \(Schema.currentVersion)")
            }
            try connection.execute("COMMIT")
        } catch {
            if connection.isInTransaction { try? connection.execute("ROLLBACK") }
            throw error
        }
    }
}
