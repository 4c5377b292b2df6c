import SyncEngine

/// UTC timestamps as scenarios and reports spell them (`2025-01-01T10:58:00Z`), without a wall clock.
public enum RFC3339 {
    /// Unix seconds for a whole-second time like `2025-01-01T10:58:00Z`; nil when malformed or
    /// when it has a fraction of a second (a scenario's `start`).
    public static func parse(_ text: String) -> Int64? {
        guard let ms = parseMilliseconds(text), ms % 1000 == 0 else { return nil }
        return ms / 1000
    }

    /// Unix milliseconds for any RFC 3339 time: `2025-01-01T10:58:00Z`, `…T10:58:00.250Z`,
    /// `…T11:58:00+01:00`; fractions past milliseconds are cut. Nil when malformed.
    public static func parseMilliseconds(_ text: String) -> Int64? {
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
        var i = 19
        var ms: Int64 = 0
        if i < chars.count, chars[i] == 46 {  // "."
            var digits = 0
            i += 1
            while i < chars.count, chars[i] >= 48, chars[i] <= 57 {
                if digits < 3 { ms = ms * 10 + Int64(chars[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 3)..<3 { ms *= 10 }
        }
        var offset: Int64 = 0
        let zone = chars[i...]
        if zone.count == 1, zone.first == 90 || zone.first == 122 {  // Z
        } else if zone.count == 6, zone.first == 43 || zone.first == 45, zone[zone.startIndex + 3] == 58,
                  let oh = number((i + 1)..<(i + 3)), let om = number((i + 4)..<(i + 6)), oh < 24, om < 60 {
            offset = (oh * 60 + om) * 60 * (zone.first == 43 ? 1 : -1)
        } else {
            return nil
        }
        let seconds = UTCCalendar.days(year: y, month: Int(mo), day: Int(d)) * 86_400 + h * 3_600 + mi * 60 + s - offset
        return seconds * 1000 + ms
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
