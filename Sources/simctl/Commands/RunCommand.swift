import ArgumentParser
import ClusterStateMachine
import EventStore
import Simulator
import SyncEngine

/// `simctl run FILE...`: runs scenarios, records them, prints the report.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run scenario files and report every lost write.",
        discussion: "Exit status: 0 when every expectation holds (or none are given), 1 when one fails, 2 on bad input.")

    @Argument(help: "Scenario files (YAML).") var files: [String]
    @Option(help: "Record every event in this SQLite database (default: a store in memory).") var db: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: "Override the scenarios' profile (\(Profile.names.joined(separator: ", "))).") var profile: String?
    @Option(help: "Override the scenarios' seed.") var seed: UInt64?
    @Option(help: "Override the scenarios' sync policy (\(SyncPolicy.names.joined(separator: ", "))).") var policy: String?
    @Option(help: ArgumentHelp("Write a timeline page (self-contained HTML) here; with several files, each scenario's name goes before the extension (or replaces {scenario}).", valueName: "path")) var html: String?
    @Option(help: ArgumentHelp("Write the timeline picture (SVG) here; several files as for --html.", valueName: "path")) var svg: String?

    func run() throws {
        // Every file is read and checked before anything runs or is written.
        var scenarios: [Scenario] = []
        var errors: [String] = []
        for file in files {
            do {
                scenarios.append(try ScenarioLoader.load(path: file, profileOverride: profile, seedOverride: seed, policyOverride: policy))
            } catch {
                errors.append("\(error)")
            }
        }
        if !errors.isEmpty { throw SimctlExit.badInput(errors.joined(separator: "\n")) }
        let store: EventStore
        do { store = try EventStore(path: db ?? ":memory:") } catch { throw SimctlExit.badInput("simctl: \(error)") }

        var reports: [RunReport] = []
        for scenario in scenarios {
            let result = Simulation(scenario: scenario).run()
            var extra: [String] = []
            if let windows = scenario.expect?.windows {
                extra = WindowCheck.failures(scenario: scenario, expected: windows)
            }
            let report = RunReport(result: result, extraFailures: extra)
            try RunRecorder.record(result, overrides: .init(profile: profile, seed: seed, policy: policy), in: store)
            reports.append(report)
        }
        switch format {
        case .json:
            let json: JSONValue = reports.count == 1 ? reports[0].json : .array(reports.map(\.json))
            Output.print(json.rendered(pretty: true))
        case .text:
            Output.print(reports.map(\.text).joined(separator: "\n" + String(repeating: "─", count: 80) + "\n\n"))
        }
        try PictureOutput.write(reports, html: html, svg: svg)
        if reports.contains(where: { !$0.passed }) { throw SimctlExit.failed() }
    }
}
