import ClusterStateMachine

/// Who saw whose write: a write's author saw every origin in its basis, and everything those saw.
///
/// Each write's closure is kept as sorted, disjoint ranges of write ids, built when the write is
/// recorded from its basis's closures (a basis names earlier writes only). A person usually saw
/// nearly everything before them, so a closure is a handful of ranges whatever the run's length,
/// and `saw` is a binary search. (Materialised sets grew with the run: quadratic in steps.)
struct Lineage {
    private(set) var writes: [WriteID: Write] = [:]
    /// Write id → its closure as sorted, disjoint, non-adjacent closed ranges.
    private var closures: [Int: [ClosedRange<Int>]] = [:]

    mutating func record(_ write: Write) {
        writes[write.id] = write
        closures[write.id.rawValue] = nil
        closures[write.id.rawValue] = closure(of: write.id.rawValue, basis: write.basis)
    }

    /// True when `q`'s author saw `p` (or `q` is `p`).
    mutating func saw(_ q: WriteID, _ p: WriteID) -> Bool {
        if q == p { return true }
        if q.isInitial { return false }
        guard let ranges = closures[q.rawValue] else { return false }
        return Self.contains(ranges, p.rawValue)
    }

    /// The union of the basis ids and their closures. A basis id not recorded yet (never, for a
    /// person sees only what exists) counts as itself.
    private func closure(of id: Int, basis: [WriteID]) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for b in basis {
            ranges.append(b.rawValue...b.rawValue)
            if b.rawValue != id, let known = closures[b.rawValue] { ranges.append(contentsOf: known) }
        }
        return Self.merged(ranges)
    }

    static func merged(_ ranges: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
        guard ranges.count > 1 else { return ranges }
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<Int>] = [sorted[0]]
        for r in sorted.dropFirst() {
            let last = result[result.count - 1]
            if r.lowerBound <= last.upperBound + 1 {
                if r.upperBound > last.upperBound { result[result.count - 1] = last.lowerBound...r.upperBound }
            } else {
                result.append(r)
            }
        }
        return result
    }

    static func contains(_ ranges: [ClosedRange<Int>], _ value: Int) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound < value { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].contains(value)
    }
}
