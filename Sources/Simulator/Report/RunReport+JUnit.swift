extension RunReport {
    /// This run as a JUnit test case: the scenario's name, its profile as the class, the failed
    /// expectations as the failure, and the findings (lost, unrequested, stuck, …) as output.
    public var junitCase: JUnitReport.Case {
        let s = result.scenario
        let lost = findings.briefClauses.joined(separator: "\n")
        return JUnitReport.Case(name: s.name, className: "eks-sync-sim.\(s.profile.name)",
                                failures: passed ? nil : failures, output: lost)
    }
}
