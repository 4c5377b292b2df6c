/// A five-field cron expression (`minute hour day-of-month month day-of-week`), evaluated in UTC.
///
/// Rancher v2.5.0–v2.5.7 schedule the refresher with robfig/cron's `ParseStandard` on the
/// `eks-refresh-cron` setting (reference §4.1). Supported: `*` and its synonym `?`, numbers, lists
/// `a,b`, ranges `a-b`, steps `*/n`, `a-b/n` and `a/n` (= `a-max/n`, as robfig/cron reads it),
/// month names `jan`–`dec`, day names `sun`–`sat`, Sunday as 0 or 7 (robfig/cron itself rejects 7),
/// and the descriptors `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`,
/// `@hourly`. `@every` is refused: it is not wall-clock aligned.
///
/// Day matching follows standard cron and robfig/cron: when both day fields are restricted (neither
/// starts with `*` or `?`), a day matches if **either** matches; otherwise both must.
public struct CronExpression: Hashable, Sendable, CustomStringConvertible {
    /// The expression as written.
    public let source: String
    let minutes: UInt64
    let hours: UInt64
    let daysOfMonth: UInt64
    let months: UInt64
    let daysOfWeek: UInt64
    let dayOfMonthIsStar: Bool
    let dayOfWeekIsStar: Bool

    /// `*/5 * * * *`, the default of `eks-refresh-cron`.
    public static let everyFiveMinutes: CronExpression = {
        do { return try CronExpression(parsing: "*/5 * * * *") } catch { fatalError("\(error)") }
    }()

    /// Parses `text`; the error names the offending field and what was expected.
    public init(parsing text: String) throws(CronError) {
        source = text
        let trimmed = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        var fields = trimmed.map(String.init)
        if let first = fields.first, first.hasPrefix("@") {
            fields = try Self.descriptor(first, arguments: fields.count - 1, in: text)
        }
        guard fields.count == 5 else {
            throw CronError(expression: text, field: nil,
                            reason: "expected 5 fields (minute hour day-of-month month day-of-week), got \(fields.count)")
        }
        let minute = try CronField.minute.parse(fields[0], in: text)
        let hour = try CronField.hour.parse(fields[1], in: text)
        let dom = try CronField.dayOfMonth.parse(fields[2], in: text)
        let month = try CronField.month.parse(fields[3], in: text)
        let dow = try CronField.dayOfWeek.parse(fields[4], in: text)
        minutes = minute.bits
        hours = hour.bits
        daysOfMonth = dom.bits
        months = month.bits
        daysOfWeek = dow.bits
        dayOfMonthIsStar = dom.star
        dayOfWeekIsStar = dow.star
        // With the day of week unrestricted only the day of month decides: it must exist in a month.
        if !dom.star && dow.star {
            let possible = (1...12).contains { m in
                months & (1 << UInt64(m)) != 0 && (1...Self.maxDays(month: m)).contains { daysOfMonth & (1 << UInt64($0)) != 0 }
            }
            if !possible {
                throw CronError(expression: text, field: "day-of-month",
                                reason: "day-of-month field \"\(fields[2])\" never occurs in month field \"\(fields[3])\"")
            }
        }
    }

    public var description: String { source }

    /// The first fire time strictly after `epochSeconds` (Unix seconds, UTC), like robfig/cron's
    /// `Schedule.Next`. Skips whole months, days and hours that cannot match.
    public func next(after epochSeconds: Int64) -> Int64 {
        let startMinute = UTCCalendar.floorDiv(epochSeconds, 60) + 1
        var day = UTCCalendar.floorDiv(startMinute, 1440)
        let minuteOfDay = Int(startMinute - day * 1440)
        var (year, month, dayOfMonth) = UTCCalendar.date(days: day)
        var hour = minuteOfDay / 60
        var minute = minuteOfDay % 60

        func nextDay() {
            day += 1
            (year, month, dayOfMonth) = UTCCalendar.date(days: day)
            hour = 0
            minute = 0
        }

        // The parse-time check guarantees a match within eight years (a 29 February).
        for _ in 0..<100_000 {
            if months & (1 << UInt64(month)) == 0 {
                // Jump to the first day of the next month.
                let nextMonth = month == 12 ? 1 : month + 1
                day = UTCCalendar.days(year: month == 12 ? year + 1 : year, month: nextMonth, day: 1)
                (year, month, dayOfMonth) = UTCCalendar.date(days: day)
                hour = 0
                minute = 0
                continue
            }
            if !dayMatches(dayOfMonth: dayOfMonth, weekday: UTCCalendar.weekday(days: day)) {
                nextDay()
                continue
            }
            guard let h = Self.nextBit(hours, from: hour, max: 23) else {
                nextDay()
                continue
            }
            if h != hour {
                hour = h
                minute = 0
            }
            guard let m = Self.nextBit(minutes, from: minute, max: 59) else {
                hour += 1
                minute = 0
                if hour > 23 { nextDay() }
                continue
            }
            return ((day * 1440) + Int64(hour * 60 + m)) * 60
        }
        preconditionFailure("cron expression \"\(source)\" has no fire time after \(epochSeconds)")
    }

    private func dayMatches(dayOfMonth: Int, weekday: Int) -> Bool {
        let domMatch = daysOfMonth & (1 << UInt64(dayOfMonth)) != 0
        let dowMatch = daysOfWeek & (1 << UInt64(weekday)) != 0
        if dayOfMonthIsStar || dayOfWeekIsStar { return domMatch && dowMatch }
        return domMatch || dowMatch
    }

    private static func nextBit(_ set: UInt64, from: Int, max: Int) -> Int? {
        guard from <= max else { return nil }
        let masked = set & ~((UInt64(1) << UInt64(from)) &- 1)
        guard masked != 0 else { return nil }
        let bit = masked.trailingZeroBitCount
        return bit <= max ? bit : nil
    }

    private static func maxDays(month: Int) -> Int {
        month == 2 ? 29 : UTCCalendar.daysIn(year: 2001, month: month)
    }

    private static func descriptor(_ word: String, arguments: Int, in text: String) throws(CronError) -> [String] {
        switch arguments == 0 ? word.lowercased() : "" {
        case "@yearly", "@annually": return ["0", "0", "1", "1", "*"]
        case "@monthly": return ["0", "0", "1", "*", "*"]
        case "@weekly": return ["0", "0", "*", "*", "0"]
        case "@daily", "@midnight": return ["0", "0", "*", "*", "*"]
        case "@hourly": return ["0", "*", "*", "*", "*"]
        default:
            if arguments > 0 && word.lowercased() != "@every" {
                throw CronError(expression: text, field: nil, reason: "descriptor \"\(word)\" takes no fields, got \(arguments) more")
            }
            throw CronError(expression: text, field: nil,
                            reason: "unknown descriptor \"\(word)\"; expected @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly (@every is not wall-clock aligned and is not supported)")
        }
    }
}

/// An invalid cron expression: which field, and what was expected.
public struct CronError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The whole expression.
    public let expression: String
    /// `minute`, `hour`, `day-of-month`, `month` or `day-of-week`; nil when the shape is wrong.
    public let field: String?
    /// What is wrong, naming the field: `minute field "61": value 61 out of range 0-59`.
    public let reason: String

    public var description: String { reason }
}
