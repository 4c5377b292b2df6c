import ClusterStateMachine
import Yams

/// Reads `expect:`.
struct ExpectationsReader {
    let reader: YAMLReader
    let stepCount: Int

    func read(_ node: Node) throws(ScenarioError) -> Expectations {
        var lost: [ExpectedLostWrite]?
        var final: [(path: FieldPath, value: JSONValue)] = []
        var windows: [ExpectedWindows] = []
        var settled: Bool?
        var unrequested: [FieldPath]?
        var stuck: [ExpectedLostWrite]?
        var reverted: [ExpectedLostWrite]?
        var conflicts: [FieldPath]?
        let keys = ["lostWrites", "final", "windows", "settled", "unrequestedChanges", "stuck", "revertedByPolicy", "conflictsSurfaced"]
        for (key, _, value) in try reader.mapping(node, "expect", allowed: keys) {
            switch key {
            case "settled": settled = try reader.bool(value, "expect.settled")
            case "lostWrites": lost = try lostWrites(value, what: "expect.lostWrites")
            case "stuck": stuck = try lostWrites(value, what: "expect.stuck")
            case "unrequestedChanges": unrequested = try fields(value, what: "expect.unrequestedChanges")
            case "revertedByPolicy": reverted = try lostWrites(value, what: "expect.revertedByPolicy")
            case "conflictsSurfaced":
                conflicts = []
                for item in try reader.sequence(value, "expect.conflictsSurfaced") {
                    let text = try reader.string(item, "expect.conflictsSurfaced")
                    do { conflicts?.append(try FieldPath(parsing: text)) } catch { throw reader.error(item, "expect.conflictsSurfaced: \(error)") }
                }
            case "final":
                for (path, keyNode, v) in try reader.mapping(value, "expect.final") {
                    let field: FieldPath
                    do { field = try FieldPath(parsing: path) } catch { throw reader.error(keyNode, "expect.final: \(Suggestion.fieldPathMessage(path, error))") }
                    final.append((field, try reader.json(v)))
                }
            default:
                // One mapping (one moved step) or a list of them.
                if case .sequence = value {
                    for item in try reader.sequence(value, "expect.windows") { windows.append(try readWindows(item)) }
                } else {
                    windows = [try readWindows(value)]
                }
            }
        }
        var expectations = Expectations(lostWrites: lost, final: final, windows: windows, settled: settled,
                                        unrequestedChanges: unrequested, stuck: stuck)
        expectations.revertedByPolicy = reverted
        expectations.conflictsSurfaced = conflicts
        return expectations
    }

    func lostWrites(_ node: Node, what: String) throws(ScenarioError) -> [ExpectedLostWrite] {
        var result: [ExpectedLostWrite] = []
        for item in try reader.sequence(node, what) {
            var actor: Actor?, field: FieldPath?
            for (key, _, value) in try reader.mapping(item, what, allowed: ["actor", "field"]) {
                if key == "actor" {
                    let name = try reader.string(value, "\(what).actor")
                    guard let a = Actor(rawValue: name), a.isPerson else {
                        throw reader.error(value, "\(what).actor: \"\(name)\"; expected rancher or console")
                    }
                    actor = a
                } else {
                    let text = try reader.string(value, "\(what).field")
                    do { field = try FieldPath(parsing: text) } catch { throw reader.error(value, "\(what).field: \(Suggestion.fieldPathMessage(text, error))") }
                }
            }
            guard let actor, let field else { throw reader.error(item, "\(what): each entry needs actor and field") }
            result.append(ExpectedLostWrite(actor: actor, field: field))
        }
        return result
    }

    /// `[{field: nodeGroups.ng1}, ...]`: the fields of unrequested changes.
    private func fields(_ node: Node, what: String) throws(ScenarioError) -> [FieldPath] {
        var fields: [FieldPath] = []
        for item in try reader.sequence(node, what) {
            for (_, _, v) in try reader.mapping(item, what, allowed: ["field"]) {
                let text = try reader.string(v, "\(what).field")
                do { fields.append(try FieldPath(parsing: text)) } catch {
                    throw reader.error(v, "\(what).field: \(error)")
                }
            }
        }
        return fields
    }

    /// `[{from, to, CONTENTS: ...}]` under `what`: each window `[from, to)`, `read` filling in
    /// what its `contents` key says.
    private func windowList(_ node: Node, what: String, contents: String,
                            read: (inout ExpectedWindow, Node) throws(ScenarioError) -> Void) throws(ScenarioError) -> [ExpectedWindow] {
        var windows: [ExpectedWindow] = []
        for item in try reader.sequence(node, what) {
            var window = ExpectedWindow(from: 0, to: 0, lostWrites: [])
            var wFrom: SimTime?, wTo: SimTime?
            for (k, _, v) in try reader.mapping(item, what, allowed: ["from", "to", contents]) {
                switch k {
                case "from": wFrom = try reader.duration(v, "\(what).from", allowNegative: true)
                case "to": wTo = try reader.duration(v, "\(what).to", allowNegative: true)
                default: try read(&window, v)
                }
            }
            guard let wFrom, let wTo, wFrom < wTo else {
                throw reader.error(item, "\(what): each window needs from < to")
            }
            window.from = wFrom
            window.to = wTo
            windows.append(window)
        }
        return windows
    }

    private func readWindows(_ node: Node) throws(ScenarioError) -> ExpectedWindows {
        let what = "expect.windows"
        var step: Int?, from: SimTime = 0, to: SimTime?, lost: [ExpectedWindow] = [], tolerance: SimTime = 0
        var unrequested: [ExpectedWindow]?
        for (key, _, value) in try reader.mapping(node, what, allowed: ["step", "from", "to", "lost", "unrequested", "tolerance"]) {
            switch key {
            case "tolerance": tolerance = try reader.duration(value, "\(what).tolerance")
            case "step":
                let n = try reader.int(value, "\(what).step")
                guard n >= 0 && n < stepCount else {
                    throw reader.error(value, "\(what).step: \(n) is not a step; the scenario has steps 0 to \(stepCount - 1)")
                }
                step = n
            case "from": from = try reader.duration(value, "\(what).from", allowNegative: true)
            case "to": to = try reader.duration(value, "\(what).to", allowNegative: true)
            case "unrequested":
                unrequested = try windowList(value, what: "\(what).unrequested", contents: "unrequestedChanges") { window, v throws(ScenarioError) in
                    window.unrequestedChanges = try fields(v, what: "\(what).unrequested.unrequestedChanges")
                }
            default:
                lost = try windowList(value, what: "\(what).lost", contents: "lostWrites") { window, v throws(ScenarioError) in
                    window.lostWrites = try lostWrites(v, what: "\(what).lost.lostWrites")
                }
            }
        }
        guard let step, let to, from < to else {
            throw reader.error(node, "\(what): needs step, to (and from, default 0s) with from < to")
        }
        return ExpectedWindows(step: step, from: from, to: to, windows: lost, unrequested: unrequested, tolerance: tolerance)
    }
}
