import ClusterStateMachine
import EventStore
import Fleet
import Foundation
import Simulator
import XCTest

/// What the report says, and how it is computed.
final class FleetResultTests: XCTestCase {
    func testTheShippedTrendHolds() throws {
        // scenarios/fleet/fleet-trend.yaml at its own size: a shorter refresh loses less and calls more.
        let fleet = try FleetLoader.load(path: FleetFixtures.fleets.appendingPathComponent("fleet-trend.yaml").path)
        let report = FleetRunner.report(fleet)
        XCTAssertEqual(report.expectationFailures, [])
        XCTAssertGreaterThan(report.results.map(\.lostWrites).reduce(0, +), 10, "the workload must lose writes to show a trend")
        // The effect is large under the cron era: every minute against every quarter hour.
        let cron = report.results.filter { $0.combination.profile.refresher == .cron }
        XCTAssertLessThan(cron.first!.lostWrites, cron.last!.lostWrites)
    }

    func testTheSameFileGivesTheSameBytes() throws {
        let text = FleetFixtures.yaml(clusters: 5, duration: "1h", profiles: "[rancher-2.5-cron, rancher-2.5.8-timer]",
                                      eksRefresh: "[120]", eksRefreshCron: "[\"*/5 * * * *\"]")
        let a = try FleetFixtures.report(text), b = try FleetFixtures.report(text)
        XCTAssertEqual(a.json.rendered(pretty: true), b.json.rendered(pretty: true))
        XCTAssertEqual(a.html, b.html)
        let other = try FleetFixtures.report(text.replacingOccurrences(of: "seed: 3", with: "seed: 8"))
        XCTAssertNotEqual(a.json.rendered(pretty: true), other.json.rendered(pretty: true))
    }

    func testTheJSONHasTheContractsKeys() throws {
        let report = try FleetFixtures.report(FleetFixtures.yaml(clusters: 3, duration: "1h", profiles: "[rancher-2.5-cron, eks-operator-2025]",
                                                                 eksRefreshCron: "[\"*/5 * * * *\"]"))
        let json = report.json
        XCTAssertEqual(json["fleet"], .string("fleet-test"))
        XCTAssertEqual(json["clusters"], .int(3))
        guard case .array(let results)? = json["results"] else { return XCTFail("no results") }
        XCTAssertEqual(results.count, 2)
        for result in results {
            for key in ["profile", "clusterDays", "writes", "lostWrites", "lostPer1000ClusterDays", "unrequestedChanges",
                        "apiCalls", "throttled", "refreshLagSeconds"] {
                XCTAssertNotNil(result[key], key)
            }
            XCTAssertNotNil(result["lostPer1000ClusterDays"]?["low"])
            XCTAssertNotNil(result["apiCalls"]?["perSecond"]?["p99"])
            XCTAssertNotNil(result["apiCalls"]?["byOperation"]?["DescribeCluster"])
            XCTAssertNotNil(result["refreshLagSeconds"]?["p99"])
        }
        XCTAssertEqual(results[0]["eksRefreshCron"], .string("*/5 * * * *"))
        XCTAssertEqual(results[1]["eksRefresh"], .int(300))
        XCTAssertNotNil(results[0]["cronWalk"])
    }

    func testTheGarwoodIntervalMatchesTheTables() {
        // Exact Poisson 95% limits (Garwood 1936): 0 → [0, 3.689], 1 → [0.0253, 5.572], 10 → [4.795, 18.39].
        let zero = PoissonInterval.garwood95(0), one = PoissonInterval.garwood95(1), ten = PoissonInterval.garwood95(10)
        XCTAssertEqual(zero.low, 0)
        XCTAssertEqual(zero.high, 3.689, accuracy: 0.001)
        XCTAssertEqual(one.low, 0.0253, accuracy: 0.0001)
        XCTAssertEqual(one.high, 5.572, accuracy: 0.001)
        XCTAssertEqual(ten.low, 4.795, accuracy: 0.001)
        XCTAssertEqual(ten.high, 18.39, accuracy: 0.01)
    }

    func testThePageHoldsThePlotWithOneLinePerRelease() throws {
        let report = try FleetFixtures.report(FleetFixtures.yaml(clusters: 3, duration: "1h", profiles: "[rancher-2.5.8-timer, eks-operator-2025]",
                                                                 eksRefresh: "[60, 300]"))
        let page = report.html
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertFalse(page.contains("<script"))
        XCTAssertEqual(page.components(separatedBy: "<path d=\"M").count - 1, 2)
        XCTAssertEqual(page.components(separatedBy: "<circle cx=").count - 1, 4 + 1)  // four settings and the legend's
        XCTAssertTrue(page.contains(report.recommendation))
    }

    func testTheRecommendationStatesItsReasons() throws {
        let report = try FleetFixtures.report(FleetFixtures.yaml(clusters: 4, duration: "1h", eksRefresh: "[60, 900]"))
        XCTAssertTrue(report.recommendation.hasPrefix("Recommended: eks-operator-2025 with eksRefresh "), report.recommendation)
        XCTAssertTrue(report.recommendation.contains("per 1,000 cluster-days"))
        XCTAssertTrue(report.recommendation.contains("API calls/s"))
    }

    func testTheOnlineTallyAgreesWithTheCheckerOnEveryLibraryScenario() throws {
        let folder = FleetFixtures.root.appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThan(files.count, 10)
        for file in files {
            let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent(file).path)
            let checked = LostWriteChecker.check(Simulation(scenario: scenario).run())
            let sim = Simulation(scenario: scenario, options: RunOptions(keepsLog: false))
            let tally = LossTally()
            sim.observer = tally
            let result = sim.run()
            XCTAssertTrue(result.log.isEmpty)
            let live = tally.verdict(result)
            XCTAssertEqual(live.lost.map(\.write), checked.lost.map(\.write), file)
            XCTAssertEqual(live.refused.map(\.write), checked.refused.map(\.write), file)
            XCTAssertEqual(live.conflicts.map(\.write), checked.conflicts.map(\.write), file)
            XCTAssertEqual(live.transientReverts.map(\.write), checked.transientReverts.map(\.write), file)
            XCTAssertEqual(live.unrequestedChanges.map(\.field), checked.unrequestedChanges.map(\.field), file)
            XCTAssertEqual(live.stuck.map(\.write), checked.stuck.map(\.write), file)
        }
    }
}

/// `--db`: each cluster of each combination is its own stream, and the stream folds to the cluster.
final class FleetRecordingTests: XCTestCase {
    func testEveryClusterIsItsOwnStreamAndTheReportDoesNotChange() throws {
        let fleet = try FleetFixtures.fleet(FleetFixtures.yaml(clusters: 4, duration: "1h", eksRefresh: "[60, 300]"))
        let folder = try FleetFixtures.folder(self)
        let store = try EventStore(path: folder.appendingPathComponent("fleet.db").path)
        let recorded = try FleetRunner.run(fleet, recordingIn: store)
        XCTAssertEqual(try recorded.encoded(), try FleetRunner.run(fleet).encoded())
        let streams = try store.streamIds()
        XCTAssertEqual(streams.count, 4 * 2)
        XCTAssertTrue(streams.contains("fleet-test/eks-operator-2025@300/fleet-test-3"), "\(streams)")
        var writes = 0
        for id in streams where id.contains("@300/") {
            var state = ClusterState()
            for recordedEvent in try store.events(inStream: id) { state.apply(try RunRecorder.decode(recordedEvent)) }
            XCTAssertEqual(state.aws.name, String(id.split(separator: "/").last!))
            writes += state.writes.count
        }
        XCTAssertEqual(writes, recorded.statistics[1].writes)
        XCTAssertEqual(try store.runs().map(\.streamId).sorted(), streams.sorted(), "one runs row per stream")
    }

    /// A fleet's clusters read as scenario runs do: history and state find them by cluster name,
    /// and replay runs the shard again and matches every stream byte for byte.
    func testHistoryStateAndReplayReadAFleetsStreams() throws {
        let folder = try FleetFixtures.folder(self)
        let file = folder.appendingPathComponent("fleet.yaml"), db = folder.appendingPathComponent("fleet.db").path
        try FleetFixtures.yaml(clusters: 4, accounts: 2, duration: "1h").write(to: file, atomically: true, encoding: .utf8)
        let fleet = try Simctl.run(["fleet", file.path, "--shard", "1/2", "--out", folder.appendingPathComponent("shard.json").path, "--db", db])
        XCTAssertEqual(fleet.status, 0, fleet.stderr)

        let history = try Simctl.run(["history", "--db", db, "--cluster", "fleet-test-3"])
        XCTAssertEqual(history.status, 0, history.stderr)
        XCTAssertTrue(history.stdout.hasPrefix("run 2: fleet-test-3 of fleet fleet-test (profile eks-operator-2025, eksRefresh 300 s, shard 1/2, seed "), history.stdout)
        XCTAssertTrue(history.stdout.contains("2025-02-03T00:00:00Z"), "clock times from the fleet's start:\n\(history.stdout)")

        let state = try Simctl.run(["state", "--db", db, "--cluster", "fleet-test-1", "--at", "30m", "--format", "json"])
        XCTAssertEqual(state.status, 0, state.stderr)
        XCTAssertTrue(state.stdout.contains("\"fleet-test-1\""), state.stdout)

        // The same shard under a policy: its own streams, replayed under that policy.
        let policy = try Simctl.run(["fleet", file.path, "--shard", "1/2", "--out", folder.appendingPathComponent("policy.json").path,
                                     "--db", db, "--policy", "three-way-merge"])
        XCTAssertEqual(policy.status, 0, policy.stderr)
        let policyHistory = try Simctl.run(["history", "--db", db, "--run", "4"])
        XCTAssertTrue(policyHistory.stdout.hasPrefix("run 4: fleet-test-3 of fleet fleet-test (profile eks-operator-2025, eksRefresh 300 s, policy three-way-merge, shard 1/2"), policyHistory.stdout)

        let replay = try Simctl.run(["replay", "--db", db])
        XCTAssertEqual(replay.status, 0, replay.stderr + replay.stdout)
        XCTAssertEqual(replay.stdout.split(separator: "\n").map { $0.contains(": identical (") }, [true, true, true, true], replay.stdout)
    }
}

/// People's edits: Poisson arrivals at the file's rate, the same in every combination.
final class WorkloadTests: XCTestCase {
    func testEditsArriveAtTheFilesRateAndAreTheSameForEverySetting() throws {
        // 50 clusters × 1 h × (48 + 96) a day = 300 edits expected; Poisson: σ ≈ 17.
        let report = try FleetFixtures.report(FleetFixtures.yaml(clusters: 50, duration: "1h", consolePerDay: 48, rancherPerDay: 96,
                                                                 eksRefresh: "[60, 900]"))
        XCTAssertEqual(report.results[0].writes, report.results[1].writes)
        XCTAssertGreaterThan(report.results[0].writes, 240)
        XCTAssertLessThan(report.results[0].writes, 360)
    }
}
