import ArgumentParser
import ClusterStateMachine
import EventStore
import Simulator

/// `simctl history`: the audit history, recorded events in order.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Print the audit history: recorded events in order, with time, actor and what changed.")

    @Option(help: "The database `simctl run --db` wrote.") var db: String
    @Option(help: "Only this cluster (its displayName) or scenario.") var cluster: String?
    @Option(help: "Only events whose fields touch this path (a path touches its parents and children).") var field: String?
    @Option(help: "Only events by this actor: \(Actor.allCases.map(\.rawValue).joined(separator: ", ")).") var actor: String?
    @Option(name: .customLong("run"), help: "Only this run (see the runs table).") var runId: Int64?
    @Flag(help: "Include scheduling bookkeeping and plain AWS reads.") var all = false
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text

    func run() throws {
        var fieldPath: FieldPath?
        if let field {
            do { fieldPath = try FieldPath(parsing: field) } catch { throw SimctlExit.badInput("simctl history: --field: \(Suggestion.fieldPathMessage(field, error))") }
        }
        var actorFilter: Actor?
        if let actor {
            guard let a = Actor(rawValue: actor) else {
                let names = Actor.allCases.map(\.rawValue)
                throw SimctlExit.badInput("simctl history: --actor \"\(actor)\"\(Suggestion.expected(actor, among: names, list: "one of " + names.joined(separator: ", ")))")
            }
            actorFilter = a
        }
        let store = try Database.openExisting(db)
        var rows: [JSONValue] = []
        var text = ""
        var readError: (any Error)?
        for record in try Database.runs(in: store, run: runId, cluster: cluster) {
            let stored = try? StoredRun(record)
            if format == .text { text += (stored?.title ?? "run \(record.id): \(record.scenarioName) (profile \(record.profile), seed \(record.seed))") + "\n" }
            // Without its scenario the run's start is unknown: show offsets, never 1970.
            let start = stored?.startEpochSeconds
            if start == nil && format == .text {
                text += "  (the stored scenario does not load, so times are offsets from the run's start)\n"
            }
            let events = store.readStream(record.streamId)
            defer { readError = readError ?? events.error }
            var tracker = EventDescription.Tracker()
            for recorded in events {
                let timed = try RunRecorder.decode(recorded)
                let fields = tracker.fields(timed.event)
                if let actorFilter, timed.actor != actorFilter { continue }
                if let fieldPath, !fields.contains(where: { $0.touches(fieldPath) }) { continue }
                if fieldPath == nil && !all && format == .text && !EventDescription.isNotable(timed.event) { continue }
                let at = start.map { RFC3339.format(epochSeconds: $0, plusMilliseconds: timed.at) } ?? "+" + DurationText.format(timed.at)
                let line = EventDescription.line(timed.event, clusterName: String(record.streamId[..<(record.streamId.lastIndex(of: "/") ?? record.streamId.endIndex)]))
                switch format {
                case .text:
                    let who = timed.actor.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                    let position = "#\(recorded.position)".padding(toLength: 7, withPad: " ", startingAt: 0)
                    text += TextWrap.wrap("\(timed.event.typeName): \(line)", lead: "  \(position) \(at.padding(toLength: 24, withPad: " ", startingAt: 0))  \(who) ", continuation: 12)
                case .json:
                    rows.append(.object([
                        ("position", .int(recorded.position)), ("run", .int(record.id)), ("at", .string(at)),
                        ("actor", .string(timed.actor.rawValue)), ("type", .string(timed.event.typeName)),
                        ("fields", .array(fields.map { .string($0.raw) })), ("description", .string(line)),
                        ("causedBy", recorded.metadata.causationId.map(JSONValue.int) ?? .null),
                        ("data", JSONText.parse(recorded.data)),
                    ]))
                }
            }
        }
        if let readError { throw SimctlExit.badInput("simctl history: \(readError)") }
        Output.print(format == .json ? JSONValue.array(rows).rendered(pretty: true) : text)
    }
}
