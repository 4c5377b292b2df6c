import EventStore
import Foundation

/// Small builders for events used across the tests.
enum Fixtures {
    /// An event whose JSON payload is `{"n":n}`, at simulated time `n`.
    static func event(_ n: Int, type: String = "test.happened", actor: String = "tester",
                      causationId: Int64? = nil, runId: Int64 = 1) -> NewEvent {
        NewEvent(
            type: type, schemaVersion: 1, data: Data(#"{"n":\#(n)}"#.utf8),
            metadata: EventMetadata(time: Int64(n), actor: actor, causationId: causationId, runId: runId))
    }

    /// `count` events numbered from `first`.
    static func events(_ count: Int, from first: Int = 1) -> [NewEvent] {
        (first..<(first + count)).map { event($0) }
    }

    /// The `n` of a payload made by `event(_:)`.
    static func number(in event: RecordedEvent) -> Int? {
        (try? JSONSerialization.jsonObject(with: event.data) as? [String: Int])?["n"]
    }
}
