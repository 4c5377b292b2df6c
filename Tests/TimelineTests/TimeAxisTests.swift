import ClusterStateMachine
import Simulator
import XCTest

/// The time axis: clock labels, readable spacing, long idle stretches cut out.
final class TimeAxisTests: XCTestCase {
    func testTicksAreClockTimesAtARoundStep() {
        // 10:58:00 start, events over 12 minutes, 1100 px: one label a minute.
        let axis = TimeAxis(anchors: (0...12).map { $0 * .minute }, x0: 200, x1: 1300, startEpochSeconds: 1_735_729_080)
        let majors = axis.ticks().filter(\.major)
        XCTAssertEqual(majors.first?.label, "10:58:00")
        XCTAssertEqual(majors.map(\.label).dropFirst().first, "10:59:00")
        XCTAssertEqual(axis.majorStep(), .minute)
        XCTAssertLessThan(axis.x(0), axis.x(.minute))
        XCTAssertGreaterThanOrEqual(axis.x(0), 200)
        XCTAssertLessThanOrEqual(axis.x(12 * .minute), 1300)
    }

    func testSubSecondSpansGetMillisecondLabels() {
        let axis = TimeAxis(anchors: [1000, 1300], x0: 0, x1: 50_000, startEpochSeconds: 0)
        XCTAssertTrue(axis.ticks().contains { $0.label == "00:00:01.200" })
    }

    func testALongIdleStretchIsCutOut() throws {
        let anchors: [SimTime] = [0, 2 * .minute, 3 * .minute, 180 * .minute, 180 * .minute + 2 * .minute]
        let axis = TimeAxis(anchors: anchors, x0: 0, x1: 1000, startEpochSeconds: 0)
        XCTAssertEqual(axis.breaks.count, 1)
        let cut = try XCTUnwrap(axis.breaks.first)
        XCTAssertLessThan(cut.x1 - cut.x0, 60)
        // Both busy stretches get most of the width.
        XCTAssertGreaterThan(axis.x(3 * .minute) - axis.x(0), 300)
        XCTAssertGreaterThan(axis.x(180 * .minute + 2 * .minute) - axis.x(180 * .minute), 200)
        XCTAssertFalse(axis.ticks().contains { $0.major && $0.at > cut.from && $0.at < cut.to })
    }

    func testARunWithAnHourlyRefreshGetsABrokenAxisAndStillDrawsEveryMark() throws {
        let report = try TimelineFixtures.report(yaml: """
            name: hourly-refresh
            profile: rancher-2.5.8-timer
            settings: {eksRefresh: 7200}
            cluster: {displayName: demo, privateAccess: false}
            steps:
              - {at: 1m, actor: console, set: {privateAccess: true}}
              - {at: 100m, actor: rancher, set: {tags.env: prod}}
            """)
        let picture = TimelinePicture(report: report)
        XCTAssertFalse(picture.layout.axis.breaks.isEmpty)
        XCTAssertTrue(XMLInspector.parse(picture.svg).wellFormed)
        XCTAssertTrue(picture.svg.contains("class=\"axis-break\""))
    }
}
