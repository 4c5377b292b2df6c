import Fleet
import Foundation
import XCTest

/// `--shard K/N` + `fleet merge` give the unsharded run's report, byte for byte.
final class ShardMergeTests: XCTestCase {
    let text = FleetFixtures.yaml(clusters: 9, accounts: 3, duration: "90m", profiles: "[rancher-2.5-cron, eks-operator-2025]",
                                  eksRefresh: "[60, 300]", eksRefreshCron: "[\"*/5 * * * *\"]",
                                  rateLimits: "{DescribeCluster: {ratePerSecond: 1, burst: 2}}")

    func testShardsMergedEqualOneRunByteForByte() throws {
        let fleet = try FleetFixtures.fleet(text)
        let whole = FleetRunner.report(fleet)
        for n in [2, 4, 7] {
            var shards: [(path: String, file: ShardFile)] = []
            for k in 0..<n {
                // Through the bytes a shard file holds, as a real merge reads them.
                let data = try FleetRunner.run(fleet, shard: Shard(index: k, count: n)).encoded()
                shards.append(("shard-\(k).json", try JSONDecoder().decode(ShardFile.self, from: data)))
            }
            let merged = try FleetRunner.merge(shards.reversed())
            XCTAssertEqual(merged.json.rendered(pretty: true), whole.json.rendered(pretty: true), "\(n) shards")
            XCTAssertEqual(merged.text, whole.text, "\(n) shards")
            XCTAssertEqual(merged.html, whole.html, "\(n) shards")
        }
        // The run is not trivial: writes were lost, calls throttled and retried.
        XCTAssertGreaterThan(whole.results.map(\.throttled).reduce(0, +), 0)
        XCTAssertGreaterThan(whole.results.map(\.writes).reduce(0, +), 0)
    }

    func testShardsSplitTheUnitsExactlyOnce() throws {
        let fleet = try FleetFixtures.fleet(text)
        let all = (0..<4).flatMap { Shard(index: $0, count: 4).units(of: fleet) }
        XCTAssertEqual(all.count, fleet.combinations.count * fleet.accounts)
        XCTAssertEqual(Set(all).count, all.count)
    }

    func testMergeRefusesMissingDuplicateAndForeignShards() throws {
        let fleet = try FleetFixtures.fleet(text)
        let s0 = FleetRunner.run(fleet, shard: Shard(index: 0, count: 2))
        let s1 = FleetRunner.run(fleet, shard: Shard(index: 1, count: 2))
        XCTAssertThrowsError(try FleetRunner.merge([("a", s0)])) { XCTAssertTrue("\($0)".contains("missing shard 1/2"), "\($0)") }
        XCTAssertThrowsError(try FleetRunner.merge([("a", s0), ("b", s0), ("c", s1)])) { XCTAssertTrue("\($0)".contains("given twice"), "\($0)") }
        let other = FleetRunner.run(try FleetFixtures.fleet(FleetFixtures.yaml(seed: 4)), shard: Shard(index: 1, count: 2))
        XCTAssertThrowsError(try FleetRunner.merge([("a", s0), ("b", other)])) { XCTAssertTrue("\($0)".contains("another fleet run"), "\($0)") }
    }

    func testJobsAndShardFilesThroughSimctlEqualTheUnshardedRun() throws {
        let folder = try FleetFixtures.folder(self)
        let file = folder.appendingPathComponent("fleet.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let whole = try Simctl.run(["fleet", file.path, "--format", "json"])
        XCTAssertEqual(whole.status, 0, whole.stderr)
        let jobs = try Simctl.run(["fleet", file.path, "--format", "json", "--jobs", "2"])
        XCTAssertEqual(jobs.status, 0, jobs.stderr)
        XCTAssertEqual(jobs.stdout, whole.stdout)
        var paths: [String] = []
        for k in 0..<3 {
            let path = folder.appendingPathComponent("s\(k).json").path
            let shard = try Simctl.run(["fleet", file.path, "--shard", "\(k)/3", "--out", path])
            XCTAssertEqual(shard.status, 0, shard.stderr)
            paths.append(path)
        }
        let merged = try Simctl.run(["fleet", "merge", "--format", "json"] + paths)
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(merged.stdout, whole.stdout)
    }
}
