import EventStore
import Foundation
import XCTest

/// A process killed in the middle of an append loses that append and nothing else.
final class CrashTests: XCTestCase {
    func testAKilledAppendLeavesEveryCommittedBatchAndNothingOfTheKilledOne() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("crash.db")
        let (batches, batchSize, hugeSize) = (20, 250, 200_000)

        let child = try StressProcess(arguments: [path, "\(batches)", "\(batchSize)", "\(hugeSize)"])
        child.killAfter(seconds: 60)

        var committed: [(batch: Int, lastPosition: Int64)] = []
        var sawHugeStart = false
        while !sawHugeStart, let line = child.readLine() {
            let words = line.split(separator: " ")
            if words.first == "committed", words.count == 3, let batch = Int(words[1]), let last = Int64(words[2]) {
                committed.append((batch, last))
            } else if line == "huge-start" {
                sawHugeStart = true
            }
        }
        XCTAssertTrue(sawHugeStart, "the child never started its huge append")

        // Kill once the huge transaction is spilling pages into the WAL, i.e. truly mid-write.
        let wal = path + "-wal"
        let walSizeAtStart = fileSize(wal)
        let deadline = Date().addingTimeInterval(10)
        while fileSize(wal) <= walSizeAtStart + 64 * 1024, Date() < deadline { usleep(500) }
        kill(child.pid, SIGKILL)
        child.process.waitUntilExit()

        var afterKill: [String] = []
        while let line = child.readLine() { afterKill.append(line) }
        XCTAssertFalse(afterKill.contains("huge-done"), "the huge append finished before the kill; the test proved nothing")
        XCTAssertEqual(child.process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(child.process.terminationStatus, SIGKILL)

        XCTAssertEqual(committed.map(\.batch), Array(1...batches))
        let expectedCount = Int64(batches * batchSize)
        XCTAssertEqual(committed.last?.lastPosition, expectedCount)

        let store = try EventStore.openExisting(path: path)
        XCTAssertEqual(try store.lastPosition(), expectedCount)
        XCTAssertNil(try store.streamVersion("huge"), "part of the killed append survived")

        var count: Int64 = 0
        var versions: [String: Int64] = [:]
        for event in store.readAll() {
            count += 1
            let batch = Int((count - 1) / Int64(batchSize)) + 1
            let index = Int((count - 1) % Int64(batchSize)) + 1
            let stream = "s\(batch % 3)"
            versions[stream, default: 0] += 1
            guard event.position == count, event.streamId == stream, event.streamVersion == versions[stream],
                  event.data == Data(#"{"b":\#(batch),"i":\#(index),"pad":"0123456789abcdef0123456789abcdef"}"#.utf8)
            else {
                return XCTFail("event \(count) is not batch \(batch) event \(index): \(event)")
            }
        }
        XCTAssertEqual(count, expectedCount)

        // The store goes on from where the committed log ended, without a gap.
        try store.append(Fixtures.events(1), to: "huge", expectedVersion: .noStream)
        XCTAssertEqual(try store.lastPosition(), expectedCount + 1)
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
