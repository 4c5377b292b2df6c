import ClusterStateMachine
import Simulator
import SyncEngine

/// What `simctl explore` prints and writes: the catalog of race classes (text or JSON) and one
/// scenario file per class, with `expect` holding its lost writes and the exact windows of its
/// decisive step.
public struct ExploreCatalog: Sendable {
    public let result: ExploreResult

    public init(_ result: ExploreResult) { self.result = result }

    /// The file name (without `.yaml`) of class `n` (0-based).
    public func name(_ n: Int) -> String {
        let c = result.classes[n]
        let who = c.signature.kind == RaceSignature.unrequested ? "unrequested" : c.signature.actor
        let words = "\(c.profile) \(c.shrunk.policy ?? "") \(who) \(c.signature.family) \(c.signature.call) \(c.signature.mechanism)"
        var slug = ""
        for ch in words.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { slug.append(ch) } else if !slug.hasSuffix("-") { slug.append("-") }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return "explore-\(String(format: "%02d", n + 1))-\(slug)"
    }

    /// Each class's scenario file: name and text.
    public var files: [(name: String, text: String)] {
        result.classes.indices.map { n in (name(n) + ".yaml", yaml(n)) }
    }

    func yaml(_ n: Int) -> String {
        let c = result.classes[n]
        let lost = c.lostWrites.map { "    - {actor: \($0.actor.rawValue), field: \($0.field.raw)}" }.joined(separator: "\n")
        var expect = "expect:\n  lostWrites:" + (c.lostWrites.isEmpty ? " []\n" : "\n" + lost + "\n")
        expect += "  unrequestedChanges:" + (c.unrequestedChanges.isEmpty ? " []\n" : "\n")
        for field in c.unrequestedChanges { expect += "    - {field: \(field.raw)}\n" }
        if let w = c.windows {
            expect += "  windows:\n    step: \(c.decisiveStep)\n    from: \(ScenarioText.duration(w.from))\n    to: \(ScenarioText.duration(w.to))\n"
            expect += "    lost:" + (w.windows.isEmpty ? " []\n" : "\n")
            for win in w.windows {
                let writes = win.lost.map { "{actor: \($0.actor.rawValue), field: \($0.field.raw)}" }.joined(separator: ", ")
                expect += "      - {from: \(ScenarioText.duration(win.from)), to: \(ScenarioText.duration(win.to)), lostWrites: [\(writes)]}\n"
            }
            if c.signature.kind == RaceSignature.unrequested {
                expect += "    unrequested:" + (w.unrequestedWindows.isEmpty ? " []\n" : "\n")
                for win in w.unrequestedWindows {
                    let fields = win.unrequested.map { "{field: \($0.raw)}" }.joined(separator: ", ")
                    expect += "      - {from: \(ScenarioText.duration(win.from)), to: \(ScenarioText.duration(win.to)), unrequestedChanges: [\(fields)]}\n"
                }
            }
        }
        return ScenarioText.yaml(c.shrunk, name: name(n), description: description(n), expect: expect)
    }

    /// What the class is, how it was found, and the checker's explanation of the shrunk run.
    public func description(_ n: Int) -> String {
        let c = result.classes[n]
        let policy = c.shrunk.policy.map { ", policy \($0)" } ?? ""
        return "Found by simctl explore (profile \(c.profile)\(policy), seed \(c.seed)) after \(c.foundAfter) random runs and shrunk"
            + " in \(c.shrinkTries) tries from \(c.original.steps.count) to \(c.shrunk.steps.count) step\(c.shrunk.steps.count == 1 ? "" : "s"): \(c.signature)."
            + " \(c.explanation)"
            + (c.windows == nil ? "" : " The window of step \(c.decisiveStep) is under expect.windows.")
    }

    public var json: JSONValue {
        .object([
            ("profiles", .array(result.profiles.map { .string($0) })),
            ("policy", .string(result.policy ?? SyncPolicy.rancher.rawValue)),
            ("seed", .int(Int64(bitPattern: result.seed))),
            ("budget", .int(Int64(result.budget))),
            ("runs", .int(Int64(result.runs))),
            ("classes", .array(result.classes.indices.map { n in
                let c = result.classes[n]
                return .object([
                    ("profile", .string(c.profile)),
                    ("signature", .object([
                        ("kind", .string(c.signature.kind)), ("actor", .string(c.signature.actor)),
                        ("family", .string(c.signature.family)), ("component", .string(c.signature.component)),
                        ("call", .string(c.signature.call)), ("mechanism", .string(c.signature.mechanism)),
                    ])),
                    ("lostWrites", .array(c.lostWrites.map { .object([("actor", .string($0.actor.rawValue)), ("field", .string($0.field.raw))]) })),
                    ("mechanism", .string(c.signature.mechanism)),
                    ("file", .string(name(n) + ".yaml")),
                    ("steps", .int(Int64(c.shrunk.steps.count))),
                    ("stepsBeforeShrinking", .int(Int64(c.original.steps.count))),
                    ("foundAfterRuns", .int(Int64(c.foundAfter))),
                    ("shrinkTries", .int(Int64(c.shrinkTries))),
                    ("decisiveStep", .int(Int64(c.decisiveStep))),
                    ("unrequestedChanges", .array(c.unrequestedChanges.map { .object([("field", .string($0.raw))]) })),
                    ("windows", c.windows.map { w in
                        .array((c.signature.kind == RaceSignature.unrequested ? w.unrequestedWindows : w.windows)
                            .map { .object([("from", seconds($0.from)), ("to", seconds($0.to))]) })
                    } ?? .null),
                    ("closedBy", .array(c.closedBy.map { .string($0) })),
                ])
            })),
        ])
    }

    private func seconds(_ ms: SimTime) -> JSONValue { ms % 1000 == 0 ? .int(ms / 1000) : .double(Double(ms) / 1000) }
}
