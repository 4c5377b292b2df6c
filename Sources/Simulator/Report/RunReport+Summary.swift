extension RunReport {
    /// One line for a batch: `✓ name  (profile)  lost: console privateAccess`, or what failed.
    public var summaryLine: String {
        let s = result.scenario
        let lost = findings.lost.map { "\($0.write.actor.rawValue) \($0.write.path)" }
        var line = "\(passed ? "✓" : "✗") \(s.name)  (\(s.profile.name))  "
        line += lost.isEmpty ? "no write lost" : "lost: " + lost.joined(separator: ", ")
        if !passed { line += "\n    FAILED: " + failures.joined(separator: "\n    FAILED: ") }
        return line
    }
}
