import ArgumentParser
import ClusterStateMachine
import Simulator
import SyncEngine

/// `simctl sweep FILE --step N`: the exact windows of offset in which writes are lost.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Move one step across a range of offsets and print the exact windows in which writes are lost.")

    @Argument(help: "A scenario file.") var file: String
    @Option(help: "The step to move (0-based).") var step: Int
    @Option(help: "Start of the offset range (a duration; negative as --from=-2m).") var from: String = "0s"
    @Option(help: "End of the offset range.") var to: String = "12m"
    @Option(help: "Override the scenario's profile.") var profile: String?
    @Option(help: "Override the scenario's sync policy (\(SyncPolicy.names.joined(separator: ", "))).") var policy: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: ArgumentHelp("Write a page (self-contained HTML) with the offset axis, the lost windows and the run as written.", valueName: "path")) var html: String?
    @Option(help: ArgumentHelp("Write the offset-axis picture (SVG) here.", valueName: "path")) var svg: String?

    func run() throws {
        let scenario: Scenario
        do { scenario = try ScenarioLoader.load(path: file, profileOverride: profile, policyOverride: policy) }
        catch { throw SimctlExit.badInput("\(error)") }
        guard scenario.steps.indices.contains(step) else {
            throw SimctlExit.badInput("simctl sweep: --step \(step): \(file) has steps 0 to \(scenario.steps.count - 1)")
        }
        func offset(_ text: String, _ name: String) throws -> SimTime {
            switch DurationText.parse(text, allowNegative: true) {
            case .success(let d): return d
            case .failure(.tooLong): throw SimctlExit.badInput("simctl sweep: --\(name) \"\(text)\"; expected a duration \(DurationText.limitText)")
            case .failure: throw SimctlExit.badInput("simctl sweep: --\(name) \"\(text)\"; expected a duration like 90s, 12m, -1m")
            }
        }
        let lo = try offset(from, "from"), hi = try offset(to, "to")
        guard lo < hi else { throw SimctlExit.badInput("simctl sweep: --from must be before --to") }
        guard scenario.steps[step].at + lo >= 0 else {
            throw SimctlExit.badInput("simctl sweep: --from \(from) would move step \(step) before the start")
        }
        let outputs = [("--html", html), ("--svg", svg)].compactMap { flag, path in path.map { OutputPaths.Output(flag: flag, path: $0) } }
        try OutputPaths.check(outputs, database: nil, inputs: [file])
        let report = SweepReport(Sweep.run(scenario, step: step, from: lo, to: hi))
        Output.print(format == .json ? report.json.rendered(pretty: true) : report.text)
        try PictureOutput.write(report, html: html, svg: svg)
    }
}
