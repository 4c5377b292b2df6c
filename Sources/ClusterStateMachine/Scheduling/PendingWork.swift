/// The work waiting in the scheduler, by insertion number (`seq`).
///
/// A few items (the usual case) live in a list scanned as needed, the cheapest for the fold; past
/// `listLimit` (a scenario with thousands of steps queues them all at once) they move to a table
/// by `seq` with a heap of run order, so finding and removing the next item stays O(log n).
/// Iterating goes in insertion order. Equality compares the items only.
public struct PendingWork: Hashable, Sendable, Sequence, ExpressibleByArrayLiteral {
    private var list: [WorkItem] = []
    private var table: Table?

    /// Items kept in the plain list at most.
    static let listLimit = 32

    private struct Table: Sendable {
        var items: [Int: WorkItem] = [:]
        /// A binary min-heap of run order; entries of removed items are dropped when they reach the top.
        var heap: [Key] = []
        /// Seqs of the pending workqueue items (operator, bridge), oldest first.
        var queued: [WorkKind: [Int]] = [:]
        var refresherTicks = 0
    }

    /// Run order: earliest time first; at the same millisecond machines before people; then insertion.
    private struct Key: Sendable {
        var at: SimTime
        var step: Bool
        var seq: Int
        static func < (a: Key, b: Key) -> Bool { (a.at, a.step ? 1 : 0, a.seq) < (b.at, b.step ? 1 : 0, b.seq) }
        init(_ item: WorkItem) { at = item.at; step = item.kind.isStep; seq = item.seq }
    }

    public init() {}

    public init(arrayLiteral elements: WorkItem...) {
        for item in elements { insert(item) }
    }

    public var count: Int { table?.items.count ?? list.count }
    public var isEmpty: Bool { count == 0 }

    /// The work to run next (see `ClusterState.nextWork`).
    public var next: WorkItem? {
        guard let table else { return list.min { Key($0) < Key($1) } }
        return table.heap.first.flatMap { table.items[$0.seq] }
    }

    /// The oldest pending item of this kind.
    public func first(_ kind: WorkKind) -> WorkItem? {
        guard let table else { return list.first { $0.kind == kind } }
        if kind.queue != nil { return table.queued[kind]?.first.flatMap { table.items[$0] } }
        return table.items.values.filter { $0.kind == kind }.min { $0.seq < $1.seq }
    }

    /// True when every pending item is a refresher tick.
    public var onlyRefresherTicks: Bool {
        guard let table else { return list.allSatisfy { $0.kind == .refresherTick } }
        return table.refresherTicks == table.items.count
    }

    /// Queues an item (replacing one with the same `seq`).
    public mutating func insert(_ item: WorkItem) {
        remove(seq: item.seq)
        if table == nil {
            if list.count < Self.listLimit {
                list.append(item)
                return
            }
            table = Table()
            let moved = list
            list = []
            for old in moved { add(old) }
        }
        add(item)
    }

    /// Removes the item with this `seq`, if pending.
    public mutating func remove(seq: Int) {
        guard table != nil else {
            if let i = list.firstIndex(where: { $0.seq == seq }) { list.remove(at: i) }
            return
        }
        guard let item = table!.items.removeValue(forKey: seq) else { return }
        if item.kind == .refresherTick { table!.refresherTicks -= 1 }
        if item.kind.queue != nil, var seqs = table!.queued[item.kind] {
            seqs.removeAll { $0 == seq }
            table!.queued[item.kind] = seqs.isEmpty ? nil : seqs
        }
        // Keep the top valid, so `next` needs no mutation.
        while let top = table!.heap.first, table!.items[top.seq]?.at != top.at { popTop() }
    }

    public func makeIterator() -> IndexingIterator<[WorkItem]> {
        guard let table else { return list.sorted { $0.seq < $1.seq }.makeIterator() }
        return table.items.values.sorted { $0.seq < $1.seq }.makeIterator()
    }

    public static func == (lhs: PendingWork, rhs: PendingWork) -> Bool {
        lhs.count == rhs.count && lhs.sortedItems == rhs.sortedItems
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(sortedItems) }

    private var sortedItems: [WorkItem] { Array(self) }

    private mutating func add(_ item: WorkItem) {
        table!.items[item.seq] = item
        if item.kind == .refresherTick { table!.refresherTicks += 1 }
        if item.kind.queue != nil { table!.queued[item.kind, default: []].append(item.seq) }
        table!.heap.append(Key(item))
        siftUp(table!.heap.count - 1)
    }

    private mutating func popTop() {
        let last = table!.heap.removeLast()
        guard !table!.heap.isEmpty else { return }
        table!.heap[0] = last
        siftDown(0)
    }

    private mutating func siftUp(_ index: Int) {
        var i = index
        while i > 0 {
            let parent = (i - 1) / 2
            guard table!.heap[i] < table!.heap[parent] else { return }
            table!.heap.swapAt(i, parent)
            i = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var i = index
        let n = table!.heap.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var smallest = i
            if l < n && table!.heap[l] < table!.heap[smallest] { smallest = l }
            if r < n && table!.heap[r] < table!.heap[smallest] { smallest = r }
            guard smallest != i else { return }
            table!.heap.swapAt(i, smallest)
            i = smallest
        }
    }
}
