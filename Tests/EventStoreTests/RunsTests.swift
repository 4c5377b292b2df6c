import EventStore
import XCTest

final class RunsTests: XCTestCase {
    func testRunsRoundTripEveryFieldWithStoreAssignedIds() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("runs.db")
        let first = RunFixtures.run(name: "first", seed: 0, stream: "run-a")
        let second = RunFixtures.run(name: "second", seed: UInt64.max, stream: "run-b")

        do {
            let store = try EventStore(path: path)
            XCTAssertEqual(try store.runs(), [])
            XCTAssertEqual(try store.insertRun(first), 1)
            XCTAssertEqual(try store.insertRun(second), 2)
        }
        let store = try EventStore.openExisting(path: path)
        var expectedFirst = first
        expectedFirst.id = 1
        var expectedSecond = second
        expectedSecond.id = 2
        XCTAssertEqual(try store.runs(), [expectedFirst, expectedSecond])
        XCTAssertEqual(try store.run(id: 2), expectedSecond)
        XCTAssertNil(try store.run(id: 3))
    }
}
