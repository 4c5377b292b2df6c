import Fleet
import Foundation
import SyncEngine
import XCTest

/// `simctl fleet FILE --policy NAME`: every cluster's engine under a what-if sync policy.
final class FleetPolicyTests: XCTestCase {
    let text = FleetFixtures.yaml(clusters: 6, accounts: 2, duration: "2h")

    func testThreeWayMergeLosesFewerWritesThanTheRelease() throws {
        var fleet = try FleetFixtures.fleet(text)
        let release = FleetRunner.report(fleet)
        fleet.policy = .threeWayMerge
        let merged = FleetRunner.report(fleet)
        XCTAssertGreaterThan(release.results[0].lostWrites, 0)
        XCTAssertLessThan(merged.results[0].lostWrites, release.results[0].lostWrites)
        // The report names the policy; without one it names none.
        XCTAssertTrue(merged.text.contains("under the three-way-merge sync policy"), merged.text)
        XCTAssertTrue(merged.json.rendered(pretty: true).contains("\"three-way-merge\""))
        XCTAssertFalse(release.text.contains("sync policy"))
        XCTAssertFalse(release.json.rendered(pretty: true).contains("\"policy\""))
        XCTAssertTrue(merged.html.contains("<p class=\"kicker\">eks-sync-sim fleet · every engine under the three-way-merge sync policy</p>"))
        XCTAssertTrue(release.html.contains("<p class=\"kicker\">eks-sync-sim fleet</p>"))
    }

    func testShardsWithAPolicyMergeToTheUnshardedBytes() throws {
        var fleet = try FleetFixtures.fleet(text)
        fleet.policy = .errorSafeRefresh
        let whole = FleetRunner.report(fleet)
        var shards: [(path: String, file: ShardFile)] = []
        for k in 0..<3 {
            let data = try FleetRunner.run(fleet, shard: Shard(index: k, count: 3)).encoded()
            shards.append(("shard-\(k).json", try JSONDecoder().decode(ShardFile.self, from: data)))
        }
        let merged = try FleetRunner.merge(shards)
        XCTAssertEqual(merged.json.rendered(pretty: true), whole.json.rendered(pretty: true))
        XCTAssertEqual(merged.text, whole.text)
        // A shard run without the policy is another run.
        var plain = fleet
        plain.policy = nil
        let foreign = FleetRunner.run(plain, shard: Shard(index: 2, count: 3))
        XCTAssertThrowsError(try FleetRunner.merge(Array(shards.prefix(2)) + [("plain.json", foreign)])) {
            XCTAssertTrue("\($0)".contains("sync policy"), "\($0)")
        }
    }

    func testPolicyThroughSimctlWithJobsAndAnUnknownName() throws {
        let folder = try FleetFixtures.folder(self)
        let file = folder.appendingPathComponent("fleet.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let whole = try Simctl.run(["fleet", file.path, "--format", "json", "--policy", "three-way-merge"])
        XCTAssertEqual(whole.status, 0, whole.stderr)
        let jobs = try Simctl.run(["fleet", file.path, "--format", "json", "--policy", "three-way-merge", "--jobs", "2"])
        XCTAssertEqual(jobs.status, 0, jobs.stderr)
        XCTAssertEqual(jobs.stdout, whole.stdout)
        XCTAssertTrue(whole.stdout.contains("\"policy\""))

        // The same error as `simctl run --policy`, and exit 2.
        let bad = try Simctl.run(["fleet", file.path, "--policy", "three-way"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stdout, "")
        let scenario = "scenarios/docs-race-a-console-then-rancher-tags.yaml"
        let run = try Simctl.run(["run", scenario, "--policy", "three-way"])
        XCTAssertEqual(run.status, 2)
        let words = "--policy: unknown sync policy \"three-way\"; expected one of \(SyncPolicy.names.joined(separator: ", "))"
        XCTAssertEqual(run.stderr, "simctl run: \(words)\n")
        XCTAssertEqual(bad.stderr, "simctl fleet: \(words)\n")
    }
}
