import EventStore
import XCTest

final class BadFileTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws { directory = try TemporaryDirectory() }
    override func tearDown() { directory.remove() }

    /// Asserts that opening `path` both ways fails with `matches`, and leaves the directory as it was.
    private func assertRejected(
        _ path: String, file: StaticString = #filePath, line: UInt = #line,
        _ matches: (EventStoreError) -> Bool
    ) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let files = try directory.fileNames()
        for open in [{ try EventStore(path: path) }, { try EventStore.openExisting(path: path) }] {
            XCTAssertThrowsError(try open(), file: file, line: line) { error in
                guard let error = error as? EventStoreError else {
                    return XCTFail("not an EventStoreError: \(error)", file: file, line: line)
                }
                XCTAssertTrue(matches(error), "unexpected error: \(error)", file: file, line: line)
                XCTAssertEqual(error.path, path, file: file, line: line)
                XCTAssertTrue(error.description.contains(path), error.description, file: file, line: line)
            }
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes, "file modified", file: file, line: line)
            XCTAssertEqual(try directory.fileNames(), files, "files created beside it", file: file, line: line)
        }
    }

    func testATextFileIsRejectedAsNotADatabaseAndLeftUnchanged() throws {
        let long = directory.path("notes.txt")
        try Data(String(repeating: "This is a text file, not a database.\n", count: 200).utf8)
            .write(to: URL(fileURLWithPath: long))
        try assertRejected(long) { $0 == .notADatabase(path: long) }

        let short = directory.path("short.db")
        try Data("hello\n".utf8).write(to: URL(fileURLWithPath: short))
        try assertRejected(short) { $0 == .notADatabase(path: short) }
    }

    func testAStoreFromANewerSchemaVersionIsRejectedAndLeftUnchanged() throws {
        let path = directory.path("future.db")
        try EventStore(path: path).append(Fixtures.events(2), to: "a", expectedVersion: .any)
        let raw = try RawSQLite(path: path)
        try raw.execute("PRAGMA journal_mode = DELETE")  // so that switching it back to WAL would show in the bytes
        try raw.execute("PRAGMA user_version = 999")
        raw.close()

        try assertRejected(path) { $0 == .newerSchemaVersion(path: path, found: 999, supported: EventStore.schemaVersion) }
        XCTAssertTrue(EventStoreError.newerSchemaVersion(path: path, found: 999, supported: 1).description.contains("999"))
    }

    func testAnotherProgramsDatabaseIsRejectedAndLeftUnchanged() throws {
        let path = directory.path("other.db")
        let raw = try RawSQLite(path: path)
        try raw.execute("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('ada')")
        raw.close()
        try assertRejected(path) { $0 == .notAnEventStore(path: path) }
    }

    func testOpenExistingRejectsAnEmptyFileButInitCreatesAStoreInIt() throws {
        let path = directory.path("empty.db")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        XCTAssertThrowsError(try EventStore.openExisting(path: path)) {
            XCTAssertEqual($0 as? EventStoreError, .notAnEventStore(path: path))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), Data())

        try EventStore(path: path).append(Fixtures.events(1), to: "a", expectedVersion: .any)
        XCTAssertEqual(try EventStore.openExisting(path: path).lastPosition(), 1)
    }

    func testOpenExistingOnAMissingFileFailsAndCreatesNothing() throws {
        let path = directory.path("missing.db")
        XCTAssertThrowsError(try EventStore.openExisting(path: path)) { error in
            XCTAssertEqual(error as? EventStoreError, .fileNotFound(path: path))
            XCTAssertTrue("\(error)".contains(path))
        }
        XCTAssertEqual(try directory.fileNames(), [])
    }

    func testAPathInAMissingDirectoryCannotBeOpened() throws {
        let path = directory.path("no/such/dir/store.db")
        XCTAssertThrowsError(try EventStore(path: path)) { error in
            guard case EventStoreError.cannotOpen(path, _) = error else { return XCTFail("unexpected \(error)") }
        }
    }

    func testAppendWhileAnotherConnectionHoldsTheWriteLockFailsAsLocked() throws {
        let path = directory.path("busy.db")
        let store = try EventStore(path: path, busyTimeoutMilliseconds: 50)
        try store.append(Fixtures.events(1), to: "a", expectedVersion: .any)

        let other = try RawSQLite(path: path)
        try other.execute("BEGIN EXCLUSIVE")
        XCTAssertThrowsError(try store.append(Fixtures.events(1), to: "a", expectedVersion: .any)) { error in
            XCTAssertEqual(error as? EventStoreError, .locked(path: path))
            XCTAssertTrue("\(error)".contains("locked"), "\(error)")
        }
        XCTAssertEqual(try store.lastPosition(), 1, "readers are not blocked in WAL mode")
        try other.execute("ROLLBACK")

        XCTAssertEqual(try store.append(Fixtures.events(1), to: "a", expectedVersion: .exact(1)), 2)
        XCTAssertEqual(Array(store.readAll()).map(\.position), [1, 2])
    }

    func testOpeningAFileExclusivelyLockedByAnotherConnectionFailsAsLocked() throws {
        let path = directory.path("exclusive.db")
        try EventStore(path: path).append(Fixtures.events(1), to: "a", expectedVersion: .any)
        let other = try RawSQLite(path: path)
        try other.execute("PRAGMA journal_mode = DELETE")  // rollback journal: EXCLUSIVE also locks readers out
        try other.execute("BEGIN EXCLUSIVE")

        XCTAssertThrowsError(try EventStore.openExisting(path: path, busyTimeoutMilliseconds: 50)) {
            XCTAssertEqual($0 as? EventStoreError, .locked(path: path))
        }
        try other.execute("COMMIT")
        other.close()
        XCTAssertEqual(try EventStore.openExisting(path: path).lastPosition(), 1)
    }
}
