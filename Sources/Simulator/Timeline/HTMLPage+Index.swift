extension HTMLPage {
    /// The page that links the pages of several runs: one row per scenario with its verdict and
    /// lost writes, and a closing tally. `links[i]` is the path of `reports[i]`'s page, relative
    /// to the index.
    public static func index(_ reports: [RunReport], links: [String]) -> String {
        let passed = reports.filter(\.passed).count
        let lost = reports.map(\.findings.lost.count).reduce(0, +)
        var body = "<header>\n<h1>\(reports.count) scenarios</h1>\n"
        body += "<p class=\"verdict \(passed == reports.count ? "ok" : "loss")\">\(e(RunTally(reports).line))</p>\n</header>\n"
        body += "<section><h2>Runs</h2>\n<table class=\"index\">\n"
        body += "<tr><th>scenario</th><th>profile</th><th>expectations</th><th>lost writes</th></tr>\n"
        for (report, link) in zip(reports, links) {
            let s = report.result.scenario
            let writes = report.findings.lost.map { "\($0.write.actor.rawValue) \($0.write.path)" }.joined(separator: ", ")
            body += "<tr><td><a href=\"\(a(link))\">\(e(s.name))</a></td><td>\(e(s.profile.name))</td>"
            body += "<td class=\"\(report.passed ? "ok" : "loss")\">\(report.passed ? "pass" : "FAILED")</td>"
            body += "<td>\(writes.isEmpty ? "–" : e(writes))</td></tr>\n"
        }
        body += "</table>\n</section>\n"
        body += "<footer>Made by \(e(ToolVersion.current)); \(lost) lost write\(lost == 1 ? "" : "s") in all.</footer>\n"
        return document(title: "\(reports.count) scenarios — eks-sync-sim", body: body)
    }

    /// `target` relative to the directory holding `from` (both as given on the command line).
    public static func relativePath(_ target: String, from: String) -> String {
        func directory(_ path: String) -> [Substring] {
            Array(path.split(separator: "/", omittingEmptySubsequences: true).dropLast())
        }
        let base = directory(from), parts = target.split(separator: "/", omittingEmptySubsequences: true)
        guard from.hasPrefix("/") == target.hasPrefix("/") else { return target }
        var common = 0
        while common < base.count, common < parts.count - 1, base[common] == parts[common] { common += 1 }
        let up = Array(repeating: "..", count: base.count - common)
        return (up + parts[common...].map(String.init)).joined(separator: "/")
    }
}
