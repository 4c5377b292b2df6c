extension RunReport {
    /// One line for a batch: `✓ name  (profile)  lost: console privateAccess`, or what failed.
    public var summaryLine: String {
        let s = result.scenario
        let lost = findings.lost.map { "\($0.write.actor.rawValue) \($0.write.path)" }
        var line = "\(s.name)  (\(s.profile.name))  "
        line += lost.isEmpty ? "no write lost" : "lost: " + lost.joined(separator: ", ")
        var out = TextWrap.wrap(line, lead: passed ? "✓ " : "✗ ", continuation: 4)
        for failure in failures { out += TextWrap.wrap(failure, lead: "    FAILED: ", continuation: 6) }
        return String(out.dropLast())
    }
}
