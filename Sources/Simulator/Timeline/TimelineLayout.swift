import ClusterStateMachine

/// Where everything of a `TimelineModel` goes: lanes stacked top to bottom, marks and bars in
/// rows inside their lane so that no two labels in a row overlap, bursts of like marks merged,
/// labels that find no room shortened or dropped (their text stays in the tooltip), and arrows
/// routed between the marks they join.
public struct TimelineLayout: Sendable {
    /// An axis-aligned rectangle.
    public struct Box: Sendable, Hashable {
        public var x0, y0, x1, y1: Double
        public func overlaps(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
    }

    public struct PlacedLane: Sendable {
        public var lane: TimelineLane
        public var y0: Double
        public var y1: Double
    }

    public struct PlacedMark: Sendable {
        public var mark: TimelineMark
        /// The model marks it shows (several for a merged burst).
        public var sources: [Int]
        public var xs: [Double]
        public var y: Double
        public var row: Int
        /// The label as drawn ("" when dropped), where, and which way it runs from `labelX`.
        public var label: String
        public var labelX: Double
        public var labelRunsLeft: Bool
        public var labelBox: Box?
    }

    public struct PlacedBar: Sendable {
        public var bar: TimelineBar
        public var x0: Double
        public var x1: Double
        public var lagX: Double?
        public var y: Double
        public var height: Double
        public var row: Int
        public var label: String
        public var labelX: Double
        public var labelInside: Bool
        public var labelRunsLeft: Bool
        public var labelBox: Box?
    }

    public struct PlacedArrow: Sendable {
        public var arrow: TimelineArrow
        public var from: (x: Double, y: Double)
        public var to: (x: Double, y: Double)
        /// SVG path data of the curve, ending where the arrowhead's tip is.
        public var path: String
    }

    /// A drawn label, for checks that none overlaps another in its row.
    public struct LabelBox: Sendable {
        public var lane: TimelineLane
        /// "mark" or "bar" rows; rows of different kinds never share a band.
        public var kind: String
        public var row: Int
        public var box: Box
        public var text: String
    }

    public static let labelSize = 11.5
    public static let barLabelSize = 11.0
    static let rowHeight = 21.0
    static let barRowHeight = 21.0
    static let lanePadding = 7.0
    static let minimumLaneHeight = 46.0
    static let maxMarkRows = 7

    public let width: Double
    public let gutter: Double
    public let axis: TimeAxis
    public let axisY: Double
    public let plotTop: Double
    public private(set) var plotBottom: Double = 0
    public private(set) var lanes: [PlacedLane] = []
    public private(set) var marks: [PlacedMark] = []
    public private(set) var bars: [PlacedBar] = []
    public private(set) var arrows: [PlacedArrow] = []
    public let ticks: [TimeAxis.Tick]
    public private(set) var labelBoxes: [LabelBox] = []
    public let model: TimelineModel

    public var plotX0: Double { axis.x0 }

    public init(model: TimelineModel, startEpochSeconds: Int64, width: Double = 1360, top: Double = 0) {
        self.model = model
        self.width = width
        self.gutter = 184
        let axis = TimeAxis(anchors: model.anchors + [0], x0: gutter + 18, x1: width - 28, startEpochSeconds: startEpochSeconds)
        self.axis = axis
        self.axisY = top
        self.ticks = axis.ticks()
        self.plotTop = top + 30
        var y = plotTop
        var markIndex: [Int: Int] = [:]
        for lane in TimelineLane.allCases {
            let y0 = y
            var top = y0 + Self.lanePadding
            let barRows = placeBars(in: lane, top: top)
            top += Double(barRows) * Self.barRowHeight + (barRows > 0 ? 3 : 0)
            let markRows = placeMarks(in: lane, top: top, index: &markIndex)
            var height = Self.lanePadding * 2 + Double(barRows) * Self.barRowHeight + (barRows > 0 ? 3 : 0)
                + Double(markRows) * Self.rowHeight
            height = max(height, Self.minimumLaneHeight)
            lanes.append(PlacedLane(lane: lane, y0: y0, y1: y0 + height))
            y += height
        }
        self.plotBottom = y
        for (k, arrow) in model.arrows.enumerated() {
            let ends = model.arrowEnds[k]
            guard let f = markIndex[ends.from], let t = markIndex[ends.to] else { continue }
            let from = (axis.x(arrow.fromTime), marks[f].y)
            let to = (axis.x(arrow.toTime), marks[t].y)
            arrows.append(PlacedArrow(arrow: arrow, from: from, to: to, path: Self.curve(from: from, to: to)))
        }
    }

    // MARK: Bars

    private mutating func placeBars(in lane: TimelineLane, top: Double) -> Int {
        var packer = RowPacker(gap: 8)
        let size = Self.barLabelSize
        let right = width - 8
        for bar in model.bars.filter({ $0.lane == lane }).sorted(by: { ($0.from, $0.to) < ($1.from, $1.to) }) {
            let x0 = axis.x(bar.from)
            let x1 = max(axis.x(bar.to), x0 + 3)
            let textWidth = TextWidth.of(bar.label, size: size)
            var label = bar.label, labelX = x0 + 6, inside = true, runsLeft = false
            var span = RowPacker.Span(x0, x1)
            if textWidth + 12 > x1 - x0 {
                inside = false
                if x1 + 6 + textWidth <= right {
                    labelX = x1 + 6
                    span = RowPacker.Span(x0, x1 + 6 + textWidth)
                } else if x0 - 6 - textWidth >= plotX0 {
                    labelX = x0 - 6
                    runsLeft = true
                    span = RowPacker.Span(x0 - 6 - textWidth, x1)
                } else {
                    label = TextWidth.truncate(bar.label, toFit: max(0, right - x1 - 6), size: size)
                    if label.count < 6 { label = "" }
                    labelX = x1 + 6
                    span = RowPacker.Span(x0, x1 + 6 + TextWidth.of(label, size: size))
                }
            }
            let row = packer.add(span)!
            let y = top + Double(row) * Self.barRowHeight + 3
            let height = Self.barRowHeight - 6
            var labelBox: Box?
            if !label.isEmpty {
                let w = TextWidth.of(label, size: size)
                let bx0 = runsLeft ? labelX - w : labelX
                labelBox = Box(x0: bx0, y0: y, x1: bx0 + w, y1: y + height)
                labelBoxes.append(LabelBox(lane: lane, kind: "bar", row: row, box: labelBox!, text: label))
            }
            let lag = bar.lagUntil.flatMap { $0 > bar.from ? min(axis.x($0), x1) : nil }
            bars.append(PlacedBar(bar: bar, x0: x0, x1: x1, lagX: lag, y: y, height: height, row: row, label: label,
                                  labelX: labelX, labelInside: inside, labelRunsLeft: runsLeft, labelBox: labelBox))
        }
        return packer.rows.count
    }

    // MARK: Marks

    /// Priority when placing: lost writes and clobbers first, bookkeeping last.
    private static func priority(_ m: TimelineMark) -> Int {
        switch m.emphasis {
        case .lost, .clobber: 0
        case .refused, .reverted: 1
        case .normal: m.glyph == .write || m.glyph == .change || m.glyph == .staleRead ? 1 : 2
        case .quiet: 3
        }
    }

    /// Merges runs of like marks that would sit on top of each other (retries, repeated calls).
    private func merged(_ indices: [Int]) -> [(TimelineMark, [Int])] {
        var out: [(TimelineMark, [Int])] = []
        var open: [String: Int] = [:]  // merge key → its latest group in `out`
        for i in indices {
            let m = model.marks[i]
            if let key = m.mergeKey, let g = open[key], axis.x(m.at) - axis.x(out[g].0.times.last!) < 60 {
                out[g].0.times += m.times
                out[g].0.events += m.events
                out[g].0.detail += "\n" + m.detail
                out[g].1.append(i)
            } else {
                out.append((m, [i]))
                if let key = m.mergeKey { open[key] = out.count - 1 }
            }
        }
        return out.map { m, sources in
            var m = m
            if m.times.count > 1 { m.label += " ×\(m.times.count)" }
            return (m, sources)
        }
    }

    private mutating func placeMarks(in lane: TimelineLane, top: Double, index: inout [Int: Int]) -> Int {
        let indices = model.marks.indices.filter { model.marks[$0].lane == lane }
            .sorted { (model.marks[$0].at, $0) < (model.marks[$1].at, $1) }
        let groups = merged(indices)
        let order = groups.indices.sorted {
            (Self.priority(groups[$0].0), groups[$0].0.at, $0) < (Self.priority(groups[$1].0), groups[$1].0.at, $1)
        }
        let arrowSources = Set(model.arrowEnds.map(\.from))
        var packer = RowPacker(gap: 7, maxRows: Self.maxMarkRows)
        var placed: [(Int, PlacedMark)] = []
        let size = Self.labelSize
        let right = width - 8
        for g in order {
            let (mark, sources) = groups[g]
            let xs = mark.times.map { axis.x($0) }
            let bold = mark.emphasis == .lost || mark.emphasis == .clobber
            let radius = bold || sources.contains(where: arrowSources.contains) ? 10.5 : 7
            let gx0 = xs.min()! - radius, gx1 = xs.max()! + radius
            var choice: (row: Int, label: String, labelX: Double, left: Bool, span: RowPacker.Span)?
            var candidates = [mark.label]
            if !mark.label.isEmpty {
                let full = TextWidth.of(mark.label, size: size, bold: bold)
                for fraction in [0.6, 0.35] {
                    let cut = TextWidth.truncate(mark.label, toFit: full * fraction, size: size, bold: bold)
                    if cut.count >= 8 && !candidates.contains(cut) { candidates.append(cut) }
                }
                candidates.append("")
            }
            for text in candidates {
                let w = TextWidth.of(text, size: size, bold: bold)
                var options: [(Double, Bool, RowPacker.Span)] = []
                if text.isEmpty {
                    options = [(gx1, false, RowPacker.Span(gx0, gx1))]
                } else {
                    if gx1 + 1 + w <= right { options.append((gx1 + 1, false, RowPacker.Span(gx0, gx1 + 1 + w))) }
                    if gx0 - 1 - w >= gutter { options.append((gx0 - 1, true, RowPacker.Span(gx0 - 1 - w, gx1))) }
                }
                for (x, left, span) in options {
                    if let row = packer.row(for: span) {
                        choice = (row, text, x, left, span)
                        break
                    }
                }
                if choice != nil { break }
            }
            // No room in the allowed rows: the glyph alone goes in the first row with room for it.
            let glyph = RowPacker.Span(gx0, gx1)
            let c = choice ?? (packer.rows.firstIndex { !$0.contains { $0.overlaps(glyph, gap: packer.gap) } } ?? packer.rows.count,
                               "", gx1, false, glyph)
            packer.place(c.span, in: c.row)
            let y = top + Double(c.row) * Self.rowHeight + Self.rowHeight / 2
            var labelBox: Box?
            if !c.label.isEmpty {
                let w = TextWidth.of(c.label, size: size, bold: bold)
                let bx0 = c.left ? c.labelX - w : c.labelX
                labelBox = Box(x0: bx0, y0: y - 8, x1: bx0 + w, y1: y + 7)
                labelBoxes.append(LabelBox(lane: lane, kind: "mark", row: c.row, box: labelBox!, text: c.label))
            }
            placed.append((g, PlacedMark(mark: mark, sources: sources, xs: xs, y: y, row: c.row, label: c.label,
                                         labelX: c.labelX, labelRunsLeft: c.left, labelBox: labelBox)))
        }
        for (_, p) in placed.sorted(by: { $0.0 < $1.0 }) {
            for s in p.sources { index[s] = marks.count }
            marks.append(p)
        }
        return max(1, packer.rows.count)
    }

    // MARK: Arrows

    /// A curve from the stale read to the clobbering mark, its tip stopping short of the glyph.
    static func curve(from a: (Double, Double), to b: (Double, Double)) -> String {
        let (x1, y1) = a, (x2, y2) = b
        let dx = x2 - x1, dy = y2 - y1
        var c1: (Double, Double), c2: (Double, Double)
        if abs(dx) >= 36 {
            // Leave the stale read steeply (clear of its own label) and come down onto the target
            // at a slant, not along its row (where earlier labels are).
            let sign: Double = dy >= 0 ? 1 : -1
            c1 = (x1 + min(40, dx * 0.2), y1 + dy * 0.6)
            c2 = (x2 - min(70, dx * 0.35), y2 - sign * max(14, min(40, abs(dy) * 0.5)))
        } else if abs(dy) >= 1 {
            // The same moment, or nearly: a straight drop between the lanes.
            c1 = (x1 + dx / 3, y1 + dy / 3)
            c2 = (x2 - dx / 3, y2 - dy / 3)
        } else {
            c1 = (x1 - 20, y1 - 34)
            c2 = (x2 + 20, y2 - 34)
        }
        // Stop 8 px before the target, along the curve's final direction.
        let tx = x2 - c2.0, ty = y2 - c2.1
        let length = max(0.001, (tx * tx + ty * ty).squareRoot())
        let end = (x2 - tx / length * 8, y2 - ty / length * 8)
        let n = SVGWriter.number
        return "M\(n(x1)),\(n(y1)) C\(n(c1.0)),\(n(c1.1)) \(n(c2.0)),\(n(c2.1)) \(n(end.0)),\(n(end.1))"
    }
}
