import ClusterStateMachine
import EventStore
import Simulator
import SyncEngine
import XCTest

/// Selecting a policy: `policy:` in a scenario, `--policy`, bad names, and replay of a recorded run.
final class PolicySelectionTests: XCTestCase {
    private let yaml = """
    name: inline
    policy: spec-wins
    cluster: {displayName: demo}
    """

    func testAScenarioNamesItsPolicyAndTheOverrideWins() throws {
        XCTAssertEqual(try ScenarioLoader.parse(yaml, path: "a.yaml").policy, .specWins)
        XCTAssertEqual(try ScenarioLoader.parse(yaml, path: "a.yaml", policyOverride: "observe-only").policy, .observeOnly)
        XCTAssertEqual(try ScenarioLoader.parse("name: x\ncluster: {displayName: demo}\n", path: "b.yaml").policy, .rancher)
    }

    func testAnUnknownPolicyIsBadInputNamingTheFileLineAndChoices() {
        XCTAssertThrowsError(try ScenarioLoader.parse("name: x\npolicy: last-writer-wins\ncluster: {displayName: demo}\n", path: "bad.yaml")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("bad.yaml:2:9:"), text)
            XCTAssertTrue(text.contains("unknown sync policy \"last-writer-wins\""), text)
            XCTAssertTrue(text.contains("three-way-merge"), text)
        }
        XCTAssertThrowsError(try ScenarioLoader.parse(yaml, path: "a.yaml", policyOverride: "nope")) { error in
            XCTAssertTrue("\(error)".contains("unknown sync policy \"nope\""), "\(error)")
        }
    }

    /// A run recorded with `--policy` replays byte for byte: the policy is stored with the run.
    func testAPolicyRunReplaysIdentically() throws {
        let scenario = try PolicyFixtures.library("docs-race-a-console-then-rancher-tags", policy: .threeWayMerge)
        let store = try EventStore(path: ":memory:")
        let result = Simulation(scenario: scenario).run()
        let id = try RunRecorder.record(result, overrides: .init(policy: "three-way-merge"), in: store)
        let record = try XCTUnwrap(try store.runs().first { $0.id == id })
        XCTAssertEqual(try Replay.compare(record, in: store), .identical(result.log.count))
        // Without the stored policy, the replay would run the real release and differ.
        let other = try RunRecorder.record(result, overrides: .init(), in: store)
        let unmarked = try XCTUnwrap(try store.runs().first { $0.id == other })
        guard case .different = try Replay.compare(unmarked, in: store) else { return XCTFail("a different policy replayed the same") }
    }
}
