/// A JUnit XML report (the format CI systems read): one `<testsuite>`, one `<testcase>` per case,
/// a `<failure>` with the failed expectations as its message. Any command can build one from its
/// own cases; times are 0 because runs are simulated and the report must be deterministic.
public struct JUnitReport: Sendable {
    /// One test case: its name, its class (the group CI shows it under), and why it failed.
    public struct Case: Sendable {
        public var name: String
        public var className: String
        /// Nil when the case passed; the lines of the failure otherwise.
        public var failures: [String]?
        /// Extra text CI shows with the case (`<system-out>`).
        public var output: String

        public init(name: String, className: String, failures: [String]?, output: String = "") {
            self.name = name
            self.className = className
            self.failures = failures
            self.output = output
        }
    }

    public var suite: String
    public var cases: [Case]

    public init(suite: String, cases: [Case]) {
        self.suite = suite
        self.cases = cases
    }

    /// The XML text.
    public var xml: String {
        let failed = cases.filter { $0.failures != nil }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(a(suite))\" tests=\"\(cases.count)\" failures=\"\(failed)\" errors=\"0\" time=\"0\">\n"
        out += "  <testsuite name=\"\(a(suite))\" tests=\"\(cases.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
        for c in cases {
            out += "    <testcase name=\"\(a(c.name))\" classname=\"\(a(c.className))\" time=\"0\""
            if c.failures == nil && c.output.isEmpty { out += "/>\n"; continue }
            out += ">\n"
            if let failures = c.failures {
                let message = failures.first ?? "failed"
                out += "      <failure message=\"\(a(message))\" type=\"expectation\">\(t(failures.joined(separator: "\n")))</failure>\n"
            }
            if !c.output.isEmpty { out += "      <system-out>\(t(c.output))</system-out>\n" }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    private func a(_ s: String) -> String { SVGWriter.escapeAttribute(s) }
    private func t(_ s: String) -> String { SVGWriter.escapeText(s) }
}
