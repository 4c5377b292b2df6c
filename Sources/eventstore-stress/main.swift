// eventstore-stress: a child process for the EventStore crash test.
//
// usage: eventstore-stress DB_PATH BATCHES BATCH_SIZE HUGE_SIZE
//
// Appends BATCHES committed batches of BATCH_SIZE events, printing
// "committed BATCH LAST_POSITION" after each commit, then builds one batch of HUGE_SIZE
// events, prints "huge-start" and appends it in one transaction ("huge-done" after); a
// HUGE_SIZE of 0 skips it.
// The test SIGKILLs it during the huge append. Payloads are deterministic:
// batch b, event i (1-based) goes to stream "s\(b % 3)" with data {"b":b,"i":i}.
import EventStore
import Foundation

func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func event(batch: Int, index: Int) -> NewEvent {
    NewEvent(
        type: "stress.event", schemaVersion: 1,
        data: Data(#"{"b":\#(batch),"i":\#(index),"pad":"0123456789abcdef0123456789abcdef"}"#.utf8),
        metadata: EventMetadata(time: Int64(batch * 1000 + index), actor: "stress", causationId: nil, runId: 1))
}

let arguments = CommandLine.arguments
guard arguments.count == 5, let batches = Int(arguments[2]), let batchSize = Int(arguments[3]),
      let hugeSize = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: eventstore-stress DB_PATH BATCHES BATCH_SIZE HUGE_SIZE\n".utf8))
    exit(2)
}

do {
    let store = try EventStore(path: arguments[1])
    for batch in 1...max(1, batches) {
        let events = (1...batchSize).map { event(batch: batch, index: $0) }
        try store.append(events, to: "s\(batch % 3)", expectedVersion: .any)
        say("committed \(batch) \(try store.lastPosition())")
    }
    if hugeSize > 0 {  // 0: only the committed batches (OpeningTests' concurrent creators)
        let huge = (1...hugeSize).map { event(batch: 0, index: $0) }
        say("huge-start")
        try store.append(huge, to: "huge", expectedVersion: .noStream)
        say("huge-done")
    }
} catch {
    FileHandle.standardError.write(Data("eventstore-stress: \(error)\n".utf8))
    exit(1)
}
