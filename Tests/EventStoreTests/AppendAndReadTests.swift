import EventStore
import XCTest

final class AppendAndReadTests: XCTestCase {
    func testAppendThenReadReturnsEveryFieldUnchanged() throws {
        let store = try EventStore(path: ":memory:")
        let payload = Data(#"{"tags":{"env":"prod","ünïcødé":"✓"},"privateAccess":true,"n":null}"#.utf8)
        let event = NewEvent(
            type: "cluster.tagsChanged", schemaVersion: 3, data: payload,
            metadata: EventMetadata(time: 61_500, actor: "console", causationId: 42, runId: 7))
        let plain = NewEvent(
            type: "cluster.created", schemaVersion: 1, data: Data("{}".utf8),
            metadata: EventMetadata(time: 0, actor: "rancher", causationId: nil, runId: 7))

        XCTAssertEqual(try store.append([plain, event], to: "cluster-a", expectedVersion: .noStream), 2)

        let read = Array(store.readStream("cluster-a"))
        XCTAssertEqual(read, [
            RecordedEvent(position: 1, streamId: "cluster-a", streamVersion: 1, type: "cluster.created",
                          schemaVersion: 1, data: Data("{}".utf8), metadata: plain.metadata),
            RecordedEvent(position: 2, streamId: "cluster-a", streamVersion: 2, type: "cluster.tagsChanged",
                          schemaVersion: 3, data: payload, metadata: event.metadata),
        ])
        XCTAssertEqual(Array(store.readAll()), read)
        XCTAssertEqual(try store.events(fromPosition: 1), read)
    }

    func testEmptyPayloadAndEmptyStringsRoundTrip() throws {
        let store = try EventStore(path: ":memory:")
        let event = NewEvent(type: "", schemaVersion: 0, data: Data(),
                             metadata: EventMetadata(time: -5, actor: "", causationId: 0, runId: 0))
        try store.append([event], to: "s", expectedVersion: .any)
        let read = try XCTUnwrap(store.readAll().first(where: { _ in true }))
        XCTAssertEqual(read.type, "")
        XCTAssertEqual(read.data, Data())
        XCTAssertEqual(read.metadata, event.metadata)
    }

    func testBatchAppendGivesConsecutiveVersionsAndPositionsInOrder() throws {
        let store = try EventStore(path: ":memory:")
        XCTAssertEqual(try store.append(Fixtures.events(3), to: "a", expectedVersion: .noStream), 3)
        XCTAssertEqual(try store.append(Fixtures.events(4, from: 4), to: "a", expectedVersion: .exact(3)), 7)

        let read = Array(store.readStream("a"))
        XCTAssertEqual(read.map(\.streamVersion), Array(1...7))
        XCTAssertEqual(read.map(\.position), Array(1...7))
        XCTAssertEqual(read.compactMap(Fixtures.number), Array(1...7))
        XCTAssertEqual(try store.streamVersion("a"), 7)
        XCTAssertEqual(try store.lastPosition(), 7)
    }

    func testEmptyAppendWritesNothingAndReturnsCurrentVersion() throws {
        let store = try EventStore(path: ":memory:")
        XCTAssertEqual(try store.append([], to: "a", expectedVersion: .noStream), 0)
        XCTAssertNil(try store.streamVersion("a"))
        try store.append(Fixtures.events(2), to: "a", expectedVersion: .any)
        XCTAssertEqual(try store.append([], to: "a", expectedVersion: .exact(2)), 2)
        XCTAssertEqual(try store.lastPosition(), 2)
    }

    func testReadStreamFromAVersionSkipsEarlierEventsAndOtherStreams() throws {
        let store = try EventStore(path: ":memory:")
        try store.append(Fixtures.events(3, from: 1), to: "a", expectedVersion: .any)
        try store.append(Fixtures.events(3, from: 100), to: "b", expectedVersion: .any)
        try store.append(Fixtures.events(3, from: 4), to: "a", expectedVersion: .any)

        let fromFour = Array(store.readStream("a", fromVersion: 4))
        XCTAssertEqual(fromFour.map(\.streamVersion), [4, 5, 6])
        XCTAssertEqual(fromFour.map(\.position), [7, 8, 9])
        XCTAssertEqual(fromFour.compactMap(Fixtures.number), [4, 5, 6])
        XCTAssertEqual(Array(store.readStream("a", fromVersion: 7)), [])
        XCTAssertEqual(Array(store.readStream("missing")), [])
        XCTAssertEqual(try store.events(inStream: "b", fromVersion: 2, limit: 1).compactMap(Fixtures.number), [101])
    }

    func testReadAllFromAPositionInterleavesStreamsInAppendOrder() throws {
        let store = try EventStore(path: ":memory:")
        try store.append(Fixtures.events(2, from: 1), to: "a", expectedVersion: .any)
        try store.append(Fixtures.events(2, from: 3), to: "b", expectedVersion: .any)
        try store.append(Fixtures.events(2, from: 5), to: "a", expectedVersion: .any)

        let fromThree = Array(store.readAll(fromPosition: 3))
        XCTAssertEqual(fromThree.map(\.position), [3, 4, 5, 6])
        XCTAssertEqual(fromThree.map(\.streamId), ["b", "b", "a", "a"])
        XCTAssertEqual(fromThree.map(\.streamVersion), [1, 2, 3, 4])
        XCTAssertEqual(Array(store.readAll(fromPosition: 7)), [])
        XCTAssertEqual(try store.streamIds(), ["a", "b"])
    }

    func testStreamVersionAndLastPositionOfAnEmptyStore() throws {
        let store = try EventStore(path: ":memory:")
        XCTAssertNil(try store.streamVersion("nothing"))
        XCTAssertEqual(try store.lastPosition(), 0)
    }
}
