import SyncEngine

/// UTC timestamps as scenarios and reports spell them (`2025-01-01T10:58:00Z`), without a wall clock.
public enum RFC3339 {
    /// Unix seconds for `2025-01-01T10:58:00Z` (or with a `+00:00` suffix); nil when malformed.
    public static func parse(_ text: String) -> Int64? {
        let chars = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= chars.count else { return nil }
            var n: Int64 = 0
            for c in chars[range] {
                guard c >= 48 && c <= 57 else { return nil }
                n = n * 10 + Int64(c - 48)
            }
            return n
        }
        guard chars.count >= 20, chars[4] == 45, chars[7] == 45, chars[10] == 84 || chars[10] == 116,
              chars[13] == 58, chars[16] == 58,
              let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let mi = number(14..<16), let s = number(17..<19),
              (1...12).contains(mo), (1...Int64(UTCCalendar.daysIn(year: y, month: Int(mo)))).contains(d), h < 24, mi < 60, s < 60
        else { return nil }
        let suffix = String(decoding: chars[19...], as: UTF8.self)
        guard suffix == "Z" || suffix == "z" || suffix == "+00:00" else { return nil }
        return UTCCalendar.days(year: y, month: Int(mo), day: Int(d)) * 86_400 + h * 3_600 + mi * 60 + s
    }

    /// `2025-01-01T10:58:00Z`, with milliseconds when `ms` is not a whole second.
    public static func format(epochSeconds: Int64, plusMilliseconds ms: Int64 = 0) -> String {
        let total = epochSeconds * 1000 + ms
        let secs = UTCCalendar.floorDiv(total, 1000)
        let frac = total - secs * 1000
        let days = UTCCalendar.floorDiv(secs, 86_400)
        let rem = secs - days * 86_400
        let (y, month, day) = UTCCalendar.date(days: days)
        let (m, d) = (Int64(month), Int64(day))
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var out = "\(y)-\(two(m))-\(two(d))T\(two(rem / 3600)):\(two(rem % 3600 / 60)):\(two(rem % 60))"
        if frac != 0 { out += "." + String(String(frac + 1000).dropFirst()) }
        return out + "Z"
    }

    /// `10:58:00` (with `.250` when needed): the clock time a timeline shows.
    public static func clockTime(epochSeconds: Int64, plusMilliseconds ms: Int64 = 0) -> String {
        let full = format(epochSeconds: epochSeconds, plusMilliseconds: ms)
        let t = full.firstIndex(of: "T").map { full.index(after: $0) } ?? full.startIndex
        return String(full[t...].dropLast())
    }
}
