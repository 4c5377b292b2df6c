/// The text reports: short by default (classes grouped by mechanism), every class in full on request.
extension ExploreCatalog {
    /// The classes grouped by profile, kind, whose write, component and mechanism, one line per
    /// class (field family and call, when found, how many steps), and the policies that close
    /// every class of the group.
    public var text: String {
        var groups: [(key: [String], members: [Int])] = []
        for n in result.classes.indices {
            let c = result.classes[n]
            let key = [c.profile, c.signature.kind, c.signature.actor, c.signature.component, c.signature.mechanism]
            if let g = groups.firstIndex(where: { $0.key == key }) { groups[g].members.append(n) } else { groups.append((key, [n])) }
        }
        var out = header + " in \(groups.count) groups (--detail: each in full)\n"
        for group in groups {
            let first = result.classes[group.members[0]]
            let sig = first.signature
            let what = sig.kind == RaceSignature.unrequested ? "unrequested changes by \(sig.component)"
                : "\(sig.actor) writes lost to \(sig.component)"
            out += "\n  [\(first.profile)] \(what) (\(sig.mechanism)): \(group.members.count) \(group.members.count == 1 ? "class" : "classes")\n"
            for n in group.members {
                let c = result.classes[n]
                out += "    \(n + 1). \(c.signature.family) by \(c.signature.call): after \(c.foundAfter) runs, \(c.shrunk.steps.count) step\(c.shrunk.steps.count == 1 ? "" : "s")\n"
            }
            let closing = group.members.dropFirst().reduce(Set(first.closedBy)) { $0.intersection(result.classes[$1].closedBy) }
            let names = first.closedBy.filter(closing.contains)
            if group.members.count == 1 {
                out += "    closed by \(names.isEmpty ? "no policy" : names.joined(separator: ", "))\n"
            } else {
                out += names.isEmpty ? "    no one policy closes them all\n" : "    closed by all of them: \(names.joined(separator: ", "))\n"
            }
        }
        return out
    }

    /// Every class in full: its file, shrunk steps, windows or unrequested changes, and the
    /// policies that close it.
    public var detailText: String {
        var out = header + "\n\n"
        for n in result.classes.indices {
            let c = result.classes[n]
            out += "  \(n + 1). [\(c.profile)] \(c.signature)\n"
            out += "     found after \(c.foundAfter) runs; shrunk from \(c.original.steps.count) to \(c.shrunk.steps.count) step\(c.shrunk.steps.count == 1 ? "" : "s") in \(c.shrinkTries) tries → \(name(n)).yaml\n"
            for s in c.shrunk.steps { out += "       at \(ScenarioText.duration(s.at)) \(s.actor.rawValue): \(ScenarioText.action(s.action))\n" }
            let unrequested = c.signature.kind == RaceSignature.unrequested
            if unrequested { out += "     changed unasked: \(c.unrequestedChanges.map(\.raw).joined(separator: ", "))\n" }
            if let w = c.windows {
                let windows = (unrequested ? w.unrequestedWindows : w.windows).map { "[\(ScenarioText.duration($0.from)), \(ScenarioText.duration($0.to)))" }
                out += "     \(unrequested ? "changed" : "lost") when step \(c.decisiveStep) moves by \(windows.isEmpty ? "nothing in range" : windows.joined(separator: ", "))\n"
            }
            out += "     closed by: \(c.closedBy.isEmpty ? "no policy" : c.closedBy.joined(separator: ", "))\n"
        }
        return out
    }

    private var header: String {
        let policy = result.policy.map { ", policy \($0)" } ?? ""
        return "explore \(result.profiles.joined(separator: ", "))\(policy): seed \(result.seed), \(result.runs) random runs, \(result.classes.count) race classes"
    }
}
