import ClusterStateMachine

/// Durations as scenario files spell them: `90s`, `2m30s`, `1h5m`, `250ms`, `0s`.
public enum DurationText {
    /// The longest duration or offset anything accepts: a year. Every time the simulator computes is
    /// a sum of a bounded number of these, so no time arithmetic can overflow.
    public static let maximum: SimTime = 8_760 * 3_600_000

    /// Why a text is not an accepted duration.
    public enum Problem: Error, Equatable, Sendable {
        /// Not the duration grammar at all.
        case notADuration
        /// Spelled right, but longer than `maximum` (or its negative).
        case tooLong
        /// A leading `-` where only durations ≥ 0 are allowed.
        case negative
    }

    /// Parses `text` into milliseconds; nil when it is not a duration (or does not fit 64 bits).
    public static func parse(_ text: String) -> SimTime? {
        var total: SimTime = 0
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let n = SimTime(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let unit: SimTime
            if rest.hasPrefix("ms") { unit = 1; rest = rest.dropFirst(2) }
            else if rest.hasPrefix("h") { unit = 3_600_000; rest = rest.dropFirst() }
            else if rest.hasPrefix("m") { unit = 60_000; rest = rest.dropFirst() }
            else if rest.hasPrefix("s") { unit = 1_000; rest = rest.dropFirst() }
            else { return nil }
            let (product, overflow) = n.multipliedReportingOverflow(by: unit)
            guard !overflow else { return nil }
            let (sum, sumOverflow) = total.addingReportingOverflow(product)
            guard !sumOverflow else { return nil }
            total = sum
        }
        return total
    }

    /// A duration within `±maximum`: `allowNegative` accepts a leading `-` (`-4m50s`).
    public static func parse(_ text: String, allowNegative: Bool) -> Result<SimTime, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let negative = trimmed.hasPrefix("-")
        let body = negative ? String(trimmed.dropFirst()) : trimmed
        // Digits alone that do not fit 64 bits are still a duration the user meant, only too long.
        guard let value = parse(body) else {
            return isDurationShaped(body) ? .failure(.tooLong) : .failure(.notADuration)
        }
        if negative && !allowNegative { return .failure(.negative) }
        guard value <= maximum else { return .failure(.tooLong) }
        return .success(negative ? -value : value)
    }

    /// `up to 8760h` for messages.
    public static var limitText: String { "up to \(format(maximum))" }

    /// True for text of the duration grammar, whatever its size (`99999999999999999999h`).
    static func isDurationShaped(_ text: String) -> Bool {
        var rest = Substring(text)
        guard !rest.isEmpty else { return false }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(digits.count)
            if rest.hasPrefix("ms") { rest = rest.dropFirst(2) }
            else if rest.hasPrefix("h") || rest.hasPrefix("m") || rest.hasPrefix("s") { rest = rest.dropFirst() }
            else { return false }
        }
        return true
    }

    /// The shortest spelling of `ms`: `2m30s`, `250ms`, `0s`.
    public static func format(_ ms: SimTime) -> String {
        if ms == 0 { return "0s" }
        var rest = ms.magnitude
        var out = ms < 0 ? "-" : ""
        for (unit, suffix) in [(UInt64(3_600_000), "h"), (60_000, "m"), (1_000, "s"), (1, "ms")] where rest >= unit {
            out += "\(rest / unit)\(suffix)"
            rest %= unit
        }
        return out
    }
}
