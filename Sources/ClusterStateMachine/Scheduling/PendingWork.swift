/// The work waiting in the scheduler: a set of `WorkItem`s by insertion number, with a heap that
/// finds the next one to run in O(log n) and an index by kind for the workqueues.
///
/// Iterating it goes in insertion order (`seq`). Equality compares the items only.
public struct PendingWork: Hashable, Sendable, Sequence, ExpressibleByArrayLiteral {
    private var items: [Int: WorkItem] = [:]
    /// A binary min-heap of run order; entries of removed items are dropped when they reach the top.
    private var heap: [Key] = []
    /// Kind → the seqs of its pending items, oldest first.
    private var byKind: [WorkKind: [Int]] = [:]

    /// Run order: earliest time first; at the same millisecond machines before people; then insertion.
    private struct Key: Hashable, Sendable {
        var at: SimTime
        var step: Bool
        var seq: Int
        static func < (a: Key, b: Key) -> Bool { (a.at, a.step ? 1 : 0, a.seq) < (b.at, b.step ? 1 : 0, b.seq) }
    }

    public init() {}

    public init(arrayLiteral elements: WorkItem...) {
        for item in elements { insert(item) }
    }

    public var count: Int { items.count }
    public var isEmpty: Bool { items.isEmpty }

    /// The work to run next (see `ClusterState.nextWork`).
    public var next: WorkItem? { heap.first.flatMap { items[$0.seq] } }

    /// The oldest pending item of this kind.
    public func first(_ kind: WorkKind) -> WorkItem? { byKind[kind]?.first.flatMap { items[$0] } }

    /// True when every pending item is a refresher tick.
    public var onlyRefresherTicks: Bool { (byKind[.refresherTick]?.count ?? 0) == items.count }

    /// Queues an item (replacing one with the same `seq`).
    public mutating func insert(_ item: WorkItem) {
        if items[item.seq] != nil { remove(seq: item.seq) }
        items[item.seq] = item
        byKind[item.kind, default: []].append(item.seq)
        heap.append(Key(at: item.at, step: item.kind.isStep, seq: item.seq))
        siftUp(heap.count - 1)
    }

    /// Removes the item with this `seq`, if pending.
    public mutating func remove(seq: Int) {
        guard let item = items.removeValue(forKey: seq) else { return }
        if var seqs = byKind[item.kind] {
            seqs.removeAll { $0 == seq }
            byKind[item.kind] = seqs.isEmpty ? nil : seqs
        }
        // Keep the top valid, so `next` needs no mutation.
        while let top = heap.first, items[top.seq] == nil || items[top.seq]?.at != top.at { popTop() }
    }

    public func makeIterator() -> IndexingIterator<[WorkItem]> {
        items.values.sorted { $0.seq < $1.seq }.makeIterator()
    }

    public static func == (lhs: PendingWork, rhs: PendingWork) -> Bool { lhs.items == rhs.items }
    public func hash(into hasher: inout Hasher) { hasher.combine(items) }

    private mutating func popTop() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        siftDown(0)
    }

    private mutating func siftUp(_ index: Int) {
        var i = index
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i] < heap[parent] else { return }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var i = index
        while true {
            let l = 2 * i + 1, r = l + 1
            var smallest = i
            if l < heap.count && heap[l] < heap[smallest] { smallest = l }
            if r < heap.count && heap[r] < heap[smallest] { smallest = r }
            guard smallest != i else { return }
            heap.swapAt(i, smallest)
            i = smallest
        }
    }
}
