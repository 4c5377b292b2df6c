import EventStore
import XCTest

final class SchemaTests: XCTestCase {
    func testAFileStoreIsInWALModeAtTheCurrentSchemaVersion() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("wal.db")
        let store = try EventStore(path: path)
        try store.append(Fixtures.events(1), to: "a", expectedVersion: .any)

        let raw = try RawSQLite(path: path)
        XCTAssertEqual(try raw.rows("PRAGMA journal_mode"), [["wal"]])
        XCTAssertEqual(try raw.rows("PRAGMA user_version"), [["\(EventStore.schemaVersion)"]])
        XCTAssertEqual(try raw.rows("SELECT stream_id, version, event_count FROM streams"), [["a", "1", "1"]])
        XCTAssertEqual(try raw.rows("SELECT json_extract(data, '$.n'), sim_time_ms, actor FROM events"), [["1", "1", "tester"]])
    }

    func testSchemaStatementsCreateTheSameSchemaAsTheStore() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try EventStore(path: directory.path("store.db"))
        let store = try RawSQLite(path: directory.path("store.db"))
        let copy = try RawSQLite(path: directory.path("copy.db"))
        for statement in EventStore.schemaStatements { try copy.execute(statement) }

        let query = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
        XCTAssertEqual(try copy.rows(query), try store.rows(query))
        XCTAssertFalse(try store.rows(query).isEmpty)
    }
}
