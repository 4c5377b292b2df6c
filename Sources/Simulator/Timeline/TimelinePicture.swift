import ClusterStateMachine

/// The timeline of one run as an SVG document: lanes, marks, AWS update bars with their status
/// lag, clobber arrows, a legend and (standalone) the lost writes explained and the settings.
public struct TimelinePicture: Sendable {
    public struct Options: Sendable {
        /// The scenario's name and settings above the picture.
        public var header = true
        /// The lost writes explained and the tool version under the legend.
        public var notes = true
        /// The viewBox width; the picture scales to its container.
        public var width: Double = 1360
        /// Prefix of element ids, so that several pictures can share a page.
        public var idPrefix = "tl"
        public init() {}
    }

    public let report: RunReport
    public let model: TimelineModel
    public let layout: TimelineLayout
    public let options: Options
    private let headerHeight: Double

    public init(report: RunReport, options: Options = Options()) {
        self.report = report
        self.options = options
        self.model = TimelineModel(report: report)
        self.headerHeight = options.header ? 64 : 8
        self.layout = TimelineLayout(model: model, startEpochSeconds: report.result.scenario.startEpochSeconds,
                                     width: options.width, top: headerHeight)
    }

    /// The standalone SVG document.
    public var svg: String {
        var w = SVGWriter()
        let width = options.width
        let legendTop = layout.plotBottom + 18
        let legend = TimelineLegend(width: width, top: legendTop, idPrefix: options.idPrefix)
        var notes: [(String, Double, Bool, String)] = []  // text, size, bold, colour
        if options.notes { notes = noteLines(width: width - 48) }
        let notesTop = legendTop + legend.height + 14
        let height = (notes.isEmpty ? legendTop + legend.height : notesTop + notes.reduce(0) { $0 + $1.1 * 1.45 }) + 16
        w.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", .text("0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))")),
            ("width", .number(width)), ("height", .number(height)), ("font-family", .text(TimelinePalette.sans)),
            ("role", "img"), ("class", "timeline"), ("data-scenario", .text(report.result.scenario.name)),
        ])
        w.element("title", text: "Timeline of \(report.result.scenario.name): \(report.findings.lost.count) lost write(s)")
        defs(&w)
        w.element("rect", [("x", 0), ("y", 0), ("width", .number(width)), ("height", .number(height)), ("fill", "#ffffff")])
        if options.header { header(&w) }
        lanes(&w)
        axis(&w)
        bars(&w)
        arrows(&w)
        marks(&w)
        legend.draw(&w)
        var y = notesTop
        for (text, size, bold, color) in notes {
            y += size * 1.45
            w.element("text", [("x", 24), ("y", .number(y - size * 0.35)), ("font-size", .number(size)),
                               ("font-weight", bold ? "700" : "400"), ("fill", .text(color))], text: text)
        }
        w.close("svg")
        return w.text
    }

    // MARK: Parts

    /// A white outline behind label text, so that grid lines and arrows under it do not hide it.
    static let halo: SVGWriter.Attributes = [("stroke", "#ffffff"), ("stroke-width", 3), ("stroke-opacity", 0.85),
                                             ("stroke-linejoin", "round"), ("paint-order", "stroke")]

    private func id(_ name: String) -> String { "\(options.idPrefix)-\(name)" }

    private func defs(_ w: inout SVGWriter) {
        w.open("defs")
        for (name, color) in [("head-loss", TimelinePalette.clobber), ("head-transient", TimelinePalette.transient)] {
            w.open("marker", [("id", .text(id(name))), ("viewBox", "0 0 10 10"), ("refX", 9), ("refY", 5),
                              ("markerWidth", 11), ("markerHeight", 11), ("markerUnits", "userSpaceOnUse"), ("orient", "auto")])
            w.element("path", [("d", "M0,0 L10,5 L0,10 z"), ("fill", .text(color))])
            w.close("marker")
        }
        var colors: [String] = []
        for bar in model.bars where !colors.contains(bar.color) { colors.append(bar.color) }
        if !colors.contains(TimelinePalette.operator) { colors.append(TimelinePalette.operator) }  // the legend's sample
        for (name, color, opacity) in colors.map({ ("hatch-" + $0.dropFirst(), $0, 0.55) }) + [("hatch-fault", TimelinePalette.muted, 0.22)] {
            w.open("pattern", [("id", .text(id(name))), ("width", 6), ("height", 6),
                               ("patternUnits", "userSpaceOnUse"), ("patternTransform", "rotate(45)")])
            w.element("rect", [("width", 6), ("height", 6), ("fill", "#ffffff")])
            w.element("line", [("x1", 0), ("y1", 0), ("x2", 0), ("y2", 6), ("stroke", .text(color)), ("stroke-width", 2.6),
                               ("stroke-opacity", .number(opacity))])
            w.close("pattern")
        }
        w.close("defs")
    }

    private func header(_ w: inout SVGWriter) {
        let s = report.result.scenario
        w.element("text", [("x", 20), ("y", 30), ("font-size", 19), ("font-weight", "700"), ("fill", .text(TimelinePalette.ink))],
                  text: s.name)
        let line = "\(TimelineFindings.verdict(report.findings)) · \(ScenarioSummary(s).line)"
        w.element("text", [("x", 20), ("y", 50), ("font-size", 12), ("fill", .text(TimelinePalette.muted))],
                  text: TextWidth.truncate(line, toFit: options.width - 40, size: 12))
    }

    private func lanes(_ w: inout SVGWriter) {
        for (i, lane) in layout.lanes.enumerated() {
            w.group("g", [("class", "lane"), ("data-lane", .text(lane.lane.key))]) { w in
                w.element("rect", [("x", 0), ("y", .number(lane.y0)), ("width", .number(options.width)),
                                   ("height", .number(lane.y1 - lane.y0)),
                                   ("fill", .text(i % 2 == 0 ? TimelinePalette.laneEven : TimelinePalette.laneOdd))])
                w.element("rect", [("x", 10), ("y", .number(lane.y0 + 8)), ("width", 4), ("height", .number(min(32, lane.y1 - lane.y0 - 16))),
                                   ("rx", 2), ("fill", .text(lane.lane.color))])
                w.element("text", [("x", 22), ("y", .number(lane.y0 + 22)), ("font-size", 13), ("font-weight", "700"),
                                   ("fill", .text(TimelinePalette.ink))], text: lane.lane.title)
                w.element("text", [("x", 22), ("y", .number(lane.y0 + 37)), ("font-size", 10.5),
                                   ("fill", .text(TimelinePalette.muted))], text: lane.lane.subtitle)
            }
        }
        // Stale spans: from a lost write until its clobber, the lane the stale value came from was out of date.
        for p in layout.arrows where p.arrow.loses {
            let a = p.arrow
            // Out of date from when the person wrote (or, when the stale value was copied in later,
            // from that copy) until the clobber read it.
            guard let written = a.victimAt, case let since = max(written, a.fromTime), since < a.toTime,
                  let lane = layout.lanes.first(where: { $0.lane == a.fromLane }) else { continue }
            let x0 = layout.axis.x(since), x1 = layout.axis.x(a.toTime)
            w.group("g", [("class", "stale-span")],
                    title: "\(a.fromLane.title) out of date from \(report.result.clock(since)) to \(report.result.clock(a.toTime)): it still held \(a.label)") { w in
                w.element("rect", [("x", .number(x0)), ("y", .number(lane.y0 + 2)), ("width", .number(x1 - x0)),
                                   ("height", .number(lane.y1 - lane.y0 - 4)), ("fill", .text(TimelinePalette.clobber)),
                                   ("fill-opacity", 0.07)])
            }
        }
        w.element("line", [("x1", .number(layout.gutter)), ("y1", .number(layout.plotTop)), ("x2", .number(layout.gutter)),
                           ("y2", .number(layout.plotBottom)), ("stroke", .text(TimelinePalette.grid))])
    }

    private func axis(_ w: inout SVGWriter) {
        let top = layout.plotTop, bottom = layout.plotBottom
        w.open("g", [("class", "axis")])
        for tick in layout.ticks {
            w.element("line", [("x1", .number(tick.x)), ("y1", .number(top)), ("x2", .number(tick.x)), ("y2", .number(bottom)),
                               ("stroke", tick.major ? "#cbd5e1" : "#eef2f7"), ("stroke-width", tick.major ? 1 : 0.8)])
            if tick.major {
                w.element("line", [("x1", .number(tick.x)), ("y1", .number(top - 6)), ("x2", .number(tick.x)), ("y2", .number(top)),
                                   ("stroke", "#94a3b8")])
                w.element("text", [("x", .number(tick.x)), ("y", .number(top - 10)), ("font-size", 11), ("text-anchor", "middle"),
                                   ("fill", .text(TimelinePalette.muted))], text: tick.label)
            }
        }
        for b in layout.axis.breaks {
            let mid = (b.x0 + b.x1) / 2
            w.group("g", [("class", "axis-break")], title: "\(DurationText.format(b.to - b.from)) with nothing happening, cut out") { w in
                w.element("rect", [("x", .number(b.x0 + 4)), ("y", .number(top)), ("width", .number(b.x1 - b.x0 - 8)),
                                   ("height", .number(bottom - top)), ("fill", "#f1f5f9")])
                for x in [b.x0 + 4, b.x1 - 4] {
                    var d = "M\(SVGWriter.number(x)),\(SVGWriter.number(top))"
                    var y = top, k = 0
                    while y < bottom { y = min(bottom, y + 6); k += 1; d += " L\(SVGWriter.number(x + (k % 2 == 0 ? 0 : 3))),\(SVGWriter.number(y))" }
                    w.element("path", [("d", .text(d)), ("fill", "none"), ("stroke", "#94a3b8"), ("stroke-width", 1)])
                }
                w.element("text", [("x", .number(mid)), ("y", .number(top - 10)), ("font-size", 10.5), ("text-anchor", "middle"),
                                   ("font-style", "italic"), ("fill", .text(TimelinePalette.muted))],
                          text: "+" + DurationText.format(b.to - b.from))
            }
        }
        var lastGuide = -Double.infinity
        for t in model.ticks where !layout.axis.breaks.contains(where: { t > $0.from && t < $0.to }) {
            let x = layout.axis.x(t)
            guard x - lastGuide >= 20 else { continue }  // a burst of retried ticks gets one guide
            lastGuide = x
            w.element("line", [("x1", .number(x)), ("y1", .number(top)), ("x2", .number(x)), ("y2", .number(bottom)),
                               ("stroke", .text(TimelinePalette.refresher)), ("stroke-opacity", 0.35), ("stroke-dasharray", "2 4")])
        }
        w.close("g")
    }

    private func bars(_ w: inout SVGWriter) {
        for p in layout.bars {
            let bar = p.bar
            var attrs: SVGWriter.Attributes = [("class", .text("bar bar-\(bar.kind.rawValue)")), ("data-outcome", .text(bar.outcome.rawValue))]
            attrs += bar.data.map { ("data-" + $0.0, .text($0.1)) }
            if bar.clobbers { attrs.append(("data-clobbers", "true")) }
            if bar.overwrites { attrs.append(("data-overwrites", "true")) }
            w.group("g", attrs, title: bar.detail) { w in
                let stroke = bar.clobbers ? TimelinePalette.clobber
                    : bar.overwrites ? TimelinePalette.transient : (bar.outcome == .failed ? "#7f1d1d" : bar.color)
                let fill: String = bar.kind == .fault ? "url(#\(id("hatch-fault")))" : bar.color
                w.element("rect", [("x", .number(p.x0)), ("y", .number(p.y)), ("width", .number(p.x1 - p.x0)),
                                   ("height", .number(p.height)), ("rx", 3), ("fill", .text(fill)),
                                   ("fill-opacity", bar.kind == .fault ? 1 : (bar.outcome == .failed ? 0.45 : 0.88))])
                if let lag = p.lagX, lag > p.x0 {
                    w.element("rect", [("x", .number(p.x0)), ("y", .number(p.y)), ("width", .number(lag - p.x0)),
                                       ("height", .number(p.height)), ("fill", .text("url(#\(id("hatch-" + bar.color.dropFirst())))")),
                                       ("class", "status-lag")])
                }
                w.element("rect", [("x", .number(p.x0)), ("y", .number(p.y)), ("width", .number(p.x1 - p.x0)),
                                   ("height", .number(p.height)), ("rx", 3), ("fill", "none"), ("stroke", .text(stroke)),
                                   ("stroke-width", bar.clobbers || bar.overwrites ? 2 : 1),
                                   ("stroke-dasharray", bar.outcome == .failed || bar.outcome == .unfinished ? "4 2" : "none")])
                if !p.label.isEmpty {
                    let inside = p.labelInside && bar.kind != .fault
                    w.element("text", [("x", .number(p.labelX)), ("y", .number(p.y + p.height - 3.5)),
                                       ("font-size", .number(TimelineLayout.barLabelSize)),
                                       ("text-anchor", p.labelRunsLeft ? "end" : "start"),
                                       ("font-weight", inside || bar.kind == .fault ? "600" : "400"),
                                       ("fill", .text(inside ? "#ffffff" : (bar.clobbers ? TimelinePalette.clobber : TimelinePalette.ink)))]
                                       + (inside ? [] : Self.halo), text: p.label)
                }
            }
        }
    }

    private func marks(_ w: inout SVGWriter) {
        for p in layout.marks {
            let m = p.mark
            var attrs: SVGWriter.Attributes = [("class", .text("mark mark-\(m.glyph.rawValue) \(m.emphasis.rawValue)")),
                                                ("data-lane", .text(m.lane.key))]
            attrs += m.data.map { ("data-" + $0.0, .text($0.1)) }
            if m.times.count > 1 { attrs.append(("data-count", .number(Double(m.times.count)))) }
            w.group("g", attrs, title: m.detail) { w in
                for x in p.xs { TimelineGlyph.draw(m, x: x, y: p.y, into: &w) }
                if !p.label.isEmpty {
                    let loud = m.emphasis == .lost || m.emphasis == .clobber
                    let color = loud ? TimelinePalette.clobber
                        : (m.emphasis == .quiet || m.emphasis == .refused ? TimelinePalette.muted : TimelinePalette.ink)
                    w.element("text", [("x", .number(p.labelX)), ("y", .number(p.y + 4)),
                                       ("font-size", .number(TimelineLayout.labelSize)),
                                       ("text-anchor", p.labelRunsLeft ? "end" : "start"),
                                       ("font-weight", loud ? "700" : "400"), ("fill", .text(color))] + Self.halo, text: p.label)
                }
            }
        }
    }

    private func arrows(_ w: inout SVGWriter) {
        for p in layout.arrows {
            let a = p.arrow
            let color = a.loses ? TimelinePalette.clobber : TimelinePalette.transient
            w.group("g", [("class", .text(a.loses ? "clobber loss" : "clobber transient")),
                          ("data-clobbers", .text(a.clobbers.map(String.init).joined(separator: " "))),
                          ("data-victims", .text(a.victims.joined(separator: ", ")))], title: a.detail) { w in
                w.element("path", [("d", .text(p.path)), ("fill", "none"), ("stroke", "#ffffff"), ("stroke-width", 5),
                                   ("stroke-opacity", 0.85)])
                w.element("path", [("d", .text(p.path)), ("fill", "none"), ("stroke", .text(color)), ("stroke-width", 2.2),
                                   ("stroke-dasharray", a.loses ? "none" : "6 3"),
                                   ("marker-end", .text("url(#\(id(a.loses ? "head-loss" : "head-transient"))))"))])
                w.element("circle", [("cx", .number(p.from.x)), ("cy", .number(p.from.y)), ("r", 8.5), ("fill", "none"),
                                     ("stroke", .text(color)), ("stroke-width", 1.6)])
            }
        }
    }

    /// The lost writes explained, the other findings, and how to run it again, as wrapped lines.
    func noteLines(width: Double) -> [(String, Double, Bool, String)] {
        var out: [(String, Double, Bool, String)] = []
        let f = report.findings
        let ink = TimelinePalette.ink, muted = TimelinePalette.muted
        func para(_ text: String, size: Double = 12, bold: Bool = false, color: String = ink) {
            for line in TextWidth.wrap(text, width: width, size: size, bold: bold) { out.append((line, size, bold, color)) }
        }
        if f.lost.isEmpty {
            para("No write is lost.", size: 13, bold: true)
        } else {
            para("Lost writes", size: 13, bold: true, color: TimelinePalette.clobber)
            for (i, lost) in f.lost.enumerated() {
                para("(\(i + 1)) \(lost.write.actor.rawValue) \(lost.write.path): \(lost.explanation)")
            }
        }
        for line in TimelineFindings.otherFindings(report) { para(line, color: muted) }
        let summary = ScenarioSummary(report.result.scenario)
        para("\(summary.line). Run again: \(summary.command)", size: 11, color: muted)
        return out
    }
}
