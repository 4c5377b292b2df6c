/// A lazy, ordered read of events: fetches `pageSize` events at a time, only as iteration asks.
///
/// Iterating the first few events of a huge store reads one page, never the whole log;
/// each page is one indexed query, and no statement stays open between pages, so the store
/// can be written while a sequence is being read (events appended meanwhile may be seen).
///
/// A `Sequence` cannot throw: if reading a page fails, iteration ends early and the error
/// is kept in `error` (and in the iterator's `error`). Use `collect()` or the iterator's
/// `nextEvent()` to get failures thrown instead.
public struct EventSequence: Sequence {
    enum Source {
        case all
        case stream(String)
    }

    let store: EventStore
    let source: Source
    /// The first position (`readAll`) or stream version (`readStream`) to read.
    public let start: Int64
    /// How many events one query fetches.
    public let pageSize: Int
    private let failure = FailureBox()

    init(store: EventStore, source: Source, start: Int64, pageSize: Int) {
        self.store = store
        self.source = source
        self.start = start
        self.pageSize = Swift.max(1, pageSize)
    }

    /// The error that ended the latest iteration of this sequence early, if any.
    public var error: (any Error)? { failure.error }

    public func makeIterator() -> Iterator {
        failure.error = nil
        return Iterator(sequence: self)
    }

    /// Reads every remaining event into an array, throwing if a page cannot be read.
    public func collect() throws -> [RecordedEvent] {
        var iterator = makeIterator()
        var events: [RecordedEvent] = []
        while let event = try iterator.nextEvent() { events.append(event) }
        return events
    }

    fileprivate func fetchPage(after cursor: Int64) throws -> [RecordedEvent] {
        switch source {
        case .all: return try store.events(fromPosition: cursor, limit: pageSize)
        case .stream(let id): return try store.events(inStream: id, fromVersion: cursor, limit: pageSize)
        }
    }

    /// Steps through a sequence a page at a time.
    public struct Iterator: IteratorProtocol {
        private let sequence: EventSequence
        private var cursor: Int64
        private var page: [RecordedEvent] = []
        private var index = 0
        private var exhausted = false
        /// How many pages (queries) this iterator has fetched so far.
        public private(set) var pagesFetched = 0
        /// How many events this iterator has fetched from the database so far.
        public private(set) var eventsFetched = 0
        /// The error that ended this iteration early, if any.
        public private(set) var error: (any Error)?

        init(sequence: EventSequence) {
            self.sequence = sequence
            self.cursor = sequence.start
        }

        /// The next event, or nil at the end or after a read error (kept in `error`).
        public mutating func next() -> RecordedEvent? {
            do {
                return try nextEvent()
            } catch {
                self.error = error
                sequence.failure.error = error
                exhausted = true
                page = []
                index = 0
                return nil
            }
        }

        /// The next event, or nil at the end; throws if a page cannot be read.
        public mutating func nextEvent() throws -> RecordedEvent? {
            if index == page.count {
                guard !exhausted else { return nil }
                page = try sequence.fetchPage(after: cursor)
                index = 0
                pagesFetched += 1
                eventsFetched += page.count
                if page.count < sequence.pageSize { exhausted = true }
                guard let last = page.last else { return nil }
                switch sequence.source {
                case .all: cursor = last.position + 1
                case .stream: cursor = last.streamVersion + 1
                }
            }
            defer { index += 1 }
            return page[index]
        }
    }
}

/// Shares the latest iteration error between a sequence and its iterators.
private final class FailureBox {
    var error: (any Error)?
}
