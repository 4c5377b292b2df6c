import EventStore
import XCTest

final class LazyReadTests: XCTestCase {
    func testReadingTheFirstEventsOfALargeLogFetchesOnlyOnePage() throws {
        let store = try EventStore(path: ":memory:")
        for batch in 0..<10 {
            try store.append(Fixtures.events(10_000, from: batch * 10_000 + 1), to: "big", expectedVersion: .any)
        }
        XCTAssertEqual(try store.lastPosition(), 100_000)

        var iterator = store.readAll(pageSize: 100).makeIterator()
        var firstTen: [RecordedEvent] = []
        while firstTen.count < 10, let event = iterator.next() { firstTen.append(event) }

        XCTAssertEqual(firstTen.map(\.position), Array(1...10))
        XCTAssertEqual(iterator.pagesFetched, 1)
        XCTAssertEqual(iterator.eventsFetched, 100)

        var streamIterator = store.readStream("big", fromVersion: 50_000, pageSize: 100).makeIterator()
        XCTAssertEqual(streamIterator.next()?.streamVersion, 50_000)
        XCTAssertEqual(streamIterator.eventsFetched, 100)
    }

    func testIterationCrossesPageBoundariesWithoutLosingOrRepeatingEvents() throws {
        let store = try EventStore(path: ":memory:")
        try store.append(Fixtures.events(30, from: 1), to: "a", expectedVersion: .any)
        try store.append(Fixtures.events(20, from: 31), to: "b", expectedVersion: .any)

        var iterator = store.readAll(pageSize: 7).makeIterator()
        var positions: [Int64] = []
        while let event = iterator.next() { positions.append(event.position) }
        XCTAssertEqual(positions, Array(1...50))
        XCTAssertEqual(iterator.pagesFetched, 8)  // 7 full pages and one of 1 event

        var exact = store.readStream("b", pageSize: 10).makeIterator()
        var versions: [Int64] = []
        while let event = exact.next() { versions.append(event.streamVersion) }
        XCTAssertEqual(versions, Array(1...20))
        XCTAssertEqual(exact.pagesFetched, 3)  // two full pages, then an empty one to find the end
        XCTAssertNil(exact.error)
    }

    func testASequenceIsReadWhenIteratedNotWhenCreated() throws {
        let store = try EventStore(path: ":memory:")
        try store.append(Fixtures.events(2), to: "a", expectedVersion: .any)
        let sequence = store.readStream("a")
        try store.append(Fixtures.events(1, from: 3), to: "a", expectedVersion: .exact(2))
        XCTAssertEqual(Array(sequence).map(\.streamVersion), [1, 2, 3])
        // Iterating again starts over.
        XCTAssertEqual(Array(sequence).count, 3)
    }

    func testAReadErrorEndsIterationAndIsReported() throws {
        let store = try EventStore(path: ":memory:")
        try store.append(Fixtures.events(3), to: "a", expectedVersion: .any)
        store.close()

        let sequence = store.readAll()
        XCTAssertEqual(Array(sequence), [])
        guard case EventStoreError.closed? = sequence.error else {
            return XCTFail("expected .closed, got \(String(describing: sequence.error))")
        }
        XCTAssertThrowsError(try sequence.collect()) { error in
            guard case EventStoreError.closed = error else { return XCTFail("unexpected \(error)") }
        }
        var iterator = sequence.makeIterator()
        XCTAssertThrowsError(try iterator.nextEvent())
    }
}
