import EventStore
import XCTest

final class OptimisticConcurrencyTests: XCTestCase {
    func testNoStreamOnAnExistingStreamFailsWithTheActualVersion() throws {
        let store = try EventStore(path: ":memory:")
        try store.append(Fixtures.events(2), to: "a", expectedVersion: .noStream)

        XCTAssertThrowsError(try store.append(Fixtures.events(1), to: "a", expectedVersion: .noStream)) { error in
            XCTAssertEqual(error as? WrongExpectedVersion,
                           WrongExpectedVersion(streamId: "a", expected: .noStream, actual: 2))
        }
    }

    func testExactMismatchThrowsTypedErrorCarryingStreamExpectedAndActual() throws {
        let store = try EventStore(path: ":memory:")
        try store.append(Fixtures.events(3), to: "cluster-1", expectedVersion: .any)

        do {
            try store.append(Fixtures.events(1), to: "cluster-1", expectedVersion: .exact(2))
            XCTFail("append with a stale version succeeded")
        } catch let error as WrongExpectedVersion {
            XCTAssertEqual(error.streamId, "cluster-1")
            XCTAssertEqual(error.expected, .exact(2))
            XCTAssertEqual(error.actual, 3)
            XCTAssertTrue(error.description.contains("cluster-1"), error.description)
        }

        do {
            try store.append(Fixtures.events(1), to: "never-written", expectedVersion: .exact(1))
            XCTFail("append to a missing stream with .exact(1) succeeded")
        } catch let error as WrongExpectedVersion {
            XCTAssertNil(error.actual)
        }
    }

    func testExactZeroMeansTheStreamHasNoEvents() throws {
        let store = try EventStore(path: ":memory:")
        XCTAssertEqual(try store.append(Fixtures.events(1), to: "a", expectedVersion: .exact(0)), 1)
        XCTAssertThrowsError(try store.append(Fixtures.events(1), to: "a", expectedVersion: .exact(0)))
    }

    func testAnyAppendsToNewAndExistingStreams() throws {
        let store = try EventStore(path: ":memory:")
        XCTAssertEqual(try store.append(Fixtures.events(2), to: "a", expectedVersion: .any), 2)
        XCTAssertEqual(try store.append(Fixtures.events(2), to: "a", expectedVersion: .any), 4)
        XCTAssertEqual(try store.streamVersion("a"), 4)
    }

    func testARefusedAppendWritesNothing() throws {
        let store = try EventStore(path: ":memory:")
        try store.append(Fixtures.events(2), to: "a", expectedVersion: .any)
        let before = Array(store.readAll())

        XCTAssertThrowsError(try store.append(Fixtures.events(5, from: 10), to: "a", expectedVersion: .exact(1)))
        XCTAssertThrowsError(try store.append(Fixtures.events(5, from: 10), to: "a", expectedVersion: .noStream))

        XCTAssertEqual(Array(store.readAll()), before)
        XCTAssertEqual(try store.streamVersion("a"), 2)
        XCTAssertEqual(try store.lastPosition(), 2)
    }

    func testTwoConnectionsToOneFileSeeEachOthersVersions() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("shared.db")
        let first = try EventStore(path: path)
        let second = try EventStore(path: path)

        let seenByFirst = try first.append(Fixtures.events(1), to: "a", expectedVersion: .noStream)
        XCTAssertEqual(try second.append(Fixtures.events(1, from: 2), to: "a", expectedVersion: .exact(seenByFirst)), 2)
        XCTAssertThrowsError(try first.append(Fixtures.events(1, from: 3), to: "a", expectedVersion: .exact(seenByFirst))) {
            XCTAssertEqual(($0 as? WrongExpectedVersion)?.actual, 2)
        }
        try first.append(Fixtures.events(1, from: 3), to: "b", expectedVersion: .any)
        XCTAssertEqual(Array(second.readAll()).map(\.position), [1, 2, 3])
    }
}
