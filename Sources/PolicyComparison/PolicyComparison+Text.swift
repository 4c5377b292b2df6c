import ClusterStateMachine
import SyncEngine

extension PolicyComparison {
    /// The matrix for a terminal: lost writes per scenario and policy, then each policy's totals.
    public var text: String {
        let labels = policies.map(\.shortLabel)
        let nameWidth = max(24, (scenarios.map(\.count).max() ?? 0) + 2)
        let widths = labels.map { max($0.count, 7) + 2 }
        func row(_ name: String, _ cells: [String]) -> String {
            var line = name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            for (cell, width) in zip(cells, widths) { line += cell.padding(toLength: width, withPad: " ", startingAt: 0) }
            return String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
        }
        var out = "compare: \(scenarios.count) scenario\(scenarios.count == 1 ? "" : "s") × \(policies.count) polic\(policies.count == 1 ? "y" : "ies"), "
            + (profile.map { "profile \($0)" } ?? "each scenario's profile") + "\n\n"
        out += "lost writes (c: conflicts surfaced, r: changes reverted by design" + (hasUnrequestedChanges ? ", u: changes to AWS nobody asked for" : "") + ")\n"
        out += row("scenario", labels)
        for (i, name) in scenarios.enumerated() { out += row(name, cells[i].map(\.short)) }
        out += "\n"
        var totalsRows: [(String, (PolicyTotals) -> String)] = [
            ("lost writes", { "\($0.lostWrites)" }),
            ("scenarios with a loss", { "\($0.scenariosWithLoss)" }),
            ("conflicts surfaced", { "\($0.conflictsSurfaced)" }),
            ("reverted by design", { "\($0.revertedByPolicy)" }),
        ]
        if hasUnrequestedChanges { totalsRows.append(("unrequested changes", { $0.unrequestedChanges.map(String.init) ?? "–" })) }
        totalsRows.append(("API calls (Rancher)", { "\($0.apiCalls)" }))
        let totals = policies.indices.map(self.totals)
        out += row("totals", labels)
        for (title, value) in totalsRows { out += row(title, totals.map(value)) }
        let abbreviated = policies.filter { $0.shortLabel != $0.rawValue }
        if !abbreviated.isEmpty { out += "\n" + abbreviated.map { "\($0.shortLabel) = \($0.rawValue)" }.joined(separator: ", ") + "\n" }
        return out
    }
}

extension PolicyCell {
    /// `1`, `0 c2`, `0 r1`: lost writes, then surfaced conflicts and changes reverted by design.
    var short: String {
        var cell = "\(lostWrites.count)"
        if conflictsSurfaced > 0 { cell += " c\(conflictsSurfaced)" }
        if !revertedByPolicy.isEmpty { cell += " r\(revertedByPolicy.count)" }
        if let unrequested = unrequestedChanges, unrequested > 0 { cell += " u\(unrequested)" }
        if !settled { cell += "?" }
        return cell
    }
}

extension SyncPolicy {
    /// A column heading short enough for a terminal.
    var shortLabel: String {
        switch self {
        case .rancher: "rancher"
        case .threeWayMerge: "3-way"
        case .perKeyMaps: "per-key"
        case .refreshBeforePush: "refresh"
        case .fieldOwnership: "owner"
        case .specWins: "spec-wins"
        case .observeOnly: "observe"
        case .errorSafeRefresh: "err-safe"
        }
    }
}
