import ClusterStateMachine
import Simulator
import XCTest

/// The sweep also finds the exact windows in which AWS changes something nobody asked for
/// (rancher#35804: a throttled ListNodegroups during a refresh deletes every node group), and
/// `expect.windows.unrequested` makes them a regression test.
final class UnrequestedWindowTests: XCTestCase {
    let incident = "incident-rancher-35804-nodegroups-deleted-rancher-2-5-6"

    private func changed(_ scenario: Scenario, at offset: SimTime) -> [String] {
        let result = Simulation(scenario: scenario, options: RunOptions(movedStep: 0, offset: offset)).run()
        return LostWriteChecker.check(result).unrequestedChanges.map(\.field.raw).sorted()
    }

    func testTheWindowsAgreeWithSingleRunsAtEveryEdgeAndOnAGrid() throws {
        let scenario = try Fixtures.load(incident)
        let sweep = Sweep.run(scenario, step: 0, from: -2 * .minute, to: 6 * .minute)
        let windows = sweep.unrequestedWindows
        XCTAssertEqual(windows.map { [$0.from, $0.to] }, [[-4_575, 1_000], [295_425, 301_000]])
        XCTAssertTrue(sweep.windows.isEmpty, "nobody's write is lost")
        let both = ["nodeGroups.batch", "nodeGroups.workers"]
        for w in windows {
            XCTAssertEqual(changed(scenario, at: w.from), both)
            XCTAssertEqual(changed(scenario, at: w.to - 1), both)
            XCTAssertEqual(changed(scenario, at: w.from - 1), [])
            XCTAssertEqual(changed(scenario, at: w.to), [])
        }
        for offset in stride(from: -2 * SimTime.minute, to: 6 * .minute, by: 7_000) {
            let inside = windows.contains { $0.from <= offset && offset < $0.to }
            XCTAssertEqual(changed(scenario, at: offset), inside ? both : [], "offset \(offset)")
        }
        let json = SweepReport(sweep).json
        guard case .array(let listed)? = json["unrequested"] else { return XCTFail("no unrequested key") }
        XCTAssertEqual(listed.first?["from"], JSONValue.double(-4.575))
    }

    func testAMovedWindowFailsTheScenario() throws {
        let text = try String(contentsOf: Fixtures.scenarios.appendingPathComponent(incident + ".yaml"), encoding: .utf8)
        XCTAssertEqual(WindowCheck.failures(scenario: try Fixtures.load(incident)), [])
        let moved = try Fixtures.scenario(text.replacingOccurrences(of: "to: 1s, unrequestedChanges", with: "to: 2s, unrequestedChanges"))
        let failures = WindowCheck.failures(scenario: moved)
        XCTAssertEqual(failures.count, 1)
        XCTAssertTrue(failures.first?.hasPrefix("unrequested-change windows of step 0: expected [-4s575ms, 2s)") ?? false, "\(failures)")
    }
}
