import ArgumentParser
import Benchmarks

/// `simctl bench`: throughput of the event store, the fold, the simulator and the sweep, side by side.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the event store against raw SQLite, the fold, the simulator and the sweep.",
        discussion: "Build in release mode: swift run -c release simctl bench. Exit status 0 even when a target is missed; 2 on bad input.")

    @Option(help: "The scenario library to run (default: scenarios).") var scenarios: String = "scenarios"
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        let report: BenchReport
        do {
            report = try Bench(config: .standard(scenariosDirectory: scenarios)).run()
        } catch let error as BenchError {
            throw SimctlExit.badInput("simctl bench: \(error)")
        }
        Output.print(format == .json ? report.json.rendered(pretty: true) : report.text)
    }
}
