extension RunReport {
    /// One line for a batch: `✓ name  (profile)  lost: console privateAccess; stuck: …`, or what failed.
    public var summaryLine: String {
        let s = result.scenario
        let clauses = findings.briefClauses
        let policy = s.policy == .rancher ? "" : ", policy \(s.policy.rawValue)"
        let head = (passed ? "✓ " : "✗ ") + "\(s.name)  (\(s.profile.name)\(policy))"
        let outcome = clauses.isEmpty ? ["no write lost"] : clauses
        // One line when it fits; else the outcome below, one clause a line, wrapped only inside a
        // clause too long for a line, so a phrase is never split where a clause could be.
        var out = head + "  " + outcome.joined(separator: "; ")
        if out.count > TextWrap.width {
            out = head + "\n" + outcome.enumerated().map { i, clause in
                TextWrap.wrap(clause + (i < outcome.count - 1 ? ";" : ""), lead: "    ", continuation: 6)
            }.joined().dropLast()
        }
        out += "\n"
        for failure in failures { out += TextWrap.wrap(failure, lead: "    FAILED: ", continuation: 6) }
        return String(out.dropLast())
    }
}
