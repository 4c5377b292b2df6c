import Foundation

/// What `simctl fleet FILE --shard K/N` writes and `simctl fleet merge` reads: the fleet file
/// itself (so the merge needs nothing else), which units the shard ran, and per combination the
/// raw statistics summed over those units (counts, per-second counts, multisets: no percentiles),
/// so that merging all N shards gives exactly the statistics of one run.
public struct ShardFile: Codable, Sendable {
    public static let formatName = "eks-sync-sim fleet shard"
    public static let currentVersion = 1

    public var format: String
    public var version: Int
    public var fleet: String
    /// FNV-1a 64 of the fleet file's text, hex: every shard of one merge ran the same file.
    public var fingerprint: String
    public var shard: Int
    public var shards: Int
    public var units: [FleetUnitID]
    /// Index i: the statistics of `fleet.combinations[i]` over this shard's units.
    public var statistics: [UnitStatistics]
    public var source: String
    /// The `--policy` the shard ran under (absent: the releases' own behaviour).
    public var policy: String?

    init(fleet: FleetFile, shard: Shard, units: [FleetUnitID], statistics: [UnitStatistics]) {
        format = Self.formatName
        version = Self.currentVersion
        self.fleet = fleet.name
        fingerprint = Self.fingerprint(fleet.source)
        self.shard = shard.index
        shards = shard.count
        self.units = units
        self.statistics = statistics
        source = fleet.source
        policy = fleet.policy?.rawValue
    }

    public static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Sorted keys: the same shard, the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
