/// A multiset of whole numbers as sorted distinct values with counts: merges exactly (shards add
/// up to the same bytes as one run) and answers percentiles exactly.
public struct ValueCounts: Codable, Hashable, Sendable {
    public private(set) var values: [Int64] = []
    public private(set) var counts: [Int] = []

    public init() {}

    public var total: Int { counts.reduce(0, +) }

    public mutating func add(_ value: Int64, count: Int = 1) {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < value { low = mid + 1 } else { high = mid }
        }
        if low < values.count && values[low] == value { counts[low] += count } else {
            values.insert(value, at: low)
            counts.insert(count, at: low)
        }
    }

    public mutating func merge(_ other: ValueCounts) {
        for (v, c) in zip(other.values, other.counts) { add(v, count: c) }
    }

    /// The nearest-rank percentile (`q` in 0...1): the smallest value with at least q of the mass
    /// at or below it. Nil when empty.
    public func percentile(_ q: Double) -> Int64? {
        let n = total
        guard n > 0 else { return nil }
        let rank = max(1, Int((q * Double(n)).rounded(.up)))
        var seen = 0
        for (v, c) in zip(values, counts) {
            seen += c
            if seen >= rank { return v }
        }
        return values.last
    }

    public var maximum: Int64? { values.last }
    /// The exact sum of all values.
    public var sum: Int64 { zip(values, counts).reduce(0) { $0 + $1.0 * Int64($1.1) } }
}
