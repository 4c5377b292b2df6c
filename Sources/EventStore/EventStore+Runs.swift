extension EventStore {
    static let runColumns = """
        scenario_name, scenario_source, source_path, profile, seed, tool_version, stream_id, options
        """

    /// Records a run and returns the id the store assigned to it (`run.id` is ignored).
    @discardableResult
    public func insertRun(_ run: RunRecord) throws -> Int64 {
        try writeTransaction {
            let statement = try connection.cached(
                "INSERT INTO runs (\(Self.runColumns)) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id")
            defer { statement.reset() }
            statement.bind(run.scenarioName, at: 1)
            statement.bind(run.scenarioSource, at: 2)
            statement.bind(run.sourcePath, at: 3)
            statement.bind(run.profile, at: 4)
            statement.bind(Int64(bitPattern: run.seed), at: 5)
            statement.bind(run.toolVersion, at: 6)
            statement.bind(run.streamId, at: 7)
            statement.bind(run.options, at: 8)
            guard try statement.step() else {
                throw EventStoreError.sqlite(path: path, code: 0, message: "INSERT INTO runs returned no id")
            }
            let id = statement.int64(0)
            _ = try statement.step()
            return id
        }
    }

    /// Every recorded run, oldest first.
    public func runs() throws -> [RunRecord] {
        try selectRuns("SELECT id, \(Self.runColumns) FROM runs ORDER BY id", bind: { _ in })
    }

    /// The run with this id, or nil.
    public func run(id: Int64) throws -> RunRecord? {
        try selectRuns("SELECT id, \(Self.runColumns) FROM runs WHERE id = ?1", bind: { $0.bind(id, at: 1) }).first
    }

    private func selectRuns(_ sql: String, bind: (SQLiteStatement) -> Void) throws -> [RunRecord] {
        let statement = try connection.cached(sql)
        defer { statement.reset() }
        bind(statement)
        var runs: [RunRecord] = []
        while try statement.step() {
            runs.append(RunRecord(
                id: statement.int64(0),
                scenarioName: statement.string(1),
                scenarioSource: statement.string(2),
                sourcePath: statement.string(3),
                profile: statement.string(4),
                seed: UInt64(bitPattern: statement.int64(5)),
                toolVersion: statement.string(6),
                streamId: statement.string(7),
                options: statement.string(8)))
        }
        return runs
    }
}
