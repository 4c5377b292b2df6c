/// The store's schema: an ordered list of migrations, tracked in `PRAGMA user_version` (internal).
enum Schema {
    /// Migration `i` (0-based) brings a database from `user_version` i to i + 1.
    static let migrations: [[String]] = [version1]

    /// The schema version this build writes and understands (the number of migrations).
    static var currentVersion: Int { migrations.count }

    /// Version 1 creates everything.
    ///
    /// Tables, as shown by `.schema` in the `sqlite3` shell:
    ///
    /// `events`: one row per event, in append order.
    ///
    /// | column | type | meaning |
    /// |---|---|---|
    /// | `position` | INTEGER PRIMARY KEY | global order of every event in the file: 1, 2, 3, ... with no gaps, even after a failed append or a crash |
    /// | `stream_id` | TEXT NOT NULL | the stream the event belongs to (a run writes one stream, named in `runs.stream_id`) |
    /// | `stream_version` | INTEGER NOT NULL | the event's number within its stream: 1, 2, 3, ... with no gaps; `UNIQUE (stream_id, stream_version)` |
    /// | `type` | TEXT NOT NULL | the event's stable type name |
    /// | `schema_version` | INTEGER NOT NULL | version of that type's payload layout |
    /// | `data` | TEXT NOT NULL | the payload as JSON (query it with `json_extract(data, '$.field')`) |
    /// | `sim_time_ms` | INTEGER NOT NULL | simulated milliseconds since the scenario start |
    /// | `actor` | TEXT NOT NULL | who or what produced the event |
    /// | `causation_id` | INTEGER | `position` of the event that caused this one, or NULL |
    /// | `run_id` | INTEGER NOT NULL | `runs.id` of the run that wrote it (not enforced as a foreign key) |
    ///
    /// `runs`: one row per simulator run.
    ///
    /// | column | type | meaning |
    /// |---|---|---|
    /// | `id` | INTEGER PRIMARY KEY | the run's id, 1, 2, 3, ... |
    /// | `scenario_name` | TEXT NOT NULL | the scenario's `name` |
    /// | `scenario_source` | TEXT NOT NULL | the scenario file's full YAML text (what `replay` re-runs) |
    /// | `source_path` | TEXT NOT NULL | the path the scenario was read from |
    /// | `profile` | TEXT NOT NULL | the profile used |
    /// | `seed` | INTEGER NOT NULL | the random seed (a 64-bit unsigned seed; seeds of 2^63 and above show as negative numbers, two's complement) |
    /// | `tool_version` | TEXT NOT NULL | version of the tool that made the run |
    /// | `stream_id` | TEXT NOT NULL | the stream holding the run's events (`events.stream_id`) |
    /// | `options` | TEXT NOT NULL | JSON object of extra options, e.g. command-line overrides |
    ///
    /// `streams` (a view, derived from `events`): one row per stream with `stream_id`,
    /// `version` (its last `stream_version`), `event_count`, `first_position`, `last_position`.
    ///
    /// `PRAGMA user_version` holds the schema version (1). Files are in WAL mode
    /// (`-wal` and `-shm` files sit beside the database while it is open).
    static let version1: [String] = [
        """
        CREATE TABLE events (
            position       INTEGER PRIMARY KEY, -- global order, 1, 2, 3, ... no gaps
            stream_id      TEXT    NOT NULL,
            stream_version INTEGER NOT NULL,    -- 1, 2, 3, ... within stream_id
            type           TEXT    NOT NULL,
            schema_version INTEGER NOT NULL,
            data           TEXT    NOT NULL,    -- JSON payload
            sim_time_ms    INTEGER NOT NULL,    -- simulated ms since scenario start
            actor          TEXT    NOT NULL,
            causation_id   INTEGER,             -- position of the causing event, or NULL
            run_id         INTEGER NOT NULL,    -- runs.id
            UNIQUE (stream_id, stream_version)
        )
        """,
        """
        CREATE TABLE runs (
            id              INTEGER PRIMARY KEY,
            scenario_name   TEXT    NOT NULL,
            scenario_source TEXT    NOT NULL,   -- the scenario YAML text
            source_path     TEXT    NOT NULL,
            profile         TEXT    NOT NULL,
            seed            INTEGER NOT NULL,   -- UInt64 seed stored as its 64-bit pattern
            tool_version    TEXT    NOT NULL,
            stream_id       TEXT    NOT NULL,   -- events.stream_id of the run
            options         TEXT    NOT NULL    -- JSON object of extra options
        )
        """,
        """
        CREATE VIEW streams AS
            SELECT stream_id,
                   max(stream_version) AS version,
                   count(*)            AS event_count,
                   min(position)       AS first_position,
                   max(position)       AS last_position
            FROM events
            GROUP BY stream_id
        """,
    ]

    /// Every statement of every migration, in order.
    static var allStatements: [String] { migrations.flatMap { $0 } }
}
