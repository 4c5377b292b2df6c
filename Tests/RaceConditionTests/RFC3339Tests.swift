import Simulator
import XCTest

/// Scenario start times and report timestamps, without a wall clock.
final class RFC3339Tests: XCTestCase {
    func testParseAndFormatRoundTrip() {
        for text in ["2025-01-01T10:58:00Z", "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z", "2100-12-31T00:00:01Z"] {
            let epoch = RFC3339.parse(text)
            XCTAssertNotNil(epoch, text)
            XCTAssertEqual(RFC3339.format(epochSeconds: epoch!), text)
        }
        XCTAssertEqual(RFC3339.parse("2025-01-01T10:58:00Z"), 1_735_729_080)
        XCTAssertEqual(RFC3339.parse("2025-01-01T10:58:00+00:00"), 1_735_729_080)
    }

    func testMillisecondsAndNegativeOffsets() {
        let start = RFC3339.parse("2025-01-01T11:00:00Z")!
        XCTAssertEqual(RFC3339.format(epochSeconds: start, plusMilliseconds: 100), "2025-01-01T11:00:00.100Z")
        XCTAssertEqual(RFC3339.format(epochSeconds: start, plusMilliseconds: -99), "2025-01-01T10:59:59.901Z")
        XCTAssertEqual(RFC3339.clockTime(epochSeconds: start, plusMilliseconds: 3 * 60_000), "11:03:00")
    }

    func testMalformedTimesAreRejected() {
        for text in ["2025-02-29T00:00:00Z", "2025-01-01 10:58:00Z", "2025-01-01T24:00:00Z", "2025-01-01T10:58:00.Z", "yesterday",
                     "2025-01-01T10:58:00+2:00"] {
            XCTAssertNil(RFC3339.parseMilliseconds(text), text)
        }
        XCTAssertNil(RFC3339.parse("2025-01-01T10:58:00.5Z"), "a scenario start is a whole second")
    }

    func testFractionsAndOffsets() {
        let base = RFC3339.parse("2025-01-01T10:58:00Z")! * 1000
        XCTAssertEqual(RFC3339.parseMilliseconds("2025-01-01T10:58:00.25Z"), base + 250)
        XCTAssertEqual(RFC3339.parseMilliseconds("2025-01-01T10:58:00.123456Z"), base + 123)
        XCTAssertEqual(RFC3339.parseMilliseconds("2025-01-01T11:58:00+01:00"), base)
        XCTAssertEqual(RFC3339.parseMilliseconds("2025-01-01T05:28:00-05:30"), base)
    }
}
