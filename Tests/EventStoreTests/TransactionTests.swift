import EventStore
import XCTest

final class TransactionTests: XCTestCase {
    func testAppendsInsideATransactionCommitTogether() throws {
        let store = try EventStore(path: ":memory:")
        let version = try store.transaction { () throws -> Int64 in
            try store.append(Fixtures.events(2), to: "a", expectedVersion: .noStream)
            try store.append(Fixtures.events(1), to: "b", expectedVersion: .noStream)
            XCTAssertEqual(try store.lastPosition(), 3, "reads inside see the transaction's own appends")
            return try store.append(Fixtures.events(1), to: "a", expectedVersion: .exact(2))
        }
        XCTAssertEqual(version, 3)
        XCTAssertEqual(Array(store.readAll()).map(\.position), [1, 2, 3, 4])
    }

    func testAThrowingTransactionWritesNothing() throws {
        let store = try EventStore(path: ":memory:")
        try store.append(Fixtures.events(1), to: "a", expectedVersion: .any)
        XCTAssertThrowsError(try store.transaction {
            try store.append(Fixtures.events(2), to: "a", expectedVersion: .any)
            try store.insertRun(RunFixtures.run())
            try store.append(Fixtures.events(2), to: "b", expectedVersion: .exact(9))  // throws
        }) { XCTAssertTrue($0 is WrongExpectedVersion) }
        XCTAssertEqual(try store.lastPosition(), 1)
        XCTAssertEqual(try store.runs(), [])
    }

    func testARefusedAppendCaughtInsideATransactionDoesNotUndoTheOthers() throws {
        let store = try EventStore(path: ":memory:")
        try store.transaction {
            try store.append(Fixtures.events(1), to: "a", expectedVersion: .noStream)
            XCTAssertThrowsError(try store.append(Fixtures.events(3), to: "a", expectedVersion: .noStream))
            try store.transaction {
                try store.append(Fixtures.events(1), to: "a", expectedVersion: .exact(1))
            }
            XCTAssertThrowsError(try store.transaction {
                try store.append(Fixtures.events(1), to: "c", expectedVersion: .any)
                throw CancellationError()
            })
        }
        XCTAssertEqual(Array(store.readAll()).map(\.streamVersion), [1, 2])
        XCTAssertNil(try store.streamVersion("c"))
    }
}
