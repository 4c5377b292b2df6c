import Foundation
@testable import SyncEngine
import XCTest

/// `eks-refresh-cron`: parsing and fire times (robfig/cron `ParseStandard`, UTC).
final class CronExpressionTests: XCTestCase {
    private func cron(_ text: String) throws -> CronExpression { try CronExpression(parsing: text) }

    private func utc(_ text: String) -> Int64 {
        let formatter = ISO8601DateFormatter()
        return Int64(formatter.date(from: text + "Z")!.timeIntervalSince1970)
    }

    private func next(_ expression: String, after: String) throws -> String {
        let seconds = try cron(expression).next(after: utc(after))
        let formatter = ISO8601DateFormatter()
        return String(formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))).dropLast())
    }

    func testDefaultEveryFiveMinutes() throws {
        XCTAssertEqual(CronExpression.everyFiveMinutes.source, "*/5 * * * *")
        XCTAssertEqual(try next("*/5 * * * *", after: "2025-01-01T10:58:00"), "2025-01-01T11:00:00")
        XCTAssertEqual(try next("*/5 * * * *", after: "2025-01-01T11:00:00"), "2025-01-01T11:05:00", "strictly after")
        XCTAssertEqual(try next("*/5 * * * *", after: "2025-01-01T11:04:59"), "2025-01-01T11:05:00")
        XCTAssertEqual(try next("*/5 * * * *", after: "2024-12-31T23:57:30"), "2025-01-01T00:00:00", "year boundary")
    }

    func testListsRangesStepsAndNames() throws {
        XCTAssertEqual(try next("15,45 * * * *", after: "2025-01-01T10:20:00"), "2025-01-01T10:45:00")
        XCTAssertEqual(try next("0 9-17/4 * * *", after: "2025-01-01T13:00:00"), "2025-01-01T17:00:00")
        XCTAssertEqual(try next("30 2/12 * * *", after: "2025-01-01T15:00:00"), "2025-01-02T02:30:00", "a/n is a-max/n")
        XCTAssertEqual(try next("0 12 * jan,jul mon-fri", after: "2025-01-31T12:00:00"), "2025-07-01T12:00:00")
        XCTAssertEqual(try next("0 0 * * SUN", after: "2025-01-02T00:00:00"), "2025-01-05T00:00:00")
        XCTAssertEqual(try next("0 0 * * 7", after: "2025-01-02T00:00:00"), "2025-01-05T00:00:00", "7 is Sunday")
        XCTAssertEqual(try next("0 0 * * 5-7", after: "2025-01-04T00:00:00"), "2025-01-05T00:00:00")
        XCTAssertEqual(try next("@hourly", after: "2025-01-01T10:58:00"), "2025-01-01T11:00:00")
        XCTAssertEqual(try next("@weekly", after: "2025-01-01T10:58:00"), "2025-01-05T00:00:00")
    }

    func testMonthAndDayBoundaries() throws {
        XCTAssertEqual(try next("0 0 1 * *", after: "2025-01-31T12:00:00"), "2025-02-01T00:00:00")
        XCTAssertEqual(try next("0 0 31 * *", after: "2025-02-01T00:00:00"), "2025-03-31T00:00:00", "skips February")
        XCTAssertEqual(try next("0 0 29 2 *", after: "2025-03-01T00:00:00"), "2028-02-29T00:00:00", "leap day")
        XCTAssertEqual(try next("0 0 1 1 *", after: "2025-12-31T23:59:59"), "2026-01-01T00:00:00")
        XCTAssertEqual(try next("59 23 31 12 *", after: "2025-01-01T00:00:00"), "2025-12-31T23:59:00")
    }

    func testDayOfMonthOrDayOfWeekWhenBothAreRestricted() throws {
        // 2025-06-01 is a Sunday.
        XCTAssertEqual(try next("0 0 1 * 1", after: "2025-06-01T00:00:00"), "2025-06-02T00:00:00", "Monday the 2nd: OR")
        XCTAssertEqual(try next("0 0 1 * 1", after: "2025-06-30T00:00:00"), "2025-07-01T00:00:00", "the 1st, a Tuesday: OR")
        XCTAssertEqual(try next("0 0 13 * 5", after: "2025-06-01T00:00:00"), "2025-06-06T00:00:00")
        // A day field starting with `*` is unrestricted: AND.
        XCTAssertEqual(try next("0 0 */2 * 1", after: "2025-06-01T00:00:00"), "2025-06-09T00:00:00", "odd days that are Mondays")
        XCTAssertEqual(try next("0 0 * * 1", after: "2025-06-01T00:00:00"), "2025-06-02T00:00:00")
    }

    func testAgreesWithAMinuteByMinuteSearch() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func matches(_ bits: (Int, Int, Int, Int, Int), _ e: CronExpression) -> Bool {
            let (minute, hour, day, month, weekday) = bits
            let dom = e.daysOfMonth & (1 << UInt64(day)) != 0
            let dow = e.daysOfWeek & (1 << UInt64(weekday)) != 0
            let dayOK = e.dayOfMonthIsStar || e.dayOfWeekIsStar ? dom && dow : dom || dow
            return e.minutes & (1 << UInt64(minute)) != 0 && e.hours & (1 << UInt64(hour)) != 0
                && e.months & (1 << UInt64(month)) != 0 && dayOK
        }
        let expressions = ["*/7 * * * *", "3 */5 * * *", "10-20/3 1,13 * * *", "0 0 * * 2-4", "45 6 2-5 * wed", "*/10 9-17 * * mon-fri"]
        let starts = [utc("2024-02-27T22:13:41"), utc("2025-06-30T23:59:00"), utc("2025-12-31T18:00:00"), utc("2026-03-07T05:05:05")]
        for text in expressions {
            let expression = try cron(text)
            for start in starts {
                var t = (start / 60 + 1) * 60
                while true {
                    let c = calendar.dateComponents([.minute, .hour, .day, .month, .weekday], from: Date(timeIntervalSince1970: TimeInterval(t)))
                    if matches((c.minute!, c.hour!, c.day!, c.month!, c.weekday! - 1), expression) { break }
                    t += 60
                }
                XCTAssertEqual(expression.next(after: start), t, "\(text) after \(start)")
            }
        }
    }

    func testInvalidExpressionsNameTheFieldAndWhatWasExpected() {
        func message(_ text: String) -> String {
            do {
                _ = try CronExpression(parsing: text)
                return "parsed"
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(message("61 * * * *"), "minute field \"61\": value 61 out of range 0-59")
        XCTAssertEqual(message("* 24 * * *"), "hour field \"24\": value 24 out of range 0-23")
        XCTAssertEqual(message("* * 0 * *"), "day-of-month field \"0\": value 0 out of range 1-31")
        XCTAssertEqual(message("* * * 13 *"), "month field \"13\": value 13 out of range 1-12")
        XCTAssertEqual(message("* * * * 8"), "day-of-week field \"8\": value 8 out of range 0-7")
        XCTAssertEqual(message("*/5 * * *"), "expected 5 fields (minute hour day-of-month month day-of-week), got 4")
        XCTAssertEqual(message(""), "expected 5 fields (minute hour day-of-month month day-of-week), got 0")
        XCTAssertEqual(message("*/0 * * * *"), "minute field \"*/0\": step \"0\" must be a positive number")
        XCTAssertEqual(message("* 5-2 * * *"), "hour field \"5-2\": range start 5 is after its end 2")
        XCTAssertEqual(message("* * * foo *"),
                       "month field \"foo\": \"foo\" is not a number 1-12 or a name (jan-dec), \"*\", a range a-b or a step */n")
        XCTAssertEqual(message("1,,2 * * * *"), "minute field \"1,,2\": empty list element")
        XCTAssertEqual(message("0 0 30 2 *"), "day-of-month field \"30\" never occurs in month field \"2\"")
        XCTAssertEqual(message("0 0 30 2 mon"), "parsed", "with a restricted day of week the OR rule can fire")
        XCTAssertTrue(message("@every 5m").hasPrefix("unknown descriptor \"@every\""))
        XCTAssertEqual(message("@daily 5"), "descriptor \"@daily\" takes no fields, got 1 more")
        XCTAssertEqual((try? CronExpression(parsing: "61 * * * *")) == nil, true)
        do {
            _ = try CronExpression(parsing: "61 * * * *")
        } catch {
            XCTAssertEqual(error.field, "minute")
            XCTAssertEqual(error.expression, "61 * * * *")
        }
    }
}
