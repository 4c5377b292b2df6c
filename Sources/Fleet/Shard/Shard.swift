/// `--shard K/N`: part K (0-based) of N. The work is cut into units, one per combination and
/// account (clusters of one account share a budget, so they are never split); unit u belongs to
/// shard u mod N.
public struct Shard: Hashable, Sendable {
    public var index: Int
    public var count: Int

    public static let whole = Shard(index: 0, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 0 ≤ K < N; nil otherwise.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 0, k < n else { return nil }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// The units of `fleet` this shard runs: (combination index, account), in order.
    public func units(of fleet: FleetFile) -> [FleetUnitID] {
        var all: [FleetUnitID] = []
        for c in fleet.combinations.indices {
            for a in 0..<fleet.accounts { all.append(FleetUnitID(combination: c, account: a)) }
        }
        return all.enumerated().filter { $0.offset % count == index }.map(\.element)
    }
}

/// One unit of a fleet run: the clusters of one account under one combination.
public struct FleetUnitID: Hashable, Sendable, Codable {
    public var combination: Int
    public var account: Int
}
