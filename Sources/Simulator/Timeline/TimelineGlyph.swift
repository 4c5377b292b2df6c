/// The shape of each kind of mark, drawn centred on a point.
public enum TimelineGlyph {
    public static func draw(_ mark: TimelineMark, x: Double, y: Double, into w: inout SVGWriter) {
        draw(mark.glyph, emphasis: mark.emphasis, color: mark.color, x: x, y: y, into: &w)
    }

    public static func draw(_ glyph: TimelineMark.Glyph, emphasis: TimelineMark.Emphasis, color: String,
                            x: Double, y: Double, into w: inout SVGWriter) {
        let n = SVGWriter.number
        let red = TimelinePalette.clobber
        let fill = emphasis == .clobber || emphasis == .lost ? red : color
        if emphasis == .clobber || emphasis == .lost {
            w.element("circle", [("cx", .number(x)), ("cy", .number(y)), ("r", 9.5), ("fill", .text(red)), ("fill-opacity", 0.14),
                                 ("stroke", .text(red)), ("stroke-width", 1.4)])
        }
        switch glyph {
        case .write:
            if emphasis == .refused {
                w.element("circle", [("cx", .number(x)), ("cy", .number(y)), ("r", 5), ("fill", "#ffffff"),
                                     ("stroke", .text(color)), ("stroke-width", 2)])
                w.element("line", [("x1", .number(x - 3.5)), ("y1", .number(y + 3.5)), ("x2", .number(x + 3.5)), ("y2", .number(y - 3.5)),
                                   ("stroke", .text(color)), ("stroke-width", 1.6)])
            } else {
                w.element("circle", [("cx", .number(x)), ("cy", .number(y)), ("r", 5.5), ("fill", .text(fill)),
                                     ("stroke", "#ffffff"), ("stroke-width", 1.5)])
            }
        case .change:
            w.element("path", [("d", .text("M\(n(x)),\(n(y - 6.5)) L\(n(x + 6.5)),\(n(y)) L\(n(x)),\(n(y + 6.5)) L\(n(x - 6.5)),\(n(y)) Z")),
                               ("fill", .text(fill)), ("stroke", "#ffffff"), ("stroke-width", 1.2)])
        case .tick:
            w.element("line", [("x1", .number(x)), ("y1", .number(y - 8)), ("x2", .number(x)), ("y2", .number(y + 8)),
                               ("stroke", .text(fill)), ("stroke-width", 3), ("stroke-linecap", "round")])
        case .action:
            w.element("rect", [("x", .number(x - 4.5)), ("y", .number(y - 4.5)), ("width", 9), ("height", 9), ("rx", 2),
                               ("fill", .text(fill)), ("fill-opacity", emphasis == .quiet ? 0.6 : 1)])
        case .error:
            w.element("path", [("d", .text("M\(n(x - 4)),\(n(y - 4)) L\(n(x + 4)),\(n(y + 4)) M\(n(x - 4)),\(n(y + 4)) L\(n(x + 4)),\(n(y - 4))")),
                               ("stroke", .text(fill)), ("stroke-width", 2.4), ("stroke-linecap", "round")])
        case .fault:
            w.element("path", [("d", .text("M\(n(x)),\(n(y - 6)) L\(n(x + 6)),\(n(y + 5)) L\(n(x - 6)),\(n(y + 5)) Z")),
                               ("fill", .text(fill))])
        case .initial:
            w.element("circle", [("cx", .number(x)), ("cy", .number(y)), ("r", 5), ("fill", "#ffffff"),
                                 ("stroke", .text(fill)), ("stroke-width", 2)])
        case .staleRead:
            w.element("circle", [("cx", .number(x)), ("cy", .number(y)), ("r", 5.5), ("fill", "#ffffff"),
                                 ("stroke", .text(color)), ("stroke-width", 2.2)])
            w.element("circle", [("cx", .number(x)), ("cy", .number(y)), ("r", 2), ("fill", .text(color))])
        }
    }
}
