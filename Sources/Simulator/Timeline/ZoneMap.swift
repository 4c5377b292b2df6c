import ClusterStateMachine

/// The map of a two-step sweep (SVG): d₁ across, d₂ up, each zone a polygon filled by outcome
/// (green: nothing lost; one colour per set of lost writes), with a legend.
public struct ZoneMap: Sendable {
    public let sweep: ZoneSweepResult

    public init(_ sweep: ZoneSweepResult) { self.sweep = sweep }

    public var svg: String {
        let s = sweep.scenario
        let (a, b) = sweep.steps
        let size = 520.0, left = 80.0, top = 70.0
        var sets: [[ExpectedLostWrite]] = []
        for r in sweep.lostRegions where !sets.contains(r.lost) { sets.append(r.lost) }
        let height = top + size + 60 + Double(sets.count + 1) * 20
        let heading = "\(s.name): steps \(a) and \(b) moved together"
        // Wide enough for the heading, so a long scenario name is not cut at the edge.
        let width = max(left + size + 40, 40 + TextWidth.of(heading, size: 17, bold: true))
        let sx = { (v: Double) in left + size * (v - Double(sweep.x.lowerBound)) / Double(max(1, sweep.x.upperBound - sweep.x.lowerBound)) }
        let sy = { (v: Double) in top + size - size * (v - Double(sweep.y.lowerBound)) / Double(max(1, sweep.y.upperBound - sweep.y.lowerBound)) }
        var w = SVGWriter()
        w.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", .text("0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))")),
                       ("width", .number(width)), ("height", .number(height)), ("font-family", .text(TimelinePalette.sans)),
                       ("role", "img"), ("class", "zone-map"), ("data-scenario", .text(s.name))])
        w.element("title", text: "Two-step sweep of \(s.name): steps \(a) and \(b), \(sweep.lostRegions.count) zone(s) with lost writes")
        w.element("rect", [("x", 0), ("y", 0), ("width", .number(width)), ("height", .number(height)), ("fill", "#ffffff")])
        w.element("text", [("x", 20), ("y", 28), ("font-size", 17), ("font-weight", "700"), ("fill", .text(TimelinePalette.ink))],
                  text: heading)
        w.element("text", [("x", 20), ("y", 48), ("font-size", 12), ("fill", .text(TimelinePalette.muted))],
                  text: "d1 moves step \(a) (\(s.steps[a].actor.rawValue) at \(DurationText.format(s.steps[a].at))), d2 moves step \(b) (\(s.steps[b].actor.rawValue) at \(DurationText.format(s.steps[b].at))) · \(sweep.runs) runs")
        for r in sweep.regions {
            let color = r.lost.isEmpty ? TimelinePalette.safeBand : SweepPicture.lossColors[(sets.firstIndex(of: r.lost) ?? 0) % SweepPicture.lossColors.count]
            let points = r.zone.polygon.map { "\(SVGWriter.number(sx($0.0))),\(SVGWriter.number(sy($0.1)))" }.joined(separator: " ")
            let lost = r.lost.isEmpty ? "nothing lost" : r.lost.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", ")
            w.group("g", [("class", .text(r.lost.isEmpty ? "zone safe" : "zone lost"))], title: lost) { w in
                w.element("polygon", [("points", .text(points)), ("fill", .text(color)), ("stroke", .text(color)), ("stroke-width", 0.5)])
            }
        }
        w.element("rect", [("x", .number(left)), ("y", .number(top)), ("width", .number(size)), ("height", .number(size)),
                           ("fill", "none"), ("stroke", .text(TimelinePalette.ink))])
        for k in 0...4 {
            let vx = sweep.x.lowerBound + (sweep.x.upperBound - sweep.x.lowerBound) * SimTime(k) / 4
            let vy = sweep.y.lowerBound + (sweep.y.upperBound - sweep.y.lowerBound) * SimTime(k) / 4
            w.element("text", [("x", .number(sx(Double(vx)))), ("y", .number(top + size + 16)), ("font-size", 11), ("text-anchor", "middle"),
                               ("fill", .text(TimelinePalette.muted))], text: DurationText.format(vx))
            w.element("text", [("x", .number(left - 6)), ("y", .number(sy(Double(vy)) + 4)), ("font-size", 11), ("text-anchor", "end"),
                               ("fill", .text(TimelinePalette.muted))], text: DurationText.format(vy))
        }
        w.element("text", [("x", .number(left + size / 2)), ("y", .number(top + size + 34)), ("font-size", 12), ("text-anchor", "middle"),
                           ("fill", .text(TimelinePalette.ink))], text: "d1: offset of step \(a)")
        w.element("text", [("x", 16), ("y", .number(top + size / 2)), ("font-size", 12), ("text-anchor", "middle"),
                           ("transform", .text("rotate(-90 16 \(SVGWriter.number(top + size / 2)))")), ("fill", .text(TimelinePalette.ink))],
                  text: "d2: offset of step \(b)")
        var y = top + size + 56
        for (n, set) in ([[]] + sets).enumerated() {
            let color = n == 0 ? TimelinePalette.safeBand : SweepPicture.lossColors[(n - 1) % SweepPicture.lossColors.count]
            w.element("rect", [("x", .number(left)), ("y", .number(y - 11)), ("width", 14), ("height", 14), ("fill", .text(color))])
            w.element("text", [("x", .number(left + 22)), ("y", .number(y)), ("font-size", 12), ("fill", .text(TimelinePalette.ink))],
                      text: set.isEmpty ? "nothing lost" : "lost: " + set.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", "))
            y += 20
        }
        w.close("svg")
        return w.text
    }
}
