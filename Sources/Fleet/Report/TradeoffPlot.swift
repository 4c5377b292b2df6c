import Foundation
import Simulator

/// The trade-off picture: lost writes per 1,000 cluster-days (with the 95% interval) against API
/// calls per second, one point per refresh setting, one line per release. Self-contained SVG.
struct TradeoffPlot {
    let report: FleetReport

    static let colors = ["#2563eb", "#e11d48", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#a16207", "#4b5563"]
    let width = 880.0, height = 520.0
    let left = 78.0, right = 200.0, top = 40.0, bottom = 64.0

    var svg: String {
        let results = report.results
        let maxX = niceCeiling(results.map(\.callsPerSecondMean).max() ?? 1)
        let maxY = niceCeiling(results.map(\.lostPer1000.high).max() ?? 1)
        let plotW = width - left - right, plotH = height - top - bottom
        func x(_ v: Double) -> Double { left + v / maxX * plotW }
        func y(_ v: Double) -> Double { top + plotH - v / maxY * plotH }

        var w = SVGWriter()
        w.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", .text("0 0 \(Int(width)) \(Int(height))")),
                       ("width", .number(width)), ("height", .number(height)), ("font-family", "sans-serif"), ("font-size", 12)])
        w.element("rect", [("x", 0), ("y", 0), ("width", .number(width)), ("height", .number(height)), ("fill", "#ffffff")])
        w.element("text", [("x", .number(left)), ("y", 22), ("font-size", 15), ("font-weight", "600")],
                  text: "\(report.fleet.name): lost writes against API calls")
        for i in 0...5 {
            let vx = maxX * Double(i) / 5, vy = maxY * Double(i) / 5
            w.element("line", [("x1", .number(x(vx))), ("y1", .number(top)), ("x2", .number(x(vx))), ("y2", .number(top + plotH)), ("stroke", "#e2e8f0")])
            w.element("line", [("x1", .number(left)), ("y1", .number(y(vy))), ("x2", .number(left + plotW)), ("y2", .number(y(vy))), ("stroke", "#e2e8f0")])
            w.element("text", [("x", .number(x(vx))), ("y", .number(top + plotH + 18)), ("text-anchor", "middle"), ("fill", "#475569")], text: label(vx))
            w.element("text", [("x", .number(left - 8)), ("y", .number(y(vy) + 4)), ("text-anchor", "end"), ("fill", "#475569")], text: label(vy))
        }
        w.element("rect", [("x", .number(left)), ("y", .number(top)), ("width", .number(plotW)), ("height", .number(plotH)), ("fill", "none"), ("stroke", "#94a3b8")])
        w.element("text", [("x", .number(left + plotW / 2)), ("y", .number(height - 18)), ("text-anchor", "middle")],
                  text: "API calls per second (mean over the edit window, all accounts)")
        w.element("text", [("x", 18), ("y", .number(top + plotH / 2)), ("text-anchor", "middle"),
                           ("transform", .text("rotate(-90 18 \(SVGWriter.number(top + plotH / 2)))"))],
                  text: "lost writes per 1,000 cluster-days (95% interval)")

        for (i, profile) in report.fleet.profiles.enumerated() {
            let color = Self.colors[i % Self.colors.count]
            let points = results.filter { $0.combination.profile == profile }.sorted { $0.callsPerSecondMean < $1.callsPerSecondMean }
            if points.count > 1 {
                let d = points.enumerated().map { j, r in "\(j == 0 ? "M" : "L")\(SVGWriter.number(x(r.callsPerSecondMean))) \(SVGWriter.number(y(r.lostPer1000.value)))" }.joined(separator: " ")
                w.element("path", [("d", .text(d)), ("fill", "none"), ("stroke", .text(color)), ("stroke-width", 2)])
            }
            for r in points {
                let px = x(r.callsPerSecondMean)
                let tip = "\(profile.name), \(FleetReport.settingText(r.combination.setting)): \(r.lostWrites) lost of \(r.writes) writes, "
                    + "\(FleetReport.fixed(r.lostPer1000.value, 2)) per 1,000 cluster-days [\(FleetReport.fixed(r.lostPer1000.low, 2))–\(FleetReport.fixed(r.lostPer1000.high, 2))], "
                    + "\(FleetReport.fixed(r.callsPerSecondMean, 2)) calls/s, peak \(r.callsPerSecondPeak), \(r.throttled) throttled"
                w.group("g", [("class", "point")], title: tip) { w in
                    w.element("line", [("x1", .number(px)), ("y1", .number(y(r.lostPer1000.low))), ("x2", .number(px)), ("y2", .number(y(r.lostPer1000.high))),
                                       ("stroke", .text(color)), ("stroke-opacity", 0.5), ("stroke-width", 6)])
                    w.element("circle", [("cx", .number(px)), ("cy", .number(y(r.lostPer1000.value))), ("r", 5),
                                         ("fill", r.throttled > 0 ? "#ffffff" : .text(color)), ("stroke", .text(color)), ("stroke-width", 2)])
                    // Each release's labels sit on their own row above the points, so that settings of
                    // different releases at the same spot stay readable.
                    w.element("text", [("x", .number(px + 8)), ("y", .number(y(r.lostPer1000.value) - 8 - 13 * Double(i))), ("fill", .text(color)), ("font-size", 11)],
                              text: r.combination.setting.isCron ? r.combination.setting.label : "\(r.combination.setting.label)s")
                }
            }
            let ly = top + 14 + Double(i) * 20
            w.element("line", [("x1", .number(width - right + 16)), ("y1", .number(ly)), ("x2", .number(width - right + 36)), ("y2", .number(ly)),
                               ("stroke", .text(color)), ("stroke-width", 3)])
            w.element("text", [("x", .number(width - right + 42)), ("y", .number(ly + 4))], text: profile.name)
        }
        let ly = top + 14 + Double(report.fleet.profiles.count) * 20 + 8
        w.element("circle", [("cx", .number(width - right + 26)), ("cy", .number(ly)), ("r", 5), ("fill", "#ffffff"), ("stroke", "#475569"), ("stroke-width", 2)])
        w.element("text", [("x", .number(width - right + 42)), ("y", .number(ly + 4))], text: "throttled (429s)")
        w.close("svg")
        return w.text
    }

    private func niceCeiling(_ v: Double) -> Double {
        guard v > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(v)))
        for step in [1.0, 2, 2.5, 5, 10] where step * magnitude >= v { return step * magnitude }
        return 10 * magnitude
    }

    private func label(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : FleetReport.fixed(v, v < 1 ? 2 : 1)
    }
}

extension FleetReport {
    /// `--html F`: the table, the recommendation and the trade-off plot on one self-contained page.
    public var html: String {
        let e = SVGWriter.escapeText
        let body = """
        <header><p class="kicker">eks-sync-sim fleet\(fleet.policy.map { " · every engine under the \(e($0.rawValue)) sync policy" } ?? "")</p><h1>\(e(fleet.name))</h1>
        <p class="desc">\(e(recommendation))</p></header>
        <figure>\(TradeoffPlot(report: self).svg)<figcaption>One point per refresh setting, one line per release; the bar is the exact Poisson 95% interval; an open circle was throttled.</figcaption></figure>
        <section><h2>Results</h2><pre>\(e(text))</pre></section>

        """
        return HTMLPage.document(title: "fleet \(fleet.name)", body: body)
    }
}
