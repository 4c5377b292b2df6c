import ArgumentParser
import PolicyComparison
import Simulator
import SyncEngine

/// `simctl compare FILE... --policies A,B`: every scenario under every sync policy, as a matrix.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run scenarios under what-if sync policies and print a matrix of lost writes, conflicts, changes reverted by design and API calls.",
        discussion: "Exit status: 0, or 2 on bad input. Expectations are not checked: each scenario's were written for its own policy.")

    @Argument(help: "Scenario files (YAML).") var files: [String]
    @Option(help: "Comma-separated sync policies, in column order (default: all: \(SyncPolicy.names.joined(separator: ","))).")
    var policies: String?
    @Option(help: "Run every scenario with this profile instead of its own.") var profile: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: ArgumentHelp("Write the matrix as a self-contained HTML page here.", valueName: "path")) var html: String?
    @Option(help: ArgumentHelp("Write the matrix picture (SVG) here.", valueName: "path")) var svg: String?

    func run() throws {
        try NamedOption.checkProfile(profile, command: "compare")
        var chosen: [SyncPolicy] = SyncPolicy.allCases
        if let policies {
            chosen = []
            for name in policies.split(separator: ",", omittingEmptySubsequences: false).map({ String($0).trimmingCharacters(in: .whitespaces) }) {
                guard let policy = SyncPolicy.named(name) else {
                    throw SimctlExit.badInput("simctl compare: --policies: unknown sync policy \"\(name)\""
                        + Suggestion.expected(name, among: SyncPolicy.names, list: "one of " + SyncPolicy.names.joined(separator: ", ")))
                }
                if !chosen.contains(policy) { chosen.append(policy) }
            }
        }
        var scenarios: [Scenario] = []
        var errors: [String] = []
        for file in files {
            do { scenarios.append(try ScenarioLoader.load(path: file, profileOverride: profile)) } catch { errors.append("\(error)") }
        }
        if !errors.isEmpty { throw SimctlExit.badInput(errors.joined(separator: "\n")) }
        let comparison = PolicyComparison.run(scenarios, policies: chosen, profile: profile)
        Output.print(format == .json ? comparison.json.rendered(pretty: true) : comparison.text)
        if let html { try PictureOutput.save(comparison.html, to: html) }
        if let svg { try PictureOutput.save(comparison.svg, to: svg) }
    }
}
