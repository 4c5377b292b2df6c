/// The raw statistics of some clusters under one combination: only counts, sums and multisets, so
/// that any split of the clusters merges back to exactly the numbers of one run (the shard format).
public struct UnitStatistics: Codable, Hashable, Sendable {
    public var clusters = 0
    public var writes = 0
    public var lostWrites = 0
    public var unrequestedChanges = 0
    /// Writes AWS refused (the console's calls), and two people's concurrent writes: not lost.
    public var refusedWrites = 0
    public var conflicts = 0
    public var callsByOperation: [String: Int] = [:]
    public var throttledByOperation: [String: Int] = [:]
    /// API attempts per second of the edit window, summed over the clusters.
    public var callsPerSecond: [Int] = []
    /// UpstreamSpec's age (ms since the refresher last read AWS) at each person's edit.
    public var refreshLagMs = ValueCounts()
    /// Each cron walk's length (ms), and how many started before the previous one ended.
    public var walkLengthsMs = ValueCounts()
    public var overlappingWalks = 0

    public init() {}

    public mutating func merge(_ other: UnitStatistics) {
        clusters += other.clusters
        writes += other.writes
        lostWrites += other.lostWrites
        unrequestedChanges += other.unrequestedChanges
        refusedWrites += other.refusedWrites
        conflicts += other.conflicts
        callsByOperation.merge(other.callsByOperation, uniquingKeysWith: +)
        throttledByOperation.merge(other.throttledByOperation, uniquingKeysWith: +)
        if callsPerSecond.count < other.callsPerSecond.count {
            callsPerSecond += Array(repeating: 0, count: other.callsPerSecond.count - callsPerSecond.count)
        }
        for (i, n) in other.callsPerSecond.enumerated() { callsPerSecond[i] += n }
        refreshLagMs.merge(other.refreshLagMs)
        walkLengthsMs.merge(other.walkLengthsMs)
        overlappingWalks += other.overlappingWalks
    }
}
