import ArgumentParser
import ClusterStateMachine
import EventStore
import Simulator

/// `simctl state`: the cluster state folded from the recorded events up to a moment.
struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state", abstract: "Fold the recorded events into the cluster state at a moment.")

    @Option(help: "The database `simctl run --db` wrote.") var db: String
    @Option(help: "The cluster (displayName) or scenario, when the database holds several.") var cluster: String?
    @Option(parsing: .unconditional, help: "An offset from the start (90s, 5m) or an RFC 3339 time; default: the end.") var at: String?
    @Option(name: .customLong("run"), help: "The run, when the database holds several (default: the last).") var runId: Int64?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        let store = try Database.openExisting(db)
        guard let record = try Database.runs(in: store, run: runId, cluster: cluster).last else {
            throw SimctlExit.badInput("simctl state: \(db) holds no runs")
        }
        let stored: StoredRun
        do { stored = try StoredRun(record) }
        catch { throw SimctlExit.badInput("simctl state: the stored scenario does not load: \(error)") }
        let start = stored.startEpochSeconds
        var limit = SimTime.max
        if let at {
            switch DurationText.parse(at, allowNegative: false) {
            case .success(let offset): limit = offset
            case .failure(.tooLong): throw SimctlExit.badInput("simctl state: --at \"\(at)\"; expected an offset \(DurationText.limitText)")
            case .failure(.negative): throw SimctlExit.badInput("simctl state: --at \(at) is before the run's start; offsets count from it (0s is the start)")
            case .failure:
                guard let epochMs = RFC3339.parseMilliseconds(at) else {
                    throw SimctlExit.badInput("simctl state: --at \"\(at)\"; expected an offset like 5m30s or an RFC 3339 time like 2025-01-01T11:03:00Z")
                }
                limit = epochMs - start * .second
            }
            guard limit >= 0 else {
                throw SimctlExit.badInput("simctl state: --at \(at) is before the run's start, \(RFC3339.format(epochSeconds: start))")
            }
        }
        var state = ClusterState()
        var last: SimTime = 0
        var eventsAfterLimit = false
        var events = store.readStream(record.streamId).makeIterator()
        do {
            while let recorded = try events.nextEvent() {
                let timed = try RunRecorder.decode(recorded)
                if timed.at > limit { eventsAfterLimit = true; break }
                state.apply(timed)
                last = timed.at
            }
        } catch {
            throw SimctlExit.badInput("simctl state: \(error)")
        }
        // Past the run's last event the simulation says nothing: show the state it ended in.
        let pastTheEnd = limit != .max && !eventsAfterLimit && limit > last
        let moment = limit == .max || pastTheEnd ? last : limit
        let json = StateView.json(state, at: moment, startEpochSeconds: start, awsParameters: stored.aws)
        switch format {
        case .json: Output.print(json.rendered(pretty: true))
        case .text:
            var text = StateText.render(json, title: "run \(record.id) \(record.scenarioName)")
            if pastTheEnd, let at {
                text = "--at \(at) is after the run's last event: the state the run ended in.\n" + text
            }
            Output.print(text)
        }
    }
}
