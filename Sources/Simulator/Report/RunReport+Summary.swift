extension RunReport {
    /// One line for a batch: `✓ name  (profile)  lost: console privateAccess; stuck: …`, or what failed.
    public var summaryLine: String {
        let s = result.scenario
        let clauses = findings.briefClauses
        let policy = s.policy == .rancher ? "" : ", policy \(s.policy.rawValue)"
        var line = "\(s.name)  (\(s.profile.name)\(policy))  "
        line += clauses.isEmpty ? "no write lost" : clauses.joined(separator: "; ")
        var out = TextWrap.wrap(line, lead: passed ? "✓ " : "✗ ", continuation: 4)
        for failure in failures { out += TextWrap.wrap(failure, lead: "    FAILED: ", continuation: 6) }
        return String(out.dropLast())
    }
}
