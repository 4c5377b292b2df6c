import EventStore
import Foundation
import SyncEngine

/// Runs a fleet, or one shard of it, and merges shards back into one report.
public enum FleetRunner {
    /// Runs the units of `shard` (all of them for `.whole`) and sums them per combination.
    public static func run(_ fleet: FleetFile, shard: Shard = .whole) -> ShardFile {
        // Without a store nothing can fail.
        try! run(fleet, shard: shard, recordingIn: nil)
    }

    /// As `run`, also appending every cluster's events to `store` (each cluster its own stream).
    public static func run(_ fleet: FleetFile, shard: Shard = .whole, recordingIn store: EventStore?) throws -> ShardFile {
        let units = shard.units(of: fleet)
        var statistics = Array(repeating: UnitStatistics(), count: fleet.combinations.count)
        let combinations = fleet.combinations
        for unit in units {
            let stats = try FleetUnit(fleet: fleet, combination: combinations[unit.combination], account: unit.account,
                                      store: store, shard: shard).run()
            statistics[unit.combination].merge(stats)
        }
        return ShardFile(fleet: fleet, shard: shard, units: units, statistics: statistics)
    }

    /// The report of a whole run.
    public static func report(_ fleet: FleetFile) -> FleetReport {
        FleetReport(fleet: fleet, statistics: run(fleet).statistics)
    }

    /// Merges the shard files of one run: the same fleet file, N shards, each exactly once. The
    /// report is the one the unsharded run prints, byte for byte.
    public static func merge(_ shards: [(path: String, file: ShardFile)]) throws(FleetMergeError) -> FleetReport {
        guard let first = shards.first else { throw FleetMergeError("no shard files given") }
        for (path, s) in shards {
            guard s.format == ShardFile.formatName, s.version == ShardFile.currentVersion else {
                throw FleetMergeError("\(path): not a fleet shard file of version \(ShardFile.currentVersion) (format \"\(s.format)\", version \(s.version))")
            }
            guard s.policy == first.file.policy else {
                throw FleetMergeError("\(path): ran under sync policy \(s.policy ?? "rancher (none given)"), \(first.path) under \(first.file.policy ?? "rancher (none given)")")
            }
            guard s.fingerprint == first.file.fingerprint, s.shards == first.file.shards else {
                throw FleetMergeError("\(path): comes from another fleet run (fleet \(s.fleet), \(s.shards) shards, file \(s.fingerprint)) than \(first.path) (fleet \(first.file.fleet), \(first.file.shards) shards, file \(first.file.fingerprint))")
            }
        }
        var seen: [Int: String] = [:]
        for (path, s) in shards {
            if let other = seen[s.shard] { throw FleetMergeError("\(path): shard \(s.shard)/\(s.shards) is given twice (also \(other))") }
            seen[s.shard] = path
        }
        let missing = (0..<first.file.shards).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            throw FleetMergeError("missing shard\(missing.count > 1 ? "s" : "") \(missing.map { "\($0)/\(first.file.shards)" }.joined(separator: ", "))")
        }
        var fleet: FleetFile
        do { fleet = try FleetLoader.parse(first.file.source, path: first.path) } catch {
            throw FleetMergeError("\(first.path): its fleet file no longer parses: \(error)")
        }
        if let name = first.file.policy {
            guard let policy = SyncPolicy.named(name) else {
                throw FleetMergeError("\(first.path): unknown sync policy \"\(name)\"; expected one of \(SyncPolicy.names.joined(separator: ", "))")
            }
            fleet.policy = policy
        }
        var statistics = Array(repeating: UnitStatistics(), count: fleet.combinations.count)
        for (path, s) in shards.sorted(by: { $0.file.shard < $1.file.shard }) {
            guard s.statistics.count == statistics.count else {
                throw FleetMergeError("\(path): \(s.statistics.count) results for \(statistics.count) combinations")
            }
            for i in statistics.indices { statistics[i].merge(s.statistics[i]) }
        }
        return FleetReport(fleet: fleet, statistics: statistics)
    }

    /// Reads a shard file; a file that is not one is a clear error.
    public static func readShard(path: String) throws(FleetMergeError) -> ShardFile {
        guard let data = FileManager.default.contents(atPath: path) else { throw FleetMergeError("\(path): cannot read the file") }
        do { return try JSONDecoder().decode(ShardFile.self, from: data) } catch {
            throw FleetMergeError("\(path): not a fleet shard file (\(error))")
        }
    }
}

/// A set of shard files that cannot be merged.
public struct FleetMergeError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
