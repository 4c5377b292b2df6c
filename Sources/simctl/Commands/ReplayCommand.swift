import ArgumentParser
import ClusterStateMachine
import EventStore
import Fleet
import Foundation
import Simulator

/// `simctl replay`: re-runs every scenario stored in a database and compares the events byte for byte.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run the scenarios stored in a database and check they produce the same events, byte for byte.",
        discussion: "A fleet's clusters (`simctl fleet --db`) are replayed by running the fleet, or its shard, again. Exit status: 0 identical, 1 different, 2 bad input.")

    @Option(help: "The database `simctl run --db` wrote.") var db: String

    func run() throws {
        let store = try Database.openExisting(db)
        let runs = try store.runs()
        guard !runs.isEmpty else { throw SimctlExit.badInput("simctl replay: \(db) holds no runs") }
        var differences = 0
        let fleetOutcomes = try FleetReplay.compare(runs.filter { RunRecorder.Overrides.of($0).kind == "fleet" }, in: store)
        for record in runs {
            switch try fleetOutcomes[record.id] ?? Replay.compare(record, in: store) {
            case .identical(let count):
                Output.print("run \(record.id) \(record.scenarioName): identical (\(count) events)")
            case .observed(let count):
                Output.print("run \(record.id) \(record.scenarioName): observed history from real records (\(count) events), not replayed")
            case .different(let message):
                differences += 1
                Output.print("run \(record.id) \(record.scenarioName): DIFFERENT: \(message)")
            }
        }
        if differences > 0 { throw SimctlExit.failed() }
    }
}
