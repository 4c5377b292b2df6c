import ClusterStateMachine
import Simulator
import XCTest

/// Parameter sweeps and two-step zones agree with single runs.
final class ParameterSweepTests: XCTestCase {
    private func lost(_ result: RunResult) -> [ExpectedLostWrite] {
        LostWriteChecker.check(result).lost.map { ExpectedLostWrite(actor: $0.write.actor, field: $0.write.path) }.sorted()
    }

    private func lostAt(_ scenario: Scenario, _ parameter: TimingParameter, _ value: SimTime) -> [ExpectedLostWrite] {
        lost(Simulation(scenario: parameter.applied(value, to: scenario)).run())
    }

    private func expected(_ segments: [SweepSegment], at v: SimTime) -> [ExpectedLostWrite]? {
        segments.first { $0.from <= v && v < $0.to }?.lost
    }

    func testParameterSweepsAgreeWithSingleRunsOnAGridAndAroundEveryBoundary() throws {
        let sweeps: [(String, TimingParameter, SimTime, SimTime)] = [
            ("race-a-timer-profile-refresh-first", .eksRefresh, 60 * .second, 600 * .second),
            ("race-a-timer-profile-refresh-first", .lastRefresh, -6 * .minute, 4 * .minute),
            ("docs-race-a-console-then-rancher-tags", .updateDuration(.endpointAccessUpdate), 0, 8 * .minute),
            ("o5-stale-describe-reverts-rancher-edit-2024", .statusLag, 0, 2 * .minute),
            ("console-nodegroup-create-deleted-by-rancher-edit", .nodegroupCreate, 0, 6 * .minute),
        ]
        for (name, parameter, from, to) in sweeps {
            let scenario = try Fixtures.load(name)
            let sweep = ParameterSweep.run(scenario, parameter: parameter, from: from, to: to)
            XCTAssertNil(sweep.grid, "\(parameter) is exact")
            XCTAssertEqual(sweep.segments.first?.from, from)
            XCTAssertEqual(sweep.segments.last?.to, to)
            var probes: [SimTime] = stride(from: from, to: to, by: 23_000).map { $0 }
            for segment in sweep.segments {
                probes += [segment.from - 1, segment.from, segment.from + 1, segment.to - 1, segment.to].filter { $0 >= from && $0 < to }
            }
            for v in Set(probes).sorted() {
                XCTAssertEqual(lostAt(scenario, parameter, v), expected(sweep.segments, at: v), "\(name) \(parameter) = \(v) ms")
            }
        }
    }

    func testALongerRefreshOpensRaceAUnderTheTimer() throws {
        // Console at 11:00 (done 11:01), Rancher edit at 11:04, ticks at k·eksRefresh after 10:58:
        // the console change is lost once no tick falls in [11:01, 11:04), i.e. eksRefresh > 6m
        // (a tick at exactly 11:04 runs before the edit).
        let scenario = try Fixtures.load("race-a-timer-profile-refresh-first")
        let sweep = ParameterSweep.run(scenario, parameter: .eksRefresh, from: 60 * .second, to: 600 * .second)
        let window = try XCTUnwrap(sweep.windows.last)
        XCTAssertEqual(window.from, 6 * .minute + 1)
        XCTAssertEqual(window.opens?.fixed, .step(1))
        XCTAssertEqual(window.opens?.moving, .refresherTick)
        XCTAssertEqual(window.opens?.movingRate, 1)
        XCTAssertLessThan(sweep.runs, 300)
    }

    func testTimingsAreSweptOnAStatedGrid() throws {
        let scenario = try Fixtures.load("o9-slow-operator-applied-spec-timeout")
        let sweep = ParameterSweep.run(scenario, parameter: .timing("bridgeWatchTimeout"), from: 1 * .second, to: 61 * .second, grid: 5 * .second)
        XCTAssertEqual(sweep.grid, 5 * .second)
        XCTAssertEqual(sweep.runs, 12)
        for v in stride(from: SimTime(1000), to: 61_000, by: 5_000) {
            XCTAssertEqual(lostAt(scenario, .timing("bridgeWatchTimeout"), v), expected(sweep.segments, at: v))
        }
        XCTAssertTrue(ParameterSweepReport(sweep).text.contains("grid"))
    }

    func testParameterNames() {
        XCTAssertEqual(TimingParameter(name: "updateDurations.EndpointAccessUpdate"), .updateDuration(.endpointAccessUpdate))
        XCTAssertEqual(TimingParameter(name: "aws.statusLag"), .statusLag)
        XCTAssertEqual(TimingParameter(name: "settings.eksRefresh"), .eksRefresh)
        XCTAssertNil(TimingParameter(name: "updateDurations.Nope"))
        for name in TimingParameter.names { XCTAssertEqual(TimingParameter(name: name)?.description, name) }
    }

    func testTwoStepZonesAgreeWithSingleRunsOnAGrid() throws {
        let cases: [(String, Range<SimTime>, Range<SimTime>)] = [
            ("o6-console-tag-removed-by-rancher-edit", -30_000..<30_000, -60_000..<60_000),
        ]
        for (name, x, y) in cases {
            let scenario = try Fixtures.load(name)
            let sweep = ZoneSweep.run(scenario, steps: (0, 1), x: x, y: y)
            XCTAssertTrue(sweep.complete, name)
            XCTAssertFalse(sweep.lostRegions.isEmpty, name)
            for d1 in stride(from: x.lowerBound, to: x.upperBound, by: 7_000) {
                for d2 in stride(from: y.lowerBound, to: y.upperBound, by: 9_000) {
                    let result = Simulation(scenario: scenario, options: RunOptions(movedStep: 0, offset: d1, secondStep: 1, secondOffset: d2)).run()
                    XCTAssertEqual(lost(result), sweep.lost(at: d1, d2), "\(name) at (\(d1), \(d2))")
                }
            }
            // Zones with a lost write are drawn.
            XCTAssertTrue(ZoneMap(sweep).svg.contains("class=\"zone lost\""))
        }
    }

    func testZoneSubtractionCoversExactlyTheDifference() {
        let r = Zone(x: 0..<10, y: 0..<10)
        let z = Zone(x: 2..<5, y: 0..<10).constrained(1, 2, 0)   // d1 ≤ d2
        let parts = r.subtracting(z)
        for a in SimTime(0)..<10 { for b in SimTime(0)..<10 {
            let inParts = parts.filter { $0.contains(a, b) }.count
            XCTAssertEqual(inParts, z.contains(a, b) ? 0 : 1, "(\(a), \(b))")
        } }
    }
}
