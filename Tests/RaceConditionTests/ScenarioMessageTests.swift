import Foundation
import Simulator
import XCTest

/// Messages a new user reads: the likely fix, what exists, where and in words; and the spellings
/// that save them arithmetic (`at: "14:02"`, a cron under a timer profile).
final class ScenarioMessageTests: XCTestCase {
    let base = RejectedScenario.base(name: "words", start: "2025-01-01T10:58:00Z")

    private func message(_ yaml: String) -> String {
        RejectedScenario.rejection(yaml, path: "words.yaml").map { "\($0)" } ?? "accepted"
    }

    func testMisspeltKeysAndFieldsGetTheLikelyFix() {
        XCTAssertTrue(message(base + "expct: {lostWrites: []}\n").hasPrefix("words.yaml:11:1: scenario: unknown key \"expct\"; did you mean \"expect\"?"), message(base + "expct: {}\n"))
        let field = message(base.replacingOccurrences(of: "privateAccess: true", with: "privateAcess: true"))
        XCTAssertTrue(field.contains("invalid field path \"privateAcess\": unknown field \"privateAcess\"; did you mean \"privateAccess\"?"), field)
        let ngField = message(base.replacingOccurrences(of: "privateAccess: true", with: "nodeGroups.ng1.desiredSzie: 2"))
        XCTAssertTrue(ngField.contains("did you mean \"nodeGroups.ng1.desiredSize\"?"), ngField)
        let cluster = message(base.replacingOccurrences(of: "displayName: demo", with: "displayName: demo\n  privateAccesss: true"))
        XCTAssertTrue(cluster.contains("unknown field \"privateAccesss\"; did you mean \"privateAccess\"?"), cluster)
        XCTAssertFalse(message(base + "colour: blue\n").contains("did you mean"), "no suggestion when nothing is close")
        let actor = message(base.replacingOccurrences(of: "actor: console", with: "actor: consle"))
        XCTAssertTrue(actor.contains("steps[0].actor: \"consle\"; did you mean \"console\"?"), actor)
        let operation = message(base + "  - {at: 2m, actor: aws, throttle: {operation: DescribeClustr}}\n")
        XCTAssertTrue(operation.contains("\"DescribeClustr\" is not an operation the modeled EKS answers; did you mean \"DescribeCluster\"?"), operation)
    }

    func testAnAtThatIsNoTimeNamesEveryFormAndAMissingFileSaysWhy() {
        let text = message(base.replacingOccurrences(of: "at: 1m", with: "at: \"25:00\""))
        XCTAssertTrue(text.contains("is not a duration, a clock time or an RFC 3339 time; expected one like 90s"), text)
        let early = message(base.replacingOccurrences(of: "at: 1m", with: "at: 2025-01-01T10:00:00Z"))
        XCTAssertTrue(early.hasSuffix("is before the scenario's start, 2025-01-01T10:58:00Z"), "no clock-time hint for an RFC 3339 time: \(early)")
        do {
            _ = try ScenarioLoader.load(path: "/nonexistent/scenario.yaml")
            XCTFail("loaded")
        } catch {
            XCTAssertEqual("\(error)", "/nonexistent/scenario.yaml: cannot read the file: no such file")
        }
    }

    func testAMissingNodeGroupListsTheOnesThatExist() {
        let text = message(base.replacingOccurrences(of: "privateAccess: true", with: "nodeGroups.ng2.desiredSize: 2"))
        XCTAssertTrue(text.contains("node group \"ng2\" does not exist at 1m"), text)
        XCTAssertTrue(text.hasSuffix("the cluster has node group ng1 then; create it first with set: {nodeGroups.ng2: {...}}; did you mean \"ng1\"?"), text)
    }

    func testYAMLSyntaxErrorsArePlacedFirstAndSaidInWords() {
        let text = message("name: x\ncluster:\n  displayName: a: b\n")
        XCTAssertTrue(text.hasPrefix("words.yaml:3:17: not valid YAML: a \": \" appears where no key can start"), text)
        XCTAssertTrue(text.contains("(YAML parser: mapping values are not allowed in this context)"), text)
    }

    func testInvalidUTF8IsLocated() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("utf8-\(getpid()).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("name: x\ncluster:\n  displayName: d".utf8 + [0xC3, 0x28] + Data("\n".utf8)).write(to: file)
        XCTAssertThrowsError(try ScenarioLoader.load(path: file.path)) { error in
            XCTAssertEqual("\(error)", "\(file.path):3:17: not UTF-8 text: byte 0xC3 does not start or continue a UTF-8 character; save the file as UTF-8")
        }
    }

    func testAtTakesAClockTimeOnTheStartDayOrAnRFC3339Time() throws {
        for spelling in ["\"11:03\"", "11:03:00", "\"2025-01-01T11:03:00Z\"", "2025-01-01T12:03:00+01:00", "5m"] {
            let scenario = try ScenarioLoader.parse(base.replacingOccurrences(of: "at: 1m", with: "at: \(spelling)"), path: "words.yaml")
            XCTAssertEqual(scenario.steps[0].at, 5 * 60_000, spelling)
        }
        XCTAssertEqual(try ScenarioLoader.parse(base.replacingOccurrences(of: "at: 1m", with: "at: \"10:58:00.250\""), path: "w").steps[0].at, 250)
        let before = message(base.replacingOccurrences(of: "at: 1m", with: "at: \"10:57\""))
        XCTAssertTrue(before.hasPrefix("words.yaml:8:9: steps[0].at: 10:57 is before the scenario's start, 2025-01-01T10:58:00Z"), before)
        let malformed = message(base.replacingOccurrences(of: "at: 1m", with: "at: 2025-01-01T25:00:00Z"))
        XCTAssertTrue(malformed.contains("is not an RFC 3339 time"), malformed)
    }

    func testACronUnderATimerProfileIsConvertedOnceAndTheReportSaysSo() throws {
        let yaml = base.replacingOccurrences(of: "cluster:", with: "profile: rancher-2.5.8-timer\nsettings: {eksRefreshCron: \"*/10 * * * *\"}\ncluster:")
        let scenario = try ScenarioLoader.parse(yaml, path: "words.yaml")
        XCTAssertEqual(scenario.refresh.interval, 600_000)
        let report = Fixtures.run(scenario).1
        XCTAssertTrue(report.text.contains("converted once to eksRefresh 600 s"), report.text)
        XCTAssertTrue(HTMLPage.run(report).contains("converted once to eksRefresh 600 s"))
        XCTAssertEqual(report.json["notes"].map { "\($0)" }?.contains("converted once"), true)
        // An explicit eksRefresh wins; the cron profile keeps its cron.
        let explicit = yaml.replacingOccurrences(of: "{eksRefreshCron: \"*/10 * * * *\"}", with: "{eksRefreshCron: \"*/10 * * * *\", eksRefresh: 120}")
        XCTAssertEqual(try ScenarioLoader.parse(explicit, path: "w").refresh.interval, 120_000)
        let cron = try ScenarioLoader.parse(yaml.replacingOccurrences(of: "rancher-2.5.8-timer", with: "rancher-2.5-cron"), path: "w")
        XCTAssertTrue(cron.notes.isEmpty)
    }
}
