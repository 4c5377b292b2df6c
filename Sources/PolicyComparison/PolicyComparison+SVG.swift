import ClusterStateMachine
import Simulator

extension PolicyComparison {
    /// The matrix as a picture: one row per scenario, one column per policy, each cell coloured by
    /// what happened in it (lost, a change nobody asked for, conflict surfaced, reverted by design, clean) and labelled as in
    /// the text; the totals below.
    public var svg: String {
        let font = 12.0, rowHeight = 22.0, cellWidth = 92.0, pad = 12.0
        let nameWidth = (scenarios.map { TextWidth.of($0, size: font) }.max() ?? 100) + 2 * pad
        let headerHeight = (policies.map { TextWidth.of($0.rawValue, size: font, bold: true) }.max() ?? 60) * 0.71 + 2 * pad
        let totals = policies.indices.map(self.totals)
        var totalRows: [(String, (PolicyTotals) -> String)] = [
            ("lost writes", { "\($0.lostWrites)" }), ("conflicts surfaced", { "\($0.conflictsSurfaced)" }),
            ("reverted by design", { "\($0.revertedByPolicy)" }),
        ]
        if hasUnrequestedChanges { totalRows.append(("unrequested changes", { $0.unrequestedChanges.map(String.init) ?? "–" })) }
        totalRows.append(("API calls (Rancher)", { "\($0.apiCalls)" }))
        // The last heading, rotated, reaches past its column by about its own height.
        let width = nameWidth + Double(policies.count) * cellWidth + max(pad, headerHeight - cellWidth / 2)
        let bodyTop = headerHeight
        let totalsTop = bodyTop + Double(scenarios.count) * rowHeight + pad
        let height = totalsTop + Double(totalRows.count) * rowHeight + pad
        let fills = ["loss": TimelinePalette.lossBand, "unrequested": "#fdba74", "conflict": "#fde68a", "design": "#c7d2fe", "ok": TimelinePalette.safeBand]

        var svg = SVGWriter()
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", .text("0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))")),
                         ("width", .number(width)), ("height", .number(height)), ("font-family", .text(TimelinePalette.sans)),
                         ("font-size", .number(font)), ("role", "img")])
        svg.element("title", text: "\(scenarios.count) scenarios × \(policies.count) sync policies: lost writes per cell")
        svg.element("rect", [("width", .number(width)), ("height", .number(height)), ("fill", "#ffffff")])
        for (j, policy) in policies.enumerated() {
            let x = nameWidth + (Double(j) + 0.5) * cellWidth
            svg.group(title: policy.realCounterpart) { g in
                g.element("text", [("transform", .text("translate(\(SVGWriter.number(x)) \(SVGWriter.number(headerHeight - 6))) rotate(-45)")),
                                   ("font-weight", "600"), ("fill", .text(TimelinePalette.ink))], text: policy.rawValue)
            }
        }
        for (i, name) in scenarios.enumerated() {
            let y = bodyTop + Double(i) * rowHeight
            if i % 2 == 0 {
                svg.element("rect", [("x", 0), ("y", .number(y)), ("width", .number(width)), ("height", .number(rowHeight)), ("fill", .text(TimelinePalette.laneEven))])
            }
            svg.element("text", [("x", .number(pad)), ("y", .number(y + rowHeight * 0.68)), ("fill", .text(TimelinePalette.ink))], text: name)
            for (j, cell) in cells[i].enumerated() {
                let x = nameWidth + Double(j) * cellWidth
                let details = ([cell.scenario + " · " + cell.policy] + cell.details).joined(separator: "\n")
                svg.group("g", [("class", "cell")], title: details) { g in
                    g.element("rect", [("x", .number(x + 2)), ("y", .number(y + 2)), ("width", .number(cellWidth - 4)),
                                       ("height", .number(rowHeight - 4)), ("rx", 3), ("fill", .text(fills[cell.tone] ?? "#ffffff"))])
                    g.element("text", [("x", .number(x + cellWidth / 2)), ("y", .number(y + rowHeight * 0.68)), ("text-anchor", "middle"),
                                       ("font-weight", cell.tone == "loss" || cell.tone == "unrequested" ? "700" : "400"), ("fill", .text(TimelinePalette.ink))], text: cell.short)
                }
            }
        }
        svg.element("line", [("x1", 0), ("x2", .number(width)), ("y1", .number(totalsTop - pad / 2)), ("y2", .number(totalsTop - pad / 2)),
                             ("stroke", .text(TimelinePalette.muted)), ("stroke-width", 1)])
        for (k, (title, value)) in totalRows.enumerated() {
            let y = totalsTop + Double(k) * rowHeight
            svg.element("text", [("x", .number(pad)), ("y", .number(y + rowHeight * 0.68)), ("font-weight", "600"), ("fill", .text(TimelinePalette.ink))], text: title)
            for (j, t) in totals.enumerated() {
                svg.element("text", [("x", .number(nameWidth + (Double(j) + 0.5) * cellWidth)), ("y", .number(y + rowHeight * 0.68)),
                                     ("text-anchor", "middle"), ("font-weight", "600"), ("fill", .text(TimelinePalette.ink))], text: value(t))
            }
        }
        svg.close("svg")
        return svg.text
    }
}
