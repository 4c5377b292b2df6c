import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import XCTest

/// `simctl` as used every day and in CI: a line per scenario and a tally, the full story on request,
/// JUnit, an index page, state as a comparison, text that fits a terminal.
final class SimctlDailyUseTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("simctl-daily-\(getpid())-\(name.hashValue)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    var library: [String] { Fixtures.scenarioFiles.map { "scenarios/" + $0.lastPathComponent } }

    func testSeveralFilesPrintOneLineEachAndATally() throws {
        let run = try SimctlProcess.run(["run"] + library)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.filter { $0.hasPrefix("✓ ") }.count, library.count, run.stdout)
        XCTAssertTrue(run.stdout.contains("✓ docs-race-a-console-then-rancher-tags  (rancher-2.5-cron)  lost: console privateAccess\n"), run.stdout)
        // Each line's "lost: a, b" clause ends at the next clause ("; stuck: …") or the line's end.
        let lost = run.stdout.components(separatedBy: "  lost: ").dropFirst()
            .map { $0.prefix { $0 != "\n" && $0 != ";" }.components(separatedBy: ", ").count }.reduce(0, +)
        let tally = "\n\n\(library.count) scenarios: \(library.count) passed, 0 failed; \(lost) lost writes"
        XCTAssertTrue(run.stdout.contains(tally), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("changes nobody asked for, 4 stuck edits\n"), "the tally names what is not a loss too")
        XCTAssertTrue(run.stdout.contains("(rancher-2.5.6)\n    nobody asked for: nodeGroups.batch deleted, nodeGroups.workers deleted\n"), "a clause too long for the line goes below, whole:\n\(run.stdout)")
        XCTAssertFalse(run.stdout.contains("What happened"), "several files: no full stories unless --detail")

        let detail = try SimctlProcess.run(["run", "--detail", library[0], library[1]])
        XCTAssertEqual(detail.stdout.components(separatedBy: "What happened").count, 3)
        XCTAssertTrue(detail.stdout.contains("\n2 scenarios: 2 passed, 0 failed; "), detail.stdout)
        let one = try SimctlProcess.run(["run", library[0]])
        XCTAssertTrue(one.stdout.contains("What happened"), "one file: its full story")
    }

    func testAFailingScenarioSaysWhyOnItsLineAndInJUnit() throws {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("scenarios/docs-race-a-refresh-saves-the-day.yaml"), encoding: .utf8)
        let failing = path("failing.yaml")
        try (text.components(separatedBy: "expect:").first! + "expect:\n  lostWrites: [{actor: console, field: tags}]\n")
            .write(toFile: failing, atomically: true, encoding: .utf8)
        let junit = path("report.xml")
        let run = try SimctlProcess.run(["run", "scenarios/docs-race-a-console-then-rancher-tags.yaml", failing, "--junit", junit])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("✗ docs-race-a-refresh-saves-the-day"), run.stdout)
        XCTAssertTrue(run.stdout.contains("    FAILED: lostWrites: expected console tags, got none"), run.stdout)
        XCTAssertTrue(run.stdout.hasSuffix("2 scenarios: 1 passed, 1 failed; 1 lost write\n"), run.stdout)

        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        XCTAssertTrue(XMLInspectorLite.wellFormed(xml), xml)
        XCTAssertTrue(xml.contains("<testsuite name=\"simctl run\" tests=\"2\" failures=\"1\""), xml)
        XCTAssertTrue(xml.contains("<testcase name=\"docs-race-a-console-then-rancher-tags\" classname=\"eks-sync-sim.rancher-2.5-cron\" time=\"0\">"), xml)
        XCTAssertTrue(xml.contains("<failure message=\"lostWrites: expected console tags, got none\" type=\"expectation\">"), xml)
        XCTAssertTrue(xml.contains("<system-out>lost: console privateAccess</system-out>"), xml)
    }

    func testPicturesForSeveralScenariosGetAnIndexPage() throws {
        try FileManager.default.createDirectory(atPath: path("out"), withIntermediateDirectories: true)
        let a = "scenarios/docs-race-a-console-then-rancher-tags.yaml", b = "scenarios/o7-console-version-upgrade-synced.yaml"
        let run = try SimctlProcess.run(["run", a, b, "--html", path("out/report.html")])
        XCTAssertEqual(run.status, 0, run.stderr)
        let index = try String(contentsOfFile: path("out/report.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("<a href=\"report-docs-race-a-console-then-rancher-tags.html\">docs-race-a-console-then-rancher-tags</a>"), index)
        XCTAssertTrue(index.contains("<a href=\"report-o7-console-version-upgrade-synced.html\">"), index)
        XCTAssertTrue(index.contains("2 scenarios: 2 passed, 0 failed; 1 lost write"), index)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("out/report-o7-console-version-upgrade-synced.html")))
        let templated = try SimctlProcess.run(["run", a, b, "--html", path("out/{scenario}.html")])
        XCTAssertEqual(templated.status, 0, templated.stderr)
        XCTAssertTrue(try String(contentsOfFile: path("out/index.html"), encoding: .utf8).contains("href=\"o7-console-version-upgrade-synced.html\""))
    }

    func testStateTextShowsAWSAgainstRancherSpecAndLinesFit() throws {
        let db = path("run.db")
        let run = try SimctlProcess.run(["run", "scenarios/docs-race-a-console-then-rancher-tags.yaml", "--db", db])
        XCTAssertEqual(run.status, 0, run.stderr)
        let state = try SimctlProcess.run(["state", "--db", db, "--at", "5m30s"])
        XCTAssertEqual(state.status, 0, state.stderr)
        XCTAssertTrue(state.stdout.contains("field                       AWS                            Spec.EKSConfig\n"), state.stdout)
        XCTAssertTrue(state.stdout.contains("privateAccess               true                           false  ≠\n"), state.stdout)
        XCTAssertTrue(state.stdout.contains("tags.env                    \"prod\"                         \"prod\"\n"), state.stdout)
        let history = try SimctlProcess.run(["history", "--db", db, "--all"])
        for (what, text) in [("run", run.stdout), ("state", state.stdout), ("history", history.stdout)] {
            for line in text.split(separator: "\n") {
                XCTAssertLessThanOrEqual(line.count, 100, "\(what): \(line)")
            }
        }
    }
}

/// Enough of XML to tell a well-formed JUnit file (Foundation's parser).
enum XMLInspectorLite {
    static func wellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }
}
