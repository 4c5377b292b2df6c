import CSQLite

extension EventStore {
    /// Runs `body` in one write transaction: everything it appends commits together, or
    /// nothing does if it throws. Appends and nested `transaction` calls inside join it.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try writeTransaction(body)
    }

    /// BEGIN IMMEDIATE at the outermost level, a savepoint when nested, so every call is atomic on its own.
    func writeTransaction<T>(_ body: () throws -> T) throws -> T {
        let outermost = transactionDepth == 0
        try run(outermost ? "BEGIN IMMEDIATE" : "SAVEPOINT eventstore_nested")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        do {
            let result = try body()
            try run(outermost ? "COMMIT" : "RELEASE eventstore_nested")
            return result
        } catch {
            if outermost {
                if connection.isInTransaction { try? run("ROLLBACK") }
            } else {
                try? run("ROLLBACK TO eventstore_nested")
                try? run("RELEASE eventstore_nested")
            }
            throw error
        }
    }

    /// Steps a cached parameterless statement once.
    private func run(_ sql: String) throws {
        let statement = try connection.cached(sql)
        defer { statement.reset() }
        try statement.step()
    }
}
