import ClusterStateMachine
import EventStore
import Foundation
import Simulator
import TestSupport
import XCTest

/// What `simctl` promises about data: damaged stores are errors, readers never write, batches and
/// outputs are all or nothing, replay names what differs, credentials never appear.
final class SimctlPromiseTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("simctl-promise-\(getpid())-\(name.hashValue)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    let raceA = "scenarios/docs-race-a-console-then-rancher-tags.yaml"
    let raceB = "scenarios/docs-race-b-rancher-edit-during-update.yaml"

    private func recorded(_ name: String = "run.db") throws -> String {
        let db = path(name)
        let run = try SimctlProcess.run(["run", raceA, "--db", db])
        XCTAssertEqual(run.status, 0, run.stderr)
        return db
    }

    func testADamagedDatabaseIsAnErrorForEveryReader() throws {
        let db = try recorded()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        let pages = bytes.count / 4096
        XCTAssertGreaterThan(pages, 4)
        // A page of the events table, three from the end, overwritten.
        bytes.replaceSubrange((pages - 3) * 4096..<(pages - 2) * 4096, with: Data(repeating: 0xFF, count: 4096))
        try bytes.write(to: URL(fileURLWithPath: db))
        for command in [["history", "--db", db], ["history", "--db", db, "--format", "json"], ["state", "--db", db], ["replay", "--db", db]] {
            let outcome = try SimctlProcess.run(command)
            XCTAssertEqual(outcome.status, 2, "\(command): \(outcome.stdout)")
            XCTAssertTrue(outcome.stderr.contains("damaged"), "\(command): \(outcome.stderr)")
            XCTAssertTrue(outcome.stderr.hasPrefix("simctl"), outcome.stderr)
        }
    }

    func testReadersLeaveARollbackJournalStoreUnchanged() throws {
        let db = try recorded()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: db))
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-wal"), "the run checkpointed its WAL on close")
        bytes[18] = 1  // file format: legacy rollback journal, as another tool may leave it
        bytes[19] = 1
        try bytes.write(to: URL(fileURLWithPath: db))
        for command in [["history", "--db", db], ["state", "--db", db, "--at", "2m"], ["replay", "--db", db]] {
            let outcome = try SimctlProcess.run(command)
            XCTAssertEqual(outcome.status, 0, "\(command): \(outcome.stderr)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), bytes, "a reader switched the journal mode or wrote")
    }

    func testOutputsAreCheckedBeforeAnythingRuns() throws {
        let db = path("batch.db")
        let unwritable = try SimctlProcess.run(["run", raceA, raceB, "--db", db, "--html", path("missing/dir/report.html")])
        XCTAssertEqual(unwritable.status, 2)
        XCTAssertTrue(unwritable.stderr.contains("does not exist"), unwritable.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "the database was written before the outputs were checked")

        for (flags, says) in [(["--html", db], "is the database"), (["--svg", raceA], "is the scenario file"),
                              (["--html", path("x"), "--svg", path("x")], "is the --html output"),
                              (["--junit", path("j.xml"), "--svg", path("j.xml")], "is the --svg output")] {
            let outcome = try SimctlProcess.run(["run", raceA, "--db", db] + flags)
            XCTAssertEqual(outcome.status, 2, "\(flags)")
            XCTAssertTrue(outcome.stderr.contains(says), "\(flags): \(outcome.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))
        XCTAssertTrue(FileManager.default.fileExists(atPath: Fixtures.root.appendingPathComponent(raceA).path))

        // Scenario names x, x and x-2 would give report-x, report-x-2 and report-x-2.
        let x = path("x.yaml"), x2 = path("x2.yaml")
        let text = try String(contentsOfFile: Fixtures.root.appendingPathComponent(raceA).path, encoding: .utf8)
        try text.replacingOccurrences(of: "name: docs-race-a-console-then-rancher-tags", with: "name: x").write(toFile: x, atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "name: docs-race-a-console-then-rancher-tags", with: "name: x-2").write(toFile: x2, atomically: true, encoding: .utf8)
        let clash = try SimctlProcess.run(["run", x, x, x2, "--html", path("report.html")])
        XCTAssertEqual(clash.status, 2)
        XCTAssertTrue(clash.stderr.contains("report-x-2.html is the --html output"), clash.stderr)
    }

    func testABatchIsRecordedInOneTransaction() throws {
        let db = path("batch.db")
        let run = try SimctlProcess.run(["run", raceA, raceB, "--db", db])
        XCTAssertEqual(run.status, 0, run.stderr)
        let store = try EventStore.openReadOnly(path: db)
        defer { store.close() }
        XCTAssertEqual(try store.runs().map(\.scenarioName), ["docs-race-a-console-then-rancher-tags", "docs-race-b-rancher-edit-during-update"])
        // One bad file among good ones: nothing runs, nothing is added.
        let bad = path("bad.yaml")
        try "name: bad\ncluster: {displayName: demo, colour: blue}\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try SimctlProcess.run(["run", raceA, bad, raceB, "--db", db])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.hasPrefix(bad + ":2:"), refused.stderr)
        XCTAssertEqual(try store.runs().count, 2)
    }

    func testReplayNamesTheColumnThatDiffers() throws {
        let scenario = try Fixtures.load("docs-race-a-console-then-rancher-tags")
        let result = Simulation(scenario: scenario).run()
        let store = try EventStore(path: path("tampered.db"))
        defer { store.close() }
        let id = try store.insertRun(RunRecord(scenarioName: scenario.name, scenarioSource: scenario.source, sourcePath: scenario.sourcePath,
                                               profile: scenario.profile.name, seed: scenario.seed, toolVersion: ToolVersion.current,
                                               streamId: "demo/run-1", options: "{}"))
        var events = try RunRecorder.encode(result, runId: id, basePosition: 0)
        events[4].metadata.time += 1
        try store.append(events, to: "demo/run-1", expectedVersion: .noStream)
        guard case .different(let message) = try Replay.compare(try XCTUnwrap(store.run(id: id)), in: store) else {
            return XCTFail("a tampered time replayed as identical")
        }
        XCTAssertTrue(message.hasPrefix("event 5 (position 5) differs in sim_time_ms"), message)
    }

    func testAStoredScenarioThatDoesNotLoadShowsOffsetsNot1970() throws {
        let scenario = try Fixtures.load("docs-race-a-console-then-rancher-tags")
        let db = path("foreign.db")
        let store = try EventStore(path: db)
        let id = try store.insertRun(RunRecord(scenarioName: scenario.name, scenarioSource: "name: [unterminated", sourcePath: "gone.yaml",
                                               profile: scenario.profile.name, seed: 0, toolVersion: ToolVersion.current,
                                               streamId: "demo/run-1", options: "{}"))
        try store.append(try RunRecorder.encode(Simulation(scenario: scenario).run(), runId: id, basePosition: 0),
                         to: "demo/run-1", expectedVersion: .noStream)
        store.close()
        for format in ["text", "json"] {
            let history = try SimctlProcess.run(["history", "--db", db, "--format", format])
            XCTAssertEqual(history.status, 0, history.stderr)
            XCTAssertFalse(history.stdout.contains("1970"), history.stdout)
            XCTAssertTrue(history.stdout.contains("+2m"), history.stdout)
        }
    }

    func testTheCredentialNameIsStoredAndShownRedacted() throws {
        let file = path("cred.yaml")
        try """
        name: cred
        cluster:
          displayName: demo
          amazonCredentialSecret: cattle-global-data:cc-s3cr3t
        steps:
          - {at: 1m, actor: console, set: {privateAccess: true}}

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let db = path("cred.db"), html = path("cred.html")
        let run = try SimctlProcess.run(["run", file, "--db", db, "--html", html, "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let history = try SimctlProcess.run(["history", "--db", db, "--all", "--format", "json"])
        let state = try SimctlProcess.run(["state", "--db", db, "--format", "json"])
        for (what, text) in [("run", run.stdout), ("history", history.stdout), ("state", state.stdout),
                             ("page", try String(contentsOfFile: html, encoding: .utf8)),
                             ("database", String(decoding: try Data(contentsOf: URL(fileURLWithPath: db)), as: UTF8.self))] {
            XCTAssertFalse(text.contains("s3cr3t"), "\(what) shows the credential's name")
        }
        XCTAssertTrue(state.stdout.contains("cattle-global-data:<redacted>"), state.stdout)
        XCTAssertEqual(try SimctlProcess.run(["replay", "--db", db]).status, 0)
    }

    func testErrorsHaveOnePrefix() throws {
        let missing = try SimctlProcess.run(["run"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.hasPrefix("simctl: "), missing.stderr)
        XCTAssertFalse(missing.stderr.contains("Error:"), missing.stderr)
        let huge = try SimctlProcess.run(["sweep", raceA, "--step", "1", "--to", "9223372036854775s"])
        XCTAssertEqual(huge.status, 2)
        XCTAssertTrue(huge.stderr.contains("expected a duration up to 8760h"), huge.stderr)
        let at = try SimctlProcess.run(["state", "--db", try recorded(), "--at", "5000000000000000000ms5000000000000000000ms"])
        XCTAssertEqual(at.status, 2)
        XCTAssertTrue(at.stderr.hasPrefix("simctl state: --at"), at.stderr)
    }
}
