/// The key under the timeline: each glyph, bar and arrow style with what it means, flowed into rows.
public struct TimelineLegend: Sendable {
    enum Sample: Sendable {
        case glyph(TimelineMark.Glyph, TimelineMark.Emphasis, String)
        case bar(lag: Bool, clobbers: Bool)
        case span
        case arrow(loss: Bool)
    }

    static let items: [(Sample, String)] = [
        (.glyph(.write, .normal, TimelinePalette.rancherPerson), "a person's write"),
        (.glyph(.write, .lost, TimelinePalette.clobber), "a write that is lost"),
        (.glyph(.change, .normal, TimelinePalette.rancherSpec), "Spec.EKSConfig changed (edit / refresher sync)"),
        (.glyph(.tick, .normal, TimelinePalette.refresher), "refresher tick"),
        (.glyph(.action, .normal, TimelinePalette.operator), "component action, AWS call"),
        (.glyph(.error, .normal, TimelinePalette.operator), "call AWS refused"),
        (.bar(lag: false, clobbers: false), "AWS update, accepted → completed"),
        (.bar(lag: true, clobbers: false), "status lag: DescribeCluster still says ACTIVE"),
        (.bar(lag: false, clobbers: true), "update carrying the stale value"),
        (.glyph(.staleRead, .normal, TimelinePalette.clobber), "stale read"),
        (.arrow(loss: true), "clobber: stale read → the write that destroyed a person's value"),
        (.arrow(loss: false), "clobber not counted as lost (the value survived, or a conflict)"),
        (.span, "stale span: the lane still held the old value"),
    ]

    static let size = 11.0
    static let rowHeight = 22.0

    public let width: Double
    public let top: Double
    public let idPrefix: String
    private let positions: [(x: Double, row: Int)]

    public init(width: Double, top: Double, idPrefix: String) {
        self.width = width
        self.top = top
        self.idPrefix = idPrefix
        var x = 24.0, row = 0
        var positions: [(Double, Int)] = []
        for (_, text) in Self.items {
            let w = Self.sampleWidth + 6 + TextWidth.of(text, size: Self.size) + 22
            if x + w > width - 16 && x > 24 { x = 24; row += 1 }
            positions.append((x, row))
            x += w
        }
        self.positions = positions
    }

    static let sampleWidth = 30.0

    public var height: Double { Double((positions.map(\.row).max() ?? 0) + 1) * Self.rowHeight + 6 }

    public func draw(_ w: inout SVGWriter) {
        w.open("g", [("class", "legend")])
        w.element("line", [("x1", 16), ("y1", .number(top - 8)), ("x2", .number(width - 16)), ("y2", .number(top - 8)),
                           ("stroke", .text(TimelinePalette.grid))])
        for (i, (sample, text)) in Self.items.enumerated() {
            let (x, row) = positions[i]
            let y = top + Double(row) * Self.rowHeight + 11
            switch sample {
            case .glyph(let g, let e, let color):
                TimelineGlyph.draw(g, emphasis: e, color: color, x: x + Self.sampleWidth / 2, y: y, into: &w)
            case .bar(let lag, let clobbers):
                let color = TimelinePalette.operator
                w.element("rect", [("x", .number(x)), ("y", .number(y - 7)), ("width", .number(Self.sampleWidth)), ("height", 14),
                                   ("rx", 3), ("fill", .text(lag ? "url(#\(idPrefix)-hatch-\(color.dropFirst()))" : color)),
                                   ("fill-opacity", 0.88), ("stroke", .text(clobbers ? TimelinePalette.clobber : color)),
                                   ("stroke-width", clobbers ? 2 : 1)])
            case .span:
                w.element("rect", [("x", .number(x)), ("y", .number(y - 8)), ("width", .number(Self.sampleWidth)), ("height", 16),
                                   ("fill", .text(TimelinePalette.clobber)), ("fill-opacity", 0.1)])
            case .arrow(let loss):
                let color = loss ? TimelinePalette.clobber : TimelinePalette.transient
                w.element("path", [("d", .text("M\(SVGWriter.number(x)),\(SVGWriter.number(y + 4)) L\(SVGWriter.number(x + Self.sampleWidth - 2)),\(SVGWriter.number(y - 3))")),
                                   ("stroke", .text(color)), ("stroke-width", 2.2), ("fill", "none"),
                                   ("stroke-dasharray", loss ? "none" : "6 3"),
                                   ("marker-end", .text("url(#\(idPrefix)-\(loss ? "head-loss" : "head-transient"))"))])
            }
            w.element("text", [("x", .number(x + Self.sampleWidth + 6)), ("y", .number(y + 4)), ("font-size", .number(Self.size)),
                               ("fill", .text(TimelinePalette.ink))], text: text)
        }
        w.close("g")
    }
}
