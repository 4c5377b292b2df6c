import ClusterStateMachine

/// A self-contained HTML page (inline SVG and CSS; no scripts, no fonts, nothing fetched) for a
/// run, or for a sweep with the run as written: picture, lost writes explained, settings, tool
/// version and the scenario's YAML, so the page alone is enough to run it again.
public enum HTMLPage {
    /// The page for one run.
    public static func run(_ report: RunReport) -> String {
        let s = report.result.scenario
        var body = header(s, verdict: verdict(report))
        var options = TimelinePicture.Options()
        options.header = false
        options.notes = false
        body += figure(TimelinePicture(report: report, options: options).svg,
                       caption: "One lane per actor; time runs left to right. A red arrow runs from where a stale value was read to the write that destroyed a person's value. Hover over any mark, bar or arrow for its details.")
        body += findings(report)
        body += settings(s)
        body += eventLog(report)
        body += source(s)
        body += footer(s)
        return document(title: "\(s.name) — eks-sync-sim timeline", body: body)
    }

    /// The page for a sweep: the offset axis with its lost windows, then the run as written.
    public static func sweep(_ sweep: SweepReport, baseline: RunReport) -> String {
        let s = sweep.sweep.scenario
        let result = sweep.sweep
        let step = s.steps[result.step]
        let windows = result.windows.count
        let verdict = windows == 0
            ? ("no write is lost anywhere in the range", "ok")
            : ("\(windows) window\(windows == 1 ? "" : "s") in which writes are lost", "loss")
        var body = header(s, verdict: verdict, kicker: "sweep of step \(result.step) (\(step.actor.rawValue) at \(DurationText.format(step.at)))")
        body += figure(SweepPicture(sweep, header: false, notes: false).svg,
                       caption: "Step \(result.step) moved by every offset from \(DurationText.format(result.from)) to \(DurationText.format(result.to)) (\(result.runs) runs). Red bands: offsets at which a write is lost.")
        body += "<section><h2>Windows</h2>\n"
        if result.windows.isEmpty {
            body += "<p>No write is lost anywhere in this range.</p>\n"
        } else {
            body += "<ol class=\"windows\">\n"
            for w in result.windows {
                let lost = w.lost.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", ")
                body += "<li><strong>[\(e(DurationText.format(w.from))), \(e(DurationText.format(w.to))))</strong> "
                body += "— step at \(e(baseline.result.clock(step.at + w.from))) up to \(e(baseline.result.clock(step.at + w.to))): "
                body += "<span class=\"who\">\(e(lost))</span> lost"
                body += "<br>opens \(e(w.opens.map { sweep.describe($0, edge: "opens") } ?? "at the start of the range"))"
                body += "<br>closes \(e(w.closes.map { sweep.describe($0, edge: "closes") } ?? "at the end of the range"))</li>\n"
            }
            body += "</ol>\n"
        }
        if !result.refusedWindows.isEmpty {
            body += "<h3>Where AWS refuses a write</h3>\n<ul class=\"refused\">\n"
            for w in result.refusedWindows {
                let refused = w.refused.map { "\($0.actor.rawValue) \($0.field) (\($0.operation) → \($0.code))" }.joined(separator: ", ")
                body += "<li><strong>[\(e(DurationText.format(w.from))), \(e(DurationText.format(w.to))))</strong> "
                body += "— step at \(e(baseline.result.clock(step.at + w.from))) up to \(e(baseline.result.clock(step.at + w.to))): \(e(refused))</li>\n"
            }
            body += "</ul>\n"
        }
        body += "</section>\n"
        var options = TimelinePicture.Options()
        options.header = false
        options.notes = false
        options.idPrefix = "base"
        body += "<h2 class=\"between\">The run as written (offset 0)</h2>\n"
        body += figure(TimelinePicture(report: baseline, options: options).svg, caption: "The scenario as written, step \(result.step) at \(DurationText.format(step.at)).")
        body += findings(baseline)
        body += settings(s, extra: [("sweep", "step \(result.step), --from \(DurationText.format(result.from)) --to \(DurationText.format(result.to)), \(result.runs) runs")])
        body += source(s)
        body += footer(s, command: "simctl sweep \(ScenarioSummary.quoted(s.sourcePath)) --step \(result.step) --from=\(DurationText.format(result.from)) --to=\(DurationText.format(result.to)) --profile \(s.profile.name)")
        return document(title: "\(s.name) — eks-sync-sim sweep", body: body)
    }

    // MARK: Parts

    /// Escapes text for HTML.
    public static func e(_ s: String) -> String { SVGWriter.escapeText(s) }
    /// Escapes an attribute value for HTML.
    public static func a(_ s: String) -> String { SVGWriter.escapeAttribute(s) }

    static func verdict(_ report: RunReport) -> (String, String) {
        let n = report.findings.lost.count
        var text = TimelineFindings.verdict(report.findings)
        if report.result.scenario.expect != nil { text += report.passed ? " · expectations hold" : " · expectations FAILED" }
        return (text, n == 0 && report.passed ? "ok" : "loss")
    }

    static func header(_ s: Scenario, verdict: (String, String), kicker: String? = nil) -> String {
        var out = "<header>\n"
        if let kicker { out += "<p class=\"kicker\">\(e(kicker))</p>\n" }
        out += "<h1>\(e(s.name))</h1>\n"
        let description = s.description.trimmingCharacters(in: .whitespacesAndNewlines)
        if !description.isEmpty { out += "<p class=\"desc\">\(e(description))</p>\n" }
        out += "<p><span class=\"verdict \(verdict.1)\">\(e(verdict.0))</span> <span class=\"meta\">\(e(ScenarioSummary(s).line))</span></p>\n"
        return out + "</header>\n"
    }

    static func figure(_ svg: String, caption: String) -> String {
        "<figure>\n" + svg + "<figcaption>\(e(caption))</figcaption>\n</figure>\n"
    }

    static func findings(_ report: RunReport) -> String {
        var out = "<section class=\"findings\"><h2>Lost writes</h2>\n"
        if report.findings.lost.isEmpty {
            out += "<p>No write is lost.</p>\n"
        } else {
            out += "<ol class=\"lost\">\n"
            for lost in report.findings.lost {
                let w = lost.write
                out += "<li data-actor=\"\(a(w.actor.rawValue))\" data-field=\"\(a(w.path.raw))\"><span class=\"who\">\(e(w.actor.rawValue)) \(e(w.path.raw))</span> "
                out += "<span class=\"when\">(step \(w.step), \(e(report.result.clock(w.at))))</span><br>\(e(lost.explanation))</li>\n"
            }
            out += "</ol>\n"
        }
        let others = TimelineFindings.otherFindings(report)
        if !others.isEmpty {
            out += "<h3>Also</h3><ul class=\"others\">\n" + others.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        if !report.failures.isEmpty {
            out += "<h3>Expectations that failed</h3><ul class=\"failures\">\n" + report.failures.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        return out + "</section>\n"
    }

    static func settings(_ s: Scenario, extra: [(String, String)] = []) -> String {
        var out = "<section class=\"settings\"><h2>Settings</h2>\n<table class=\"settings\">\n"
        for (k, v) in ScenarioSummary(s).rows + extra + s.notes.map({ ("note", $0) }) { out += "<tr><th>\(e(k))</th><td>\(e(v))</td></tr>\n" }
        return out + "</table>\n</section>\n"
    }

    static func eventLog(_ report: RunReport) -> String {
        let result = report.result
        let rows = result.log.filter { EventDescription.isNotable($0.event) }
        var out = "<section><details><summary>What happened (\(rows.count) events of \(result.log.count))</summary>\n<table class=\"events\">\n"
        for timed in rows {
            out += "<tr><td class=\"t\">\(e(result.clock(timed.at)))</td><td class=\"a a-\(a(timed.actor.rawValue))\">\(e(timed.actor.rawValue))</td><td>\(e(EventDescription.line(timed.event)))</td></tr>\n"
        }
        return out + "</table>\n</details></section>\n"
    }

    static func source(_ s: Scenario) -> String {
        "<section><details><summary>Scenario YAML (\(e(s.sourcePath.isEmpty ? s.name : s.sourcePath)))</summary>\n<pre class=\"yaml\">\(e(s.source))</pre>\n</details></section>\n"
    }

    static func footer(_ s: Scenario, command: String? = nil) -> String {
        "<footer>Made by \(e(ToolVersion.current)). Run it again: <code>\(e(command ?? ScenarioSummary(s).command))</code></footer>\n"
    }

    /// A whole page with the project's stylesheet (and `css`, for a page's own rules) around `body`.
    public static func document(title: String, body: String, css extra: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="\(a(ToolVersion.current))">
        <title>\(e(title))</title>
        <style>
        \(css)\(extra.isEmpty ? "" : "\n" + extra)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    static let css = """
    :root { color-scheme: light; --ink: #0f172a; --muted: #64748b; --red: #e11d48; --line: #e2e8f0; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #f1f5f9; color: var(--ink); font: 15px/1.5 \(TimelinePalette.sans); }
    main { max-width: 1440px; margin: 0 auto; padding: 20px 28px 40px; }
    header h1 { font-size: 24px; margin: 0 0 4px; letter-spacing: -0.01em; }
    .kicker { margin: 0; color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; }
    .desc { color: #334155; max-width: 110ch; margin: 4px 0 10px; }
    .verdict { display: inline-block; padding: 2px 12px; border-radius: 999px; font-weight: 600; font-size: 13px; margin-right: 8px; }
    .verdict.loss { background: #ffe4e6; color: #9f1239; }
    .verdict.ok { background: #dcfce7; color: #166534; }
    .meta { color: var(--muted); font-size: 13px; }
    figure { margin: 14px 0; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 6px; overflow-x: auto; }
    figure svg { display: block; width: 100%; height: auto; min-width: 1000px; }
    figcaption { color: var(--muted); font-size: 12.5px; padding: 4px 10px 2px; }
    section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 20px; margin: 14px 0; }
    h2 { font-size: 17px; margin: 0 0 8px; }
    h2.between { margin: 28px 0 0; }
    h3 { font-size: 14px; margin: 12px 0 4px; }
    ol.lost li, ol.windows li { margin: 8px 0; max-width: 130ch; }
    .who { font-weight: 700; color: var(--red); }
    .when { color: var(--muted); }
    table.settings { border-collapse: collapse; }
    table.settings th { text-align: left; vertical-align: top; color: var(--muted); font-weight: 500; padding: 3px 18px 3px 0; white-space: nowrap; }
    table.settings td { padding: 3px 0; }
    table.index { border-collapse: collapse; }
    table.index th { text-align: left; color: var(--muted); font-weight: 500; padding: 3px 18px 3px 0; }
    table.index td { padding: 3px 18px 3px 0; vertical-align: top; }
    table.index td.loss { color: var(--red); font-weight: 700; }
    table.events { border-collapse: collapse; font-size: 12.5px; margin-top: 8px; }
    table.events td { padding: 2px 12px 2px 0; vertical-align: top; }
    table.events td.t { font-family: \(TimelinePalette.mono); white-space: nowrap; color: var(--muted); }
    table.events td.a { font-weight: 600; }
    .a-rancher { color: \(TimelinePalette.rancherPerson); } .a-console { color: \(TimelinePalette.consolePerson); }
    .a-bridge { color: \(TimelinePalette.bridge); } .a-operator { color: \(TimelinePalette.operator); }
    .a-refresher { color: \(TimelinePalette.refresher); } .a-aws { color: \(TimelinePalette.aws); }
    details summary { cursor: pointer; font-weight: 600; }
    code, pre { font-family: \(TimelinePalette.mono); font-size: 12.5px; }
    pre.yaml { background: #0f172a; color: #e2e8f0; padding: 12px 14px; border-radius: 8px; overflow: auto; margin: 10px 0 0; }
    footer { color: var(--muted); font-size: 12.5px; margin-top: 18px; }
    footer code { background: #e2e8f0; padding: 1px 6px; border-radius: 4px; color: var(--ink); }
    svg .mark:hover text, svg .bar:hover text { text-decoration: underline; }
    svg .clobber:hover path:last-of-type { stroke-width: 3.4; }
    svg .window:hover rect { fill-opacity: 0.75; }
    @media print { body { background: #fff; } figure, section { border: none; } }
    """
}
