import ClusterStateMachine
import Simulator

extension PolicyComparison {
    /// A self-contained page (the timeline pages' stylesheet, no scripts): the matrix with every cell
    /// coloured by what happened in it, the totals, and what each policy stands for.
    public var html: String {
        let e = HTMLPage.e, a = HTMLPage.a
        var body = "<header>\n<p class=\"kicker\">what-if sync policies</p>\n<h1>\(scenarios.count) scenarios × \(policies.count) policies</h1>\n"
        body += "<p class=\"meta\">" + e(profile.map { "profile \($0) for every scenario" } ?? "each scenario's own profile")
            + ". A cell gives the writes lost; hover for which. <span class=\"k u\">u</span> changes to AWS nobody asked for, "
            + "<span class=\"k c\">c</span> conflicts surfaced, "
            + "<span class=\"k r\">r</span> changes reverted by design.</p>\n</header>\n"
        body += "<figure class=\"matrix\">\n" + svg + "<figcaption>Lost writes per scenario and policy; hover over a cell for which writes, a heading for the policy's real counterpart.</figcaption>\n</figure>\n"
        body += "<section><details><summary>The matrix as a table</summary>\n<table class=\"matrix\">\n<thead><tr><th>scenario</th>"
        body += policies.map { "<th title=\"\(a($0.realCounterpart))\">\(e($0.rawValue))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (i, name) in scenarios.enumerated() {
            body += "<tr><th>\(e(name))</th>"
            for cell in cells[i] {
                body += "<td class=\"\(cell.tone)\" title=\"\(a(cell.details.joined(separator: "\n")))\">\(e(cell.short))</td>"
            }
            body += "</tr>\n"
        }
        body += "</tbody>\n<tfoot>\n"
        let totals = policies.indices.map(self.totals)
        var rows: [(String, (PolicyTotals) -> String)] = [
            ("lost writes", { "\($0.lostWrites)" }), ("scenarios with a loss", { "\($0.scenariosWithLoss)" }),
            ("conflicts surfaced", { "\($0.conflictsSurfaced)" }), ("reverted by design", { "\($0.revertedByPolicy)" }),
        ]
        if hasUnrequestedChanges { rows.append(("unrequested changes", { $0.unrequestedChanges.map(String.init) ?? "–" })) }
        rows.append(("API calls (Rancher)", { "\($0.apiCalls)" }))
        for (title, value) in rows {
            body += "<tr><th>\(e(title))</th>" + totals.map { "<td>\(e(value($0)))</td>" }.joined() + "</tr>\n"
        }
        body += "</tfoot>\n</table>\n</details></section>\n"
        body += "<section><h2>Policies</h2>\n<table class=\"settings\">\n"
        for policy in policies { body += "<tr><th>\(e(policy.rawValue))</th><td>\(e(policy.realCounterpart))</td></tr>\n" }
        body += "</table>\n</section>\n"
        body += "<footer>Made by \(e(ToolVersion.current)).</footer>\n"
        return HTMLPage.document(title: "eks-sync-sim policy comparison", body: body, css: Self.css)
    }

    static let css = """
    figure.matrix svg { min-width: 0; width: auto; max-width: 100%; }
    table.matrix { border-collapse: collapse; font-size: 13px; margin-top: 8px; }
    table.matrix th, table.matrix td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: center; white-space: nowrap; }
    table.matrix tbody th, table.matrix tfoot th { text-align: left; font-weight: 500; }
    table.matrix thead th { font-weight: 600; border-bottom: 2px solid var(--line); }
    table.matrix tfoot th, table.matrix tfoot td { font-weight: 600; border-top: 2px solid var(--line); }
    td.loss { background: #ffe4e6; color: #9f1239; font-weight: 700; }
    td.unrequested { background: #ffedd5; color: #9a3412; font-weight: 700; }
    td.conflict { background: #fef3c7; color: #92400e; }
    td.design { background: #e0e7ff; color: #3730a3; }
    td.ok { background: #f0fdf4; color: #166534; }
    .k { display: inline-block; padding: 0 6px; border-radius: 4px; font-weight: 600; }
    .k.u { background: #ffedd5; color: #9a3412; } .k.c { background: #fef3c7; color: #92400e; } .k.r { background: #e0e7ff; color: #3730a3; }
    """
}

extension PolicyCell {
    /// The cell's colour: a loss first, then a change nobody asked for, then a surfaced conflict,
    /// then a change reverted by design.
    var tone: String {
        if !lostWrites.isEmpty { return "loss" }
        if let unrequested = unrequestedChanges, unrequested > 0 { return "unrequested" }
        if conflictsSurfaced > 0 { return "conflict" }
        if !revertedByPolicy.isEmpty { return "design" }
        return "ok"
    }

    /// What a hover over the cell tells, a line each.
    var details: [String] {
        lostWrites.map { "lost: \($0.actor.rawValue) \($0.field)" }
            + revertedByPolicy.map { "reverted by design: \($0.actor.rawValue) \($0.field)" }
            + (unrequestedChanges.map { $0 > 0 ? ["\($0) change(s) to AWS nobody asked for"] : [] } ?? [])
            + (conflictsSurfaced > 0 ? ["\(conflictsSurfaced) conflict(s) surfaced"] : [])
            + ["\(apiCalls) API calls"]
    }
}
