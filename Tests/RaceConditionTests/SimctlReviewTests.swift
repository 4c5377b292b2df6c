import Foundation
import TestSupport
import XCTest

/// What a newcomer's review found confusing, as a user meets it on the command line.
final class SimctlReviewTests: XCTestCase {
    let raceA = "scenarios/docs-race-a-console-then-rancher-tags.yaml"

    func testAMisspeltProfileOrPolicyFlagIsTheCommandLinesMistake() throws {
        let profile = try SimctlProcess.run(["run", raceA, "--profile", "rancher-2.6"])
        XCTAssertEqual(profile.status, 2)
        XCTAssertEqual(profile.stderr, "simctl run: --profile rancher-2.6: unknown profile; did you mean rancher-2.6.0? (`simctl profiles` lists every release)\n")
        let policy = try SimctlProcess.run(["sweep", raceA, "--step", "1", "--policy", "three-way-marge"])
        XCTAssertEqual(policy.status, 2)
        XCTAssertTrue(policy.stderr.hasPrefix("simctl sweep: --policy: unknown sync policy \"three-way-marge\"; did you mean \"three-way-merge\"?"), policy.stderr)
        XCTAssertFalse(profile.stderr.contains(raceA) || policy.stderr.contains(raceA), "the file is not blamed")
    }

    func testSweepParameterTyposCronReleasesAndGridsAreNamed() throws {
        let typo = try SimctlProcess.run(["sweep", raceA, "--param", "eksRefreshh", "--from", "60", "--to", "600"])
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.contains("--param \"eksRefreshh\"; did you mean \"eksRefresh\"?"), typo.stderr)
        let cron = try SimctlProcess.run(["sweep", raceA, "--param", "eksRefresh", "--from", "60", "--to", "600"])
        XCTAssertEqual(cron.status, 2)
        XCTAssertTrue(cron.stderr.contains("refreshes with the eks-refresh-cron job"), cron.stderr)
        let grid = try SimctlProcess.run(["sweep", raceA, "--step", "1", "--grid", "1s"])
        XCTAssertEqual(grid.status, 2)
        XCTAssertTrue(grid.stderr.contains("--grid is for a parameter swept on a grid"), grid.stderr)
    }

    func testEveryTimingTheREADMEListsCanBeSet() throws {
        let readme = try String(contentsOf: SimctlProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = readme.components(separatedBy: "Timing parameters, each settable in a scenario as `settings.timings.NAME`:")[1]
            .components(separatedBy: "\n\n")[1]
        let names = table.split(separator: "\n").dropFirst(2).flatMap { row in
            row.split(separator: "|")[0].split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
        }
        XCTAssertTrue(names.contains("clientGoErrorCap") && names.contains("conflictRetry"), "\(names)")
        let scenario = try String(contentsOf: SimctlProcess.packageRoot.appendingPathComponent(raceA), encoding: .utf8)
        for name in names {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("timing-\(name)-\(getpid()).yaml")
            defer { try? FileManager.default.removeItem(at: file) }
            try scenario.replacingOccurrences(of: "settings:\n", with: "settings:\n  timings: {\(name): 7s}\n")
                .write(to: file, atomically: true, encoding: .utf8)
            let run = try SimctlProcess.run(["run", file.path])
            XCTAssertNotEqual(run.status, 2, "\(name): \(run.stderr)")
        }
    }

    func testThePolicyTallyCountsWhatThePoliciesDidNotOnlyLosses() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: SimctlProcess.packageRoot.appendingPathComponent("scenarios/policies").path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "scenarios/policies/" + $0 }
        let run = try SimctlProcess.run(["run"] + files)
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("; 0 lost writes, 2 conflicts surfaced, 2 changes reverted by design\n"), run.stdout)
    }

    func testStatePastTheRunsEndSaysSoAndShowsTheEnd() throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("state-end-\(getpid()).db").path
        defer { try? FileManager.default.removeItem(atPath: db) }
        XCTAssertEqual(try SimctlProcess.run(["run", raceA, "--db", db]).status, 0)
        let late = try SimctlProcess.run(["state", "--db", db, "--at", "10h"])
        XCTAssertEqual(late.status, 0, late.stderr)
        XCTAssertTrue(late.stdout.hasPrefix("--at 10h is after the run's last event: the state the run ended in.\nrun 1 docs-race-a-console-then-rancher-tags at 2025-01-01T11:10:00Z\n"), late.stdout)
        let early = try SimctlProcess.run(["state", "--db", db, "--at", "-1m"])
        XCTAssertEqual(early.status, 2)
        XCTAssertEqual(early.stderr, "simctl state: --at -1m is before the run's start; offsets count from it (0s is the start)\n")
    }

    func testANegativeRangeIsTakenWithOrWithoutTheEqualsSign() throws {
        let spaced = try SimctlProcess.run(["sweep", raceA, "--step", "1", "--from", "-5m", "--to", "7m", "--format", "json"])
        let joined = try SimctlProcess.run(["sweep", raceA, "--step", "1", "--from=-5m", "--to", "7m", "--format", "json"])
        XCTAssertEqual(spaced.status, 0, spaced.stderr)
        XCTAssertEqual(spaced.stdout, joined.stdout)
    }
}
