import ClusterStateMachine
import Simulator
import XCTest

/// Exact race windows agree with single runs, and take far fewer runs than a brute-force grid.
final class SweepTests: XCTestCase {
    private func lostAt(_ scenario: Scenario, step: Int, offset: SimTime) -> [ExpectedLostWrite] {
        let result = Simulation(scenario: scenario, options: RunOptions(movedStep: step, offset: offset)).run()
        return LostWriteChecker.check(result).lost.map { ExpectedLostWrite(actor: $0.write.actor, field: $0.write.path) }.sorted()
    }

    private func expected(_ sweep: SweepResult, at offset: SimTime) -> [ExpectedLostWrite] {
        sweep.segments.first { $0.from <= offset && offset < $0.to }?.lost ?? []
    }

    func testTheDocumentedRaceWindowRunsFromTheConsoleChangeToTheNextTick() throws {
        // Race A with the Rancher edit moved over 12 minutes, from 10:58 to 11:10. The console change
        // starts at 11:00:00 and its update completes at 11:01:00; the cron tick is at 11:05:00.
        // Edits while the update is still running lose it too (Race B, oracle O2), so the window
        // opens once the operator's pass (edit + 50 ms bridge + 50 ms watch latency) comes after
        // the console's call, and closes when the edit comes at or after the tick (machines act
        // before people within one millisecond).
        let scenario = try Fixtures.load("docs-race-a-console-then-rancher-tags")
        let sweep = Sweep.run(scenario, step: 1, from: -5 * .minute, to: 7 * .minute)
        XCTAssertEqual(sweep.windows.count, 1)
        let window = try XCTUnwrap(sweep.windows.first)
        XCTAssertEqual(window.lost, [ExpectedLostWrite(actor: .console, field: "privateAccess")])
        let edit = scenario.steps[1].at
        XCTAssertEqual(edit + window.from, 2 * .minute - 100 + 1, "opens 1 ms after the operator's pass would tie with the console call")
        XCTAssertEqual(edit + window.to, 7 * .minute)
        XCTAssertEqual(window.opens?.fixed, .step(0))
        XCTAssertEqual(window.opens?.moving, .operatorReconcile)
        XCTAssertEqual(window.closes?.fixed, .refresherTick)
        XCTAssertEqual(window.closes?.fixedAt, 7 * .minute)
        // Exact to the millisecond in about a hundred runs, where a 1 ms grid over 12 minutes takes 720,000.
        XCTAssertLessThan(sweep.runs, 150)
    }

    func testWindowsAgreeWithSingleRunsInsideAndOutsideEveryBoundary() throws {
        // People's steps, and faults whose end is scheduled work that moves with them.
        let sweeps: [(String, Int, SimTime, SimTime)] = [
            ("docs-race-a-console-then-rancher-tags", 1, -5 * .minute, 5 * .minute),
            ("o6-console-tag-removed-by-rancher-edit", 1, -2 * .minute, 8 * .minute),
            ("o9-slow-operator-applied-spec-timeout", 1, -1 * .minute, 1 * .minute),
            ("o9-slow-operator-applied-spec-timeout", 0, -1 * .minute, 1 * .minute),
            ("throttled-refresher-misses-the-tick", 1, -1 * .minute, 1 * .minute),
            ("o10-hidden-platform-update-fall-through", 1, -4 * .minute, 8 * .minute),
            ("o10-hidden-platform-update-v1-recorded", 1, -4 * .minute, 8 * .minute),
        ]
        for (name, step, from, to) in sweeps {
            let scenario = try Fixtures.load(name)
            let sweep = Sweep.run(scenario, step: step, from: from, to: to)
            var probes: [SimTime] = stride(from: from, to: to, by: 37_000).map { $0 } + [0]
            for segment in sweep.segments {
                probes += [segment.from - 1, segment.from, segment.from + 1, segment.to - 1].filter { $0 >= from && $0 < to }
            }
            for offset in Set(probes).sorted() {
                XCTAssertEqual(lostAt(scenario, step: step, offset: offset), expected(sweep, at: offset),
                               "\(name) step \(step) at offset \(offset) ms")
            }
        }
    }

    func testSegmentsTileTheRangeWithoutGaps() throws {
        let scenario = try Fixtures.load("docs-race-b-rancher-edit-during-update")
        let sweep = Sweep.run(scenario, step: 1, from: -4 * .minute, to: 8 * .minute)
        XCTAssertEqual(sweep.segments.first?.from, -4 * .minute)
        XCTAssertEqual(sweep.segments.last?.to, 8 * .minute)
        for (a, b) in zip(sweep.segments, sweep.segments.dropFirst()) {
            XCTAssertEqual(a.to, b.from)
            XCTAssertTrue(a.lost != b.lost || a.refused != b.refused, "adjacent segments with the same outcome should be merged")
        }
    }

    func testAMovedWindowFailsTheExpectation() throws {
        let scenario = try Fixtures.load("docs-race-a-console-then-rancher-tags")
        var windows = try XCTUnwrap(scenario.expect?.windows.first)
        XCTAssertEqual(WindowCheck.failures(scenario: scenario, expected: windows), [])
        windows.windows[0].to += .second
        XCTAssertEqual(WindowCheck.failures(scenario: scenario, expected: windows).count, 1)
        windows.tolerance = .second
        XCTAssertEqual(WindowCheck.failures(scenario: scenario, expected: windows), [], "within its tolerance")
        windows.windows[0].from -= .second + 1
        XCTAssertEqual(WindowCheck.failures(scenario: scenario, expected: windows).count, 1, "beyond its tolerance")
    }

    func testWindowsAsAListCheckEveryMovedStep() throws {
        let base = try String(contentsOf: Fixtures.scenarios.appendingPathComponent("docs-race-a-console-then-rancher-tags.yaml"), encoding: .utf8)
        let head = String(base[..<base.range(of: "  windows:")!.lowerBound])
        let list = head + """
          windows:
            - {step: 1, from: -5m, to: 7m, lost: [{from: -3m99ms, to: 2m, lostWrites: [{actor: console, field: privateAccess}]}]}
            - step: 0
              from: 0s
              to: 1m
              tolerance: 10ms
              lost: [{from: 0s, to: 1m, lostWrites: [{actor: console, field: privateAccess}]}]

        """
        let scenario = try ScenarioLoader.parse(list, path: "list.yaml")
        XCTAssertEqual(scenario.expect?.windows.map(\.step), [1, 0])
        XCTAssertEqual(scenario.expect?.windows.last?.tolerance, 10)
        XCTAssertEqual(WindowCheck.failures(scenario: scenario), [])
        let moved = try ScenarioLoader.parse(list.replacingOccurrences(of: "to: 1m, lostWrites", with: "to: 50s, lostWrites"), path: "list.yaml")
        XCTAssertEqual(WindowCheck.failures(scenario: moved).count, 1)
    }

    func testTheSweepShowsWhereAStepIsRefused() throws {
        let scenario = try Fixtures.scenario("""
        name: refused
        start: 2025-01-01T10:58:00Z
        cluster:
          displayName: demo
        steps:
          - {at: 2m, actor: console, set: {privateAccess: true}}
          - {at: 2m30s, actor: console, set: {loggingTypes: [api]}}

        """)
        let sweep = Sweep.run(scenario, step: 1, from: -1 * .minute, to: 3 * .minute)
        XCTAssertTrue(sweep.windows.isEmpty)
        // The logging call meets the endpoint update (11:00:00 to 11:02:00) and is refused with 409.
        let refused = sweep.refusedWindows.first { $0.refused.map(\.field) == ["loggingTypes"] }
        XCTAssertEqual(refused?.from, -30 * .second)
        XCTAssertEqual(refused?.to, 90 * .second)
        XCTAssertEqual(refused?.refused.first?.code, "ResourceInUseException")
        let text = SweepReport(sweep).text
        XCTAssertTrue(text.contains("refused in [-30s, 1m30s)  (step at 11:00:00 up to 11:02:00): console loggingTypes\n    (UpdateClusterConfig → ResourceInUseException)"), text)
        XCTAssertEqual(SweepReport(sweep).json["refused"].map { "\($0)" }?.contains("loggingTypes"), true)
        let page = HTMLPage.sweep(SweepReport(sweep), baseline: RunReport(result: Simulation(scenario: scenario).run()))
        XCTAssertTrue(page.contains("Where AWS refuses a write"), "the sweep page lists the refused windows too")
    }
}
