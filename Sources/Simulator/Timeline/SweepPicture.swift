import ClusterStateMachine

/// A sweep as an SVG document: the moved step's offset axis (with the step's clock time under
/// it), the windows in which writes are lost as red bands, every window edge named by the two
/// events that cross there, and the run as written marked at offset 0.
public struct SweepPicture: Sendable {
    public let report: SweepReport
    public let width: Double
    public let header: Bool
    public let notes: Bool

    /// An edge of a window and its staggered label.
    public struct Edge: Sendable {
        public var offset: SimTime
        public var x: Double
        public var row: Int
        public var label: String
        public var detail: String
        public var box: TimelineLayout.Box
    }

    public init(_ report: SweepReport, width: Double = 1360, header: Bool = true, notes: Bool = true) {
        self.report = report
        self.width = width
        self.header = header
        self.notes = notes
    }

    private var sweep: SweepResult { report.sweep }
    private var scenario: Scenario { sweep.scenario }
    var x0: Double { 124 }
    var x1: Double { width - 40 }

    func x(_ offset: SimTime) -> Double {
        let span = Double(max(1, sweep.to - sweep.from))
        return x0 + (x1 - x0) * Double(offset - sweep.from) / span
    }

    /// Reds for the distinct sets of lost writes, in order of first appearance.
    static let lossColors = ["#e11d48", "#9f1239", "#fb7185", "#c2410c", "#be185d", "#7c2d12"]

    var lostSets: [[ExpectedLostWrite]] {
        var sets: [[ExpectedLostWrite]] = []
        for w in sweep.windows where !sets.contains(w.lost) { sets.append(w.lost) }
        return sets
    }

    func clock(_ t: SimTime) -> String { RFC3339.clockTime(epochSeconds: scenario.startEpochSeconds, plusMilliseconds: t) }

    /// A boundary in a few words: `update e220a839 completes 11:01:00`.
    func shortName(_ b: SweepBoundary) -> String {
        let fixed: String
        switch b.fixed {
        case .step(let n): fixed = "step \(n) (\(scenario.steps[n].actor.rawValue))"
        case .awsUpdateDone(let id): fixed = "update \(id.prefix(8)) completes"
        case .awsStatusVisible(let id): fixed = "update \(id.prefix(8)) visible"
        case .awsNodegroupDone(let name): fixed = "node group \(name) settles"
        default: fixed = b.fixed.description
        }
        return "\(fixed) \(clock(b.fixedAt))"
    }

    /// The window edges with their labels placed in rows above the band (no two overlap).
    public func edges(labelSize: Double = 11) -> [Edge] {
        var seen = Set<SimTime>()
        var raw: [(SimTime, String, String)] = []
        for w in sweep.windows {
            for (b, edge) in [(w.opens, "opens"), (w.closes, "closes")] {
                guard let b, seen.insert(b.offset).inserted else { continue }
                raw.append((b.offset, "\(DurationText.format(b.offset)): \(shortName(b))", "\(edge) " + report.describe(b, edge: edge)))
            }
        }
        raw.sort { $0.0 < $1.0 }
        var packer = RowPacker(gap: 10)
        var out: [Edge] = []
        for (offset, label, detail) in raw {
            let px = x(offset)
            let w = TextWidth.of(label, size: labelSize)
            var span = RowPacker.Span(px - 4, px + 4 + w)
            var runsLeft = false
            if px + 4 + w > width - 8 { span = RowPacker.Span(px - 4 - w, px + 4); runsLeft = true }
            let row = packer.add(span)!
            let bx0 = runsLeft ? px - 4 - w : px + 4
            out.append(Edge(offset: offset, x: px, row: row, label: label, detail: detail,
                            box: TimelineLayout.Box(x0: bx0, y0: Double(row), x1: bx0 + w, y1: Double(row) + 1)))
        }
        return out
    }

    public var svg: String {
        var w = SVGWriter()
        let step = scenario.steps[sweep.step]
        let edges = self.edges()
        let labelRows = (edges.map(\.row).max() ?? -1) + 1
        let top = header ? 64.0 : 12.0
        let bandTop = top + 26 + Double(labelRows) * 18
        let bandHeight = 46.0
        let axisY = bandTop + bandHeight
        let legendY = axisY + 62
        var noteLines: [(String, Double, Bool, String)] = []
        if notes { noteLines = self.noteLines(width: width - 48) }
        let height = legendY + (noteLines.isEmpty ? 12 : 26 + noteLines.reduce(0) { $0 + $1.1 * 1.45 } + 12)
        w.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", .text("0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))")),
                       ("width", .number(width)), ("height", .number(height)), ("font-family", .text(TimelinePalette.sans)),
                       ("role", "img"), ("class", "sweep"), ("data-scenario", .text(scenario.name))])
        w.element("title", text: "Sweep of step \(sweep.step) of \(scenario.name): \(sweep.windows.count) window(s) with lost writes")
        w.element("rect", [("x", 0), ("y", 0), ("width", .number(width)), ("height", .number(height)), ("fill", "#ffffff")])
        if header {
            w.element("text", [("x", 20), ("y", 30), ("font-size", 19), ("font-weight", "700"), ("fill", .text(TimelinePalette.ink))],
                      text: "\(scenario.name): sweep of step \(sweep.step)")
            w.element("text", [("x", 20), ("y", 50), ("font-size", 12), ("fill", .text(TimelinePalette.muted))],
                      text: TextWidth.truncate("step \(sweep.step) (\(step.actor.rawValue) at \(DurationText.format(step.at))) moved by \(DurationText.format(sweep.from)) to \(DurationText.format(sweep.to)) · \(sweep.runs) runs · \(ScenarioSummary(scenario).line)", toFit: width - 40, size: 12))
        }
        w.element("text", [("x", .number(x0)), ("y", .number(top + 12)), ("font-size", 12), ("font-weight", "600"),
                           ("fill", .text(TimelinePalette.ink))], text: "Window edges: where the moved step's work crosses a fixed event")
        // The bands.
        let sets = lostSets
        for seg in sweep.segments {
            let lost = !seg.lost.isEmpty
            let color = lost ? Self.lossColors[(sets.firstIndex(of: seg.lost) ?? 0) % Self.lossColors.count] : TimelinePalette.safeBand
            let sx0 = x(seg.from), sx1 = max(x(seg.to), sx0 + (lost ? 2 : 0))
            var detail = "offset [\(DurationText.format(seg.from)), \(DurationText.format(seg.to))): step at \(clock(step.at + seg.from)) up to \(clock(step.at + seg.to))\n"
            detail += lost ? "lost: " + seg.lost.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", ") : "no write lost"
            if let o = seg.opens { detail += "\nopens " + report.describe(o, edge: "opens") }
            if let c = seg.closes { detail += "\ncloses " + report.describe(c, edge: "closes") }
            w.group("g", [("class", .text(lost ? "window loss" : "window safe")), ("data-from", .text(DurationText.format(seg.from))),
                          ("data-to", .text(DurationText.format(seg.to))),
                          ("data-lost", .text(seg.lost.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", ")))], title: detail) { w in
                w.element("rect", [("x", .number(sx0)), ("y", .number(bandTop)), ("width", .number(sx1 - sx0)), ("height", .number(bandHeight)),
                                   ("fill", .text(color)), ("fill-opacity", lost ? 0.9 : 1)])
                let label = lost ? "lost: " + seg.lost.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", ") : "no loss"
                let fit = TextWidth.truncate(label, toFit: sx1 - sx0 - 12, size: 12, bold: lost)
                if fit.count >= 6 {
                    w.element("text", [("x", .number((sx0 + sx1) / 2)), ("y", .number(bandTop + bandHeight / 2 + 4)), ("font-size", 12),
                                       ("text-anchor", "middle"), ("font-weight", lost ? "700" : "400"),
                                       ("fill", lost ? "#ffffff" : "#166534")], text: fit)
                }
            }
        }
        w.element("rect", [("x", .number(x0)), ("y", .number(bandTop)), ("width", .number(x1 - x0)), ("height", .number(bandHeight)),
                           ("fill", "none"), ("stroke", "#94a3b8")])
        // Edges and their labels.
        for e in edges {
            let ly = top + 26 + Double(e.row) * 18
            w.group("g", [("class", "edge"), ("data-offset", .text(DurationText.format(e.offset)))], title: e.detail) { w in
                w.element("line", [("x1", .number(e.x)), ("y1", .number(ly - 4)), ("x2", .number(e.x)), ("y2", .number(bandTop + bandHeight)),
                                   ("stroke", .text(TimelinePalette.ink)), ("stroke-width", 1.2), ("stroke-dasharray", "3 2")])
                let runsLeft = e.box.x0 < e.x
                w.element("text", [("x", .number(runsLeft ? e.x - 4 : e.x + 4)), ("y", .number(ly + 8)), ("font-size", 11),
                                   ("text-anchor", runsLeft ? "end" : "start"), ("fill", .text(TimelinePalette.ink))], text: e.label)
            }
        }
        // Offset 0: the run as written.
        if sweep.from <= 0 && sweep.to >= 0 {
            let zx = x(0)
            w.group("g", [("class", "as-written")], title: "offset 0: the scenario as written (step at \(clock(step.at)))") { w in
                w.element("path", [("d", .text("M\(SVGWriter.number(zx - 6)),\(SVGWriter.number(bandTop + bandHeight + 9)) l6,-9 l6,9 z")),
                                   ("fill", .text(TimelinePalette.ink))])
            }
        }
        // Axes: offset, then the step's clock time.
        let minSpacing = 70.0
        let span = Double(max(1, sweep.to - sweep.from))
        let stepMs = TimeAxis.steps.first { Double($0) * (x1 - x0) / span >= minSpacing } ?? TimeAxis.steps.last!
        var t = (sweep.from / stepMs) * stepMs
        if t < sweep.from { t += stepMs }
        w.open("g", [("class", "axis")])
        while t <= sweep.to {
            let tx = x(t)
            w.element("line", [("x1", .number(tx)), ("y1", .number(axisY)), ("x2", .number(tx)), ("y2", .number(axisY + 5)), ("stroke", "#94a3b8")])
            w.element("text", [("x", .number(tx)), ("y", .number(axisY + 18)), ("font-size", 11), ("text-anchor", "middle"),
                               ("fill", .text(TimelinePalette.ink))], text: t == 0 ? "0 (as written)" : DurationText.format(t))
            w.element("text", [("x", .number(tx)), ("y", .number(axisY + 34)), ("font-size", 10.5), ("text-anchor", "middle"),
                               ("fill", .text(TimelinePalette.muted))], text: clock(step.at + t))
            t += stepMs
        }
        w.element("text", [("x", .number(x0 - 40)), ("y", .number(axisY + 18)), ("font-size", 10.5), ("text-anchor", "end"),
                           ("font-weight", "600"), ("fill", .text(TimelinePalette.muted))], text: "offset")
        w.element("text", [("x", .number(x0 - 40)), ("y", .number(axisY + 34)), ("font-size", 10.5), ("text-anchor", "end"),
                           ("font-weight", "600"), ("fill", .text(TimelinePalette.muted))], text: "step at")
        w.close("g")
        // Legend: a swatch per set of lost writes.
        var lx = x0
        w.open("g", [("class", "legend")])
        var swatches: [(String, String)] = [(TimelinePalette.safeBand, "no write lost")]
        for (i, set) in sets.enumerated() {
            swatches.append((Self.lossColors[i % Self.lossColors.count], "lost: " + set.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", ")))
        }
        for (color, text) in swatches {
            w.element("rect", [("x", .number(lx)), ("y", .number(legendY - 10)), ("width", 22), ("height", 12), ("rx", 2), ("fill", .text(color))])
            w.element("text", [("x", .number(lx + 28)), ("y", .number(legendY)), ("font-size", 11), ("fill", .text(TimelinePalette.ink))], text: text)
            lx += 28 + TextWidth.of(text, size: 11) + 24
        }
        w.close("g")
        var y = legendY + 22
        for (text, size, bold, color) in noteLines {
            y += size * 1.45
            w.element("text", [("x", 24), ("y", .number(y - size * 0.35)), ("font-size", .number(size)),
                               ("font-weight", bold ? "700" : "400"), ("fill", .text(color))], text: text)
        }
        w.close("svg")
        return w.text
    }

    func noteLines(width: Double) -> [(String, Double, Bool, String)] {
        var out: [(String, Double, Bool, String)] = []
        func para(_ text: String, size: Double = 12, bold: Bool = false, color: String = TimelinePalette.ink) {
            for line in TextWidth.wrap(text, width: width, size: size, bold: bold) { out.append((line, size, bold, color)) }
        }
        let step = scenario.steps[sweep.step]
        if sweep.windows.isEmpty { para("No write is lost anywhere in this range.", size: 13, bold: true) }
        for w in sweep.windows {
            para("Lost in [\(DurationText.format(w.from)), \(DurationText.format(w.to))) (step at \(clock(step.at + w.from)) up to \(clock(step.at + w.to))): "
                 + w.lost.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", "), size: 12.5, bold: true, color: TimelinePalette.clobber)
            para("opens " + (w.opens.map { report.describe($0, edge: "opens") } ?? "at the start of the range"))
            para("closes " + (w.closes.map { report.describe($0, edge: "closes") } ?? "at the end of the range"))
        }
        para(ScenarioSummary(scenario).line, size: 11, color: TimelinePalette.muted)
        return out
    }
}
