import CSQLite

/// Checks a freshly opened connection and brings its schema to `Schema.currentVersion` (internal).
///
/// Nothing is written until the file has been accepted: an SQLite file whose
/// `user_version` is newer than ours, or that has tables but no version (someone else's
/// database), or is not an SQLite file at all, is rejected untouched.
struct SchemaMigrator {
    let connection: SQLiteConnection
    /// False for `openExisting`: an empty database is rejected instead of initialised.
    let allowCreate: Bool

    private var isInMemory: Bool {
        connection.path == ":memory:" || connection.path.isEmpty
    }

    func run() throws {
        let found = try userVersion()
        try check(found)
        if !isInMemory {
            try enableWAL()
        }
        if found < Schema.currentVersion {
            try migrate()
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

    private func enableWAL() throws {
        let statement = try connection.cached("PRAGMA journal_mode = WAL")
        defer { statement.reset() }
        _ = try statement.step()
        try connection.execute("PRAGMA synchronous = NORMAL")
    }

    /// Applies the missing migrations in one write transaction, re-reading the version
    /// inside it so two processes creating the same file do not both migrate.
    private func migrate() throws {
        try connection.execute("BEGIN IMMEDIATE")
        do {
            let version = try userVersion()
            try check(version)
            for migration in Schema.migrations.dropFirst(version) {
                for statement in migration {
                    try connection.execute(statement)
                }
            }
            // PRAGMA takes no bound parameters; the value is our own constant.
            try connection.execute("PRAGMA user_version = \(Schema.currentVersion)")
            try connection.execute("COMMIT")
        } catch {
            if connection.isInTransaction { try? connection.execute("ROLLBACK") }
            throw error
        }
    }
}
