import ClusterStateMachine

/// The answer for one release × refresh setting, computed from merged raw statistics.
public struct FleetResult: Sendable {
    public var combination: Combination
    public var clusterDays: Double
    public var writes: Int
    public var lostWrites: Int
    /// Lost writes per 1,000 cluster-days, with the exact Poisson (Garwood) 95% interval.
    public var lostPer1000: (value: Double, low: Double, high: Double)
    public var unrequestedChanges: Int
    public var unrequestedPer1000: (value: Double, low: Double, high: Double)
    public var refusedWrites: Int
    public var conflicts: Int
    public var callsTotal: Int
    public var callsPerSecondMean: Double
    public var callsPerSecondP99: Int
    public var callsPerSecondPeak: Int
    public var callsByOperation: [String: Int]
    public var throttled: Int
    public var throttledByOperation: [String: Int]
    /// UpstreamSpec's age at people's edits, seconds (nil: no edit).
    public var refreshLagP50: Double?
    public var refreshLagP99: Double?
    /// Cron walks: how many finished, their p50 and longest length in seconds, and overlaps.
    public var walks: Int
    public var walkP50: Double?
    public var walkMax: Double?
    public var overlappingWalks: Int

    init(fleet: FleetFile, combination: Combination, statistics s: UnitStatistics) {
        self.combination = combination
        clusterDays = fleet.clusterDays
        writes = s.writes
        lostWrites = s.lostWrites
        lostPer1000 = Self.rate(s.lostWrites, per: clusterDays)
        unrequestedChanges = s.unrequestedChanges
        unrequestedPer1000 = Self.rate(s.unrequestedChanges, per: clusterDays)
        refusedWrites = s.refusedWrites
        conflicts = s.conflicts
        callsTotal = s.callsByOperation.values.reduce(0, +)
        let seconds = max(1, s.callsPerSecond.count)
        let windowCalls = s.callsPerSecond.reduce(0, +)
        callsPerSecondMean = Double(windowCalls) / Double(seconds)
        var perSecond = ValueCounts()
        for n in s.callsPerSecond { perSecond.add(Int64(n)) }
        callsPerSecondP99 = Int(perSecond.percentile(0.99) ?? 0)
        callsPerSecondPeak = Int(perSecond.maximum ?? 0)
        callsByOperation = s.callsByOperation
        throttled = s.throttledByOperation.values.reduce(0, +)
        throttledByOperation = s.throttledByOperation
        refreshLagP50 = s.refreshLagMs.percentile(0.5).map { Double($0) / 1000 }
        refreshLagP99 = s.refreshLagMs.percentile(0.99).map { Double($0) / 1000 }
        walks = s.walkLengthsMs.total
        walkP50 = s.walkLengthsMs.percentile(0.5).map { Double($0) / 1000 }
        walkMax = s.walkLengthsMs.maximum.map { Double($0) / 1000 }
        overlappingWalks = s.overlappingWalks
    }

    static func rate(_ count: Int, per clusterDays: Double) -> (value: Double, low: Double, high: Double) {
        let scale = 1000 / clusterDays
        let (low, high) = PoissonInterval.garwood95(count)
        return (Double(count) * scale, low * scale, high * scale)
    }
}
