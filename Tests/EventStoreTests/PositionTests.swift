import EventStore
import XCTest

final class PositionTests: XCTestCase {
    func testPositionsAreGaplessAndOrderedAcrossStreams() throws {
        let store = try EventStore(path: ":memory:")
        try store.append(Fixtures.events(2), to: "a", expectedVersion: .any)
        try store.append(Fixtures.events(3), to: "b", expectedVersion: .any)
        try store.append(Fixtures.events(1), to: "a", expectedVersion: .any)
        try store.append(Fixtures.events(2), to: "c", expectedVersion: .any)

        let all = Array(store.readAll())
        XCTAssertEqual(all.map(\.position), Array(1...8))
        XCTAssertEqual(all.map(\.streamId), ["a", "a", "b", "b", "b", "a", "c", "c"])
        XCTAssertEqual(all.filter { $0.streamId == "a" }.map(\.streamVersion), [1, 2, 3])
    }

    func testAFailedAppendLeavesNoGapInPositions() throws {
        let store = try EventStore(path: ":memory:")
        try store.append(Fixtures.events(2), to: "a", expectedVersion: .any)
        XCTAssertThrowsError(try store.append(Fixtures.events(5), to: "a", expectedVersion: .noStream))
        XCTAssertThrowsError(try store.transaction {
            try store.append(Fixtures.events(4), to: "b", expectedVersion: .any)
            throw CancellationError()
        })
        try store.append(Fixtures.events(1), to: "b", expectedVersion: .any)

        XCTAssertEqual(Array(store.readAll()).map(\.position), [1, 2, 3])
        XCTAssertEqual(try store.streamVersion("b"), 1)
    }

    func testPositionsContinueWithoutGapsAfterCloseAndReopen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("store.db")

        do {
            let store = try EventStore(path: path)
            try store.append(Fixtures.events(3), to: "a", expectedVersion: .noStream)
            XCTAssertThrowsError(try store.append(Fixtures.events(3), to: "a", expectedVersion: .noStream))
            store.close()
        }
        let reopened = try EventStore.openExisting(path: path)
        XCTAssertEqual(try reopened.lastPosition(), 3)
        XCTAssertEqual(try reopened.append(Fixtures.events(2, from: 4), to: "a", expectedVersion: .exact(3)), 5)
        try reopened.append(Fixtures.events(1, from: 6), to: "b", expectedVersion: .noStream)
        XCTAssertEqual(Array(reopened.readAll()).map(\.position), Array(1...6))
        XCTAssertEqual(Array(reopened.readAll()).compactMap(Fixtures.number), Array(1...6))
    }
}
