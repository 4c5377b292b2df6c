import Foundation
import TestSupport
import XCTest

/// `simctl audit` as a user runs it: the report, the store, the scenario file, bad input.
final class AuditCommandTests: XCTestCase {
    func simctl(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let outcome = try SimctlProcess.run(arguments)
        return (outcome.status, outcome.stdout, outcome.stderr)
    }

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("audit-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func testAuditRecordsAnObservedRunThatHistoryReadsAndWritesARunnableScenario() throws {
        let dir = try scratch()
        let db = dir.appendingPathComponent("audit.db").path, scenario = dir.appendingPathComponent("scenario.yaml").path
        let audit = try simctl(AuditFixtures.arguments("race") + ["--db", db, "--scenario-out", scenario, "--format", "json"])
        XCTAssertEqual(audit.status, 0, audit.err)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(audit.out.utf8)) as? [String: Any])
        let lost = try XCTUnwrap(json["lostWrites"] as? [[String: Any]])
        XCTAssertEqual(lost.count, 1)
        XCTAssertEqual(lost[0]["actor"] as? String, "console")
        XCTAssertEqual(lost[0]["field"] as? String, "privateAccess")
        XCTAssertEqual(lost[0]["writtenAt"] as? String, "2025-03-04T14:02:11Z")
        XCTAssertEqual((lost[0]["clobberedBy"] as? [String: Any])?["at"] as? String, "2025-03-04T14:03:21Z")
        XCTAssertEqual((json["model"] as? [String: Any])?["reproduces"] as? Bool, true)

        let history = try simctl(["history", "--db", db, "--field", "privateAccess"])
        XCTAssertEqual(history.status, 0, history.err)
        XCTAssertTrue(history.out.contains("14:03:21"), history.out)
        let state = try simctl(["state", "--db", db, "--at", "2025-03-04T14:03:20.500Z", "--format", "json"])
        XCTAssertEqual(state.status, 0, state.err)
        XCTAssertTrue(state.out.contains("\"privateAccess\" : true") || state.out.contains("\"privateAccess\": true"), state.out)
        let replay = try simctl(["replay", "--db", db])
        XCTAssertEqual(replay.status, 0, replay.out)
        XCTAssertTrue(replay.out.contains("observed history"), replay.out)

        let run = try simctl(["run", scenario])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(run.out.contains("Lost writes: 1"), run.out)
    }

    func testTextReadsAsAnIncidentWriteUp() throws {
        let audit = try simctl(AuditFixtures.arguments("race"))
        XCTAssertEqual(audit.status, 0, audit.err)
        for part in ["What people did", "bob in Rancher: tags.env = prod", "What Rancher did", "Lost writes in the records: 1",
                     "it reproduces what the records show", "What the records cannot tell", "What would have prevented it"] {
            XCTAssertTrue(audit.out.contains(part), "missing \(part):\n\(audit.out)")
        }
        let html = try simctl(AuditFixtures.arguments("race") + ["--format", "html"])
        XCTAssertTrue(html.out.hasPrefix("<!DOCTYPE html>") && html.out.contains("<svg"), String(html.out.prefix(200)))
    }

    func testBadInputExitsTwoAndWritesNothing() throws {
        let dir = try scratch()
        let db = dir.appendingPathComponent("never.db").path, scenario = dir.appendingPathComponent("never.yaml").path
        let broken = dir.appendingPathComponent("broken.json")
        try Data("not json".utf8).write(to: broken)
        let result = try simctl(["audit", "--cloudtrail", broken.path, "--db", db, "--scenario-out", scenario])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.contains("\(broken.path): not JSON"), result.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))
        XCTAssertFalse(FileManager.default.fileExists(atPath: scenario))
    }
}
