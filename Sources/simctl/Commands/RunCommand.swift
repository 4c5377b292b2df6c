import ArgumentParser
import ClusterStateMachine
import EventStore
import Foundation
import Simulator
import SyncEngine

/// `simctl run FILE...`: runs scenarios, records them, prints the report.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run scenario files and report every lost write.",
        discussion: """
            One file prints its full story; several print one line each and a closing tally (--detail for every story). \
            Exit status: 0 when every expectation holds and every run settles (or says expect: {settled: false}), 1 when one does not, 2 on bad input. \
            A batch is all or nothing: every file and output path is checked before anything runs, and --db gets every run or none.
            """)

    @Argument(help: "Scenario files (YAML).") var files: [String]
    @Option(help: "Record every event in this SQLite database (default: a store in memory).") var db: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: "Override the scenarios' profile (\(Profile.names.joined(separator: ", "))).") var profile: String?
    @Option(help: "Override the scenarios' seed.") var seed: UInt64?
    @Option(help: "Override the scenarios' sync policy (\(SyncPolicy.names.joined(separator: ", "))).") var policy: String?
    @Flag(help: "With several files, print every scenario's full story, not one line each.") var detail = false
    @Option(help: ArgumentHelp("Write a timeline page (self-contained HTML) here; with several files, each scenario's name goes before the extension (or replaces {scenario}) and this path gets an index page.", valueName: "path")) var html: String?
    @Option(help: ArgumentHelp("Write the timeline picture (SVG) here; several files as for --html.", valueName: "path")) var svg: String?
    @Option(help: ArgumentHelp("Write a JUnit XML report here: one test case per scenario, failed expectations as the failure.", valueName: "path")) var junit: String?

    func run() throws {
        try NamedOption.checkProfile(profile, command: "run")
        try NamedOption.checkPolicy(policy, command: "run")
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
        let pictures = PictureOutput.Plan(scenarios: scenarios.map(\.name), html: html, svg: svg)
        let outputs = pictures.outputs + (junit.map { [.init(flag: "--junit", path: $0)] } ?? [])
        try OutputPaths.check(outputs, database: db, inputs: files)
        // The database is opened (and a foreign file refused) before anything runs.
        let path = db ?? ":memory:"
        let existed = path == ":memory:" || FileManager.default.fileExists(atPath: path)
        let store: EventStore
        do { store = try EventStore(path: path) } catch { throw SimctlExit.badInput("simctl: \(error)") }
        defer { store.close() }

        var reports: [RunReport] = []
        for scenario in scenarios {
            let result = Simulation(scenario: scenario).run()
            reports.append(RunReport(result: result, extraFailures: WindowCheck.failures(scenario: scenario)))
        }
        try record(reports, in: store, created: !existed)

        switch format {
        case .json:
            let json: JSONValue = reports.count == 1 ? reports[0].json : .array(reports.map(\.json))
            Output.print(json.rendered(pretty: true))
        case .text where reports.count == 1 || detail:
            var text = reports.map(\.text).joined(separator: "\n" + String(repeating: "─", count: 80) + "\n\n")
            if reports.count > 1 { text += "\n" + RunTally(reports).line + "\n" }
            Output.print(text)
        case .text:
            Output.print(reports.map(\.summaryLine).joined(separator: "\n") + "\n\n" + RunTally(reports).line)
        }
        try PictureOutput.write(reports, plan: pictures)
        if let junit {
            let report = JUnitReport(suite: "simctl run", cases: reports.map(\.junitCase))
            try PictureOutput.save(report.xml, to: junit)
        }
        if reports.contains(where: { !$0.passed }) { throw SimctlExit.failed() }
    }

    /// Every run in one transaction: a batch that fails leaves the database as it was (and a
    /// database this command created is removed again).
    private func record(_ reports: [RunReport], in store: EventStore, created: Bool) throws {
        do {
            try store.transaction {
                for report in reports {
                    try RunRecorder.record(report.result, overrides: .init(profile: profile, seed: seed, policy: policy), in: store)
                }
            }
        } catch {
            if created {
                store.close()
                for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: store.path + suffix) }
            }
            throw SimctlExit.badInput("simctl: \(error); nothing was recorded")
        }
    }
}
