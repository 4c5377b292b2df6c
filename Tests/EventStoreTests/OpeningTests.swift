import EventStore
import Foundation
import XCTest

/// Opening a store: two processes creating the same new file both succeed; a read-only open
/// never writes (no journal-mode switch, no migration).
final class OpeningTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws { directory = try TemporaryDirectory() }
    override func tearDown() { directory.remove() }

    /// Each round starts two `eventstore-stress` children on one new path at once; both must create
    /// (or find) the schema and append. Checking the version and creating the tables in separate
    /// steps let the second one see tables without a version ("not an event store").
    func testTwoProcessesCreatingTheSameStoreBothSucceed() throws {
        for round in 0..<50 {
            let path = directory.path("new-\(round).db")
            let children = try (0..<2).map { _ in try StressProcess(arguments: [path, "1", "1", "0"]) }
            for child in children { child.killAfter(seconds: 60) }
            for child in children {
                while child.readLine() != nil {}
                child.process.waitUntilExit()
                XCTAssertEqual(child.process.terminationStatus, 0, "round \(round): a child failed")
            }
            let store = try EventStore.openReadOnly(path: path)
            XCTAssertEqual(try store.lastPosition(), 2, "round \(round)")
            store.close()
        }
    }

    func testAReadOnlyOpenLeavesARollbackJournalStoreAsItWas() throws {
        let path = directory.path("rollback.db")
        let store = try EventStore(path: path)
        try store.append([NewEvent(type: "t", schemaVersion: 1, data: Data("{}".utf8),
                                   metadata: EventMetadata(time: 0, actor: "a", causationId: nil, runId: 1))],
                         to: "s", expectedVersion: .noStream)
        store.close()
        let raw = try RawSQLite(path: path)
        try raw.execute("PRAGMA journal_mode = DELETE")
        raw.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let files = try directory.fileNames()

        let reader = try EventStore.openReadOnly(path: path)
        XCTAssertEqual(try reader.events().count, 1)
        XCTAssertThrowsError(try reader.append([NewEvent(type: "t", schemaVersion: 1, data: Data("{}".utf8),
                                                         metadata: EventMetadata(time: 0, actor: "a", causationId: nil, runId: 1))],
                                               to: "s", expectedVersion: .any))
        reader.close()

        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "a read-only open wrote the file")
        XCTAssertEqual(try directory.fileNames(), files)
        XCTAssertEqual(before[18], 1, "still a rollback-journal file, not switched to WAL")
    }

    func testAReadOnlyOpenRefusesWhatIsNotAStore() throws {
        let path = directory.path("empty.db")
        FileManager.default.createFile(atPath: path, contents: Data())
        XCTAssertThrowsError(try EventStore.openReadOnly(path: path)) { error in
            XCTAssertEqual(error as? EventStoreError, .notAnEventStore(path: path))
        }
        XCTAssertThrowsError(try EventStore.openReadOnly(path: directory.path("missing.db")))
    }
}
