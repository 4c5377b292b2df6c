/// One of the five fields of a cron expression: its bounds and names.
struct CronField {
    let name: String
    let min: Int
    /// The largest value accepted in the text (7 for day-of-week, read as Sunday).
    let max: Int
    /// The largest value stored (`*` covers `min...starMax`).
    let starMax: Int
    let names: [String: Int]

    static let minute = CronField(name: "minute", min: 0, max: 59, starMax: 59, names: [:])
    static let hour = CronField(name: "hour", min: 0, max: 23, starMax: 23, names: [:])
    static let dayOfMonth = CronField(name: "day-of-month", min: 1, max: 31, starMax: 31, names: [:])
    static let month = CronField(
        name: "month", min: 1, max: 12, starMax: 12,
        names: ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
                "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12])
    static let dayOfWeek = CronField(
        name: "day-of-week", min: 0, max: 7, starMax: 6,
        names: ["sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6])

    /// The set of values as a bitset, and whether the field is unrestricted (starts with `*`/`?`).
    func parse(_ text: String, in expression: String) throws(CronError) -> (bits: UInt64, star: Bool) {
        var bits: UInt64 = 0
        var star = false
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard !part.isEmpty else { throw error(text, "empty list element", in: expression) }
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2 else { throw error(text, "more than one \"/\" in \"\(part)\"", in: expression) }
            var step = 1
            if pieces.count == 2 {
                guard let n = Int(pieces[1]), n > 0 else {
                    throw error(text, "step \"\(pieces[1])\" must be a positive number", in: expression)
                }
                step = n
            }
            let range = pieces[0]
            var low: Int
            var high: Int
            if range == "*" || range == "?" {
                low = min
                high = starMax
                star = true
            } else {
                let bounds = range.split(separator: "-", omittingEmptySubsequences: false)
                guard bounds.count <= 2 else { throw error(text, "more than one \"-\" in \"\(range)\"", in: expression) }
                low = try value(bounds[0], field: text, in: expression)
                high = bounds.count == 2 ? try value(bounds[1], field: text, in: expression) : (pieces.count == 2 ? starMax : low)
                guard low <= high else {
                    throw error(text, "range start \(low) is after its end \(high)", in: expression)
                }
            }
            for v in stride(from: low, through: high, by: step) {
                bits |= 1 << UInt64(v > starMax ? v - starMax - 1 : v)
            }
        }
        return (bits, star)
    }

    private func value(_ token: Substring, field: String, in expression: String) throws(CronError) -> Int {
        if let n = Int(token) {
            guard n >= min && n <= max else {
                throw error(field, "value \(n) out of range \(min)-\(max)", in: expression)
            }
            return n
        }
        if let n = names[token.lowercased()] { return n }
        let expected = names.isEmpty ? "a number \(min)-\(max)"
            : "a number \(min)-\(max) or a name (\(name == "month" ? "jan-dec" : "sun-sat"))"
        throw error(field, "\"\(token)\" is not \(expected), \"*\", a range a-b or a step */n", in: expression)
    }

    private func error(_ fieldText: String, _ what: String, in expression: String) -> CronError {
        CronError(expression: expression, field: name, reason: "\(name) field \"\(fieldText)\": \(what)")
    }
}
