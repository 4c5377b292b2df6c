import Foundation
import TestSupport
import XCTest

/// `simctl` as users and CI call it: exit statuses, recorded runs, history, state, replay, sweep.
final class SimctlTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("simctl-tests-\(getpid())-\(name.hashValue)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func scenario(_ name: String) -> String { "scenarios/\(name).yaml" }

    func testRunRecordsHistoryStateAndReplay() throws {
        let db = directory.appendingPathComponent("run.db").path
        let run = try SimctlProcess.run(["run", scenario("docs-race-a-console-then-rancher-tags"), "--db", db, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["scenario"] as? String, "docs-race-a-console-then-rancher-tags")
        XCTAssertEqual(report["passed"] as? Bool, true)
        let lost = try XCTUnwrap(report["lostWrites"] as? [[String: Any]])
        XCTAssertEqual(lost.count, 1)
        XCTAssertEqual(lost[0]["actor"] as? String, "console")
        XCTAssertEqual(lost[0]["field"] as? String, "privateAccess")
        XCTAssertEqual(lost[0]["value"] as? Bool, true)
        XCTAssertEqual(lost[0]["writtenAt"] as? String, "2025-01-01T11:00:00Z")
        let clobber = try XCTUnwrap(lost[0]["clobberedBy"] as? [String: Any])
        XCTAssertEqual(clobber["component"] as? String, "operator")
        XCTAssertEqual(clobber["action"] as? String, "UpdateClusterConfig")
        XCTAssertEqual(clobber["staleValueFrom"] as? String, "2025-01-01T10:58:00Z")
        XCTAssertNotNil(clobber["why"] as? String)
        let final = try XCTUnwrap(report["final"] as? [String: Any])
        XCTAssertEqual(final["privateAccess"] as? Bool, false)
        XCTAssertEqual((final["nodeGroups"] as? [[String: Any]])?.first?["nodegroupName"] as? String, "ng1")

        let history = try SimctlProcess.run(["history", "--db", db, "--field", "privateAccess", "--format", "json"])
        XCTAssertEqual(history.status, 0, history.stderr)
        let events = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        XCTAssertFalse(events.isEmpty)
        let positions = events.compactMap { $0["position"] as? Int }
        XCTAssertEqual(positions, positions.sorted())
        for event in events {
            let fields = try XCTUnwrap(event["fields"] as? [String])
            XCTAssertTrue(fields.contains { $0 == "privateAccess" || "privateAccess".hasPrefix($0 + ".") || $0.hasPrefix("privateAccess.") }, "\(fields)")
            XCTAssertTrue(["rancher", "console", "bridge", "operator", "refresher", "aws"].contains(event["actor"] as? String ?? ""))
        }
        XCTAssertTrue(events.contains { $0["actor"] as? String == "console" && $0["type"] as? String == "WriteMade" })
        XCTAssertEqual(events.filter { $0["type"] as? String == "AWSUpdateFinished" }.count, 2,
                       "both endpoint updates' completions: the moments privateAccess changed on AWS")

        let state = try SimctlProcess.run(["state", "--db", db, "--at", "2m30s", "--format", "json"])
        XCTAssertEqual(state.status, 0, state.stderr)
        let folded = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(state.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(folded["at"] as? String, "2025-01-01T11:00:30Z")
        XCTAssertEqual((folded["aws"] as? [String: Any])?["privateAccess"] as? Bool, false, "the console update is still in progress at 11:00:30")
        XCTAssertEqual(folded["awsStatus"] as? String, "UPDATING")
        XCTAssertEqual(folded["operatorPhase"] as? String, "active")
        XCTAssertNotNil(folded["rancherSpec"] as? [String: Any])
        let later = try SimctlProcess.run(["state", "--db", db, "--at", "2025-01-01T11:02:00Z", "--format", "json"])
        let laterJSON = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((laterJSON["aws"] as? [String: Any])?["privateAccess"] as? Bool, true)

        let before = try SimctlProcess.run(["state", "--db", db, "--at", "2025-01-01T10:00:00Z"])
        XCTAssertEqual(before.status, 2)
        XCTAssertTrue(before.stderr.contains("before the run's start"), before.stderr)

        let replay = try SimctlProcess.run(["replay", "--db", db])
        XCTAssertEqual(replay.status, 0, replay.stdout + replay.stderr)
        XCTAssertTrue(replay.stdout.contains("identical"))
    }

    func testAFailedExpectationExitsOne() throws {
        let text = try String(contentsOfFile: Fixtures.scenarios.appendingPathComponent("docs-race-a-refresh-saves-the-day.yaml").path, encoding: .utf8)
        let wrong = directory.appendingPathComponent("wrong.yaml")
        try text.replacingOccurrences(of: "privateAccess: true\n    tags:", with: "privateAccess: false\n    tags:").write(to: wrong, atomically: true, encoding: .utf8)
        let run = try SimctlProcess.run(["run", wrong.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("final.privateAccess: expected false, AWS holds true"), run.stdout)
    }

    func testBadInputExitsTwoAndWritesNothing() throws {
        let bad = directory.appendingPathComponent("bad.yaml")
        try "name: bad\ncluster: {displayName: demo}\nsteps:\n  - {at: 1m, actor: console, set: {privateAcess: true}}\n".write(to: bad, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("never.db").path
        let run = try SimctlProcess.run(["run", scenario("o6-console-tag-removed-by-rancher-edit"), bad.path, "--db", db])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("bad.yaml:4:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("unknown field \"privateAcess\""), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "a rejected run must not create the database")

        XCTAssertEqual(try SimctlProcess.run(["run", scenario("o6-console-tag-removed-by-rancher-edit"), "--profile", "nope"]).status, 2)
        XCTAssertEqual(try SimctlProcess.run(["run", "--bogus"]).status, 2)
        XCTAssertEqual(try SimctlProcess.run(["history", "--db", directory.appendingPathComponent("missing.db").path]).status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("missing.db").path))
    }

    func testSweepJSONFollowsTheContract() throws {
        let sweep = try SimctlProcess.run(["sweep", scenario("docs-race-a-console-then-rancher-tags"), "--step", "1",
                                           "--from=-5m", "--to", "7m", "--format", "json"])
        XCTAssertEqual(sweep.status, 0, sweep.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sweep.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["step"] as? Int, 1)
        XCTAssertEqual(json["from"] as? Int, -300)
        XCTAssertEqual(json["to"] as? Int, 420)
        let windows = try XCTUnwrap(json["windows"] as? [[String: Any]])
        XCTAssertEqual(windows.count, 1)
        XCTAssertEqual(windows[0]["from"] as? Double, -180.099, "fractions of a second are allowed")
        XCTAssertEqual(windows[0]["to"] as? Int, 120)
        XCTAssertEqual(((windows[0]["lostWrites"] as? [[String: Any]])?.first)?["field"] as? String, "privateAccess")
    }

    func testHelpWorksForEveryCommand() throws {
        for command in ["run", "history", "state", "replay", "sweep"] {
            let help = try SimctlProcess.run([command, "--help"])
            XCTAssertEqual(help.status, 0)
            XCTAssertTrue(help.stdout.contains("USAGE"), help.stdout)
        }
    }
}
