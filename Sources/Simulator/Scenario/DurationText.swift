import ClusterStateMachine

/// Durations as scenario files spell them: `90s`, `2m30s`, `1h5m`, `250ms`, `0s`.
public enum DurationText {
    /// Parses `text` into milliseconds; nil when it is not a duration.
    public static func parse(_ text: String) -> SimTime? {
        var total: SimTime = 0
        var digits = ""
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            digits = String(rest.prefix { $0.isASCII && $0.isNumber })
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
            total += product
        }
        return total
    }

    /// The shortest spelling of `ms`: `2m30s`, `250ms`, `0s`.
    public static func format(_ ms: SimTime) -> String {
        if ms == 0 { return "0s" }
        var rest = abs(ms)
        var out = ms < 0 ? "-" : ""
        for (unit, suffix) in [(SimTime(3_600_000), "h"), (60_000, "m"), (1_000, "s"), (1, "ms")] where rest >= unit {
            out += "\(rest / unit)\(suffix)"
            rest %= unit
        }
        return out
    }
}

import Foundation
