import ClusterStateMachine
import EventStore
import Simulator
import XCTest

/// Same scenario and seed, same events, byte for byte; and the fold of the log is the live state.
final class DeterminismTests: XCTestCase {
    func testTheSameScenarioTwiceGivesByteIdenticalEventLogs() throws {
        for file in Fixtures.scenarioFiles {
            let scenario = try ScenarioLoader.load(path: file.path)
            let a = try RunRecorder.encode(Simulation(scenario: scenario).run(), runId: 1, basePosition: 0)
            let b = try RunRecorder.encode(Simulation(scenario: scenario).run(), runId: 1, basePosition: 0)
            XCTAssertEqual(a.count, b.count, scenario.name)
            XCTAssertEqual(a, b, "\(scenario.name) is not deterministic")
        }
    }

    func testTheSeedChangesUpdateIdsButNotTheOutcome() throws {
        let scenario = try Fixtures.load("docs-race-a-console-then-rancher-tags")
        var reseeded = scenario
        reseeded.seed = 99
        let a = Simulation(scenario: scenario).run()
        let b = Simulation(scenario: reseeded).run()
        XCTAssertNotEqual(a.state.aws.updates.map(\.id), b.state.aws.updates.map(\.id))
        XCTAssertEqual(Fixtures.lost(RunReport(result: a)), Fixtures.lost(RunReport(result: b)))
    }

    func testFoldingTheRecordedLogAgreesWithTheLiveStateAfterEveryEvent() throws {
        for name in ["docs-race-a-console-then-rancher-tags", "o4-console-nodegroup-delete-recreated", "o9-slow-operator-applied-spec-timeout"] {
            let scenario = try Fixtures.load(name)
            let simulation = Simulation(scenario: scenario)
            var live: [ClusterState] = []
            simulation.onEvent = { _, state in live.append(state) }
            let result = simulation.run()

            let store = try EventStore(path: ":memory:")
            let runId = try RunRecorder.record(result, overrides: .init(), in: store)
            let record = try XCTUnwrap(try store.run(id: runId))
            var folded = ClusterState()
            var index = 0
            for recorded in store.readStream(record.streamId) {
                folded.apply(try RunRecorder.decode(recorded))
                XCTAssertEqual(folded, live[index], "\(name): fold differs from the live state after event \(index + 1)")
                index += 1
            }
            XCTAssertEqual(index, result.log.count)
            XCTAssertEqual(folded, result.state)
        }
    }

    func testReplayFromTheDatabaseAloneIsIdenticalAndDetectsTampering() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(getpid()).db").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let store = try EventStore(path: path)
        let scenario = try Fixtures.load("o6-console-tag-removed-by-rancher-edit")
        try RunRecorder.record(Simulation(scenario: scenario).run(), overrides: .init(), in: store)
        let record = try XCTUnwrap(try store.runs().first)
        guard case .identical(let n) = try Replay.compare(record, in: store) else { return XCTFail("replay differs") }
        XCTAssertGreaterThan(n, 10)

        // A database whose row says seed 7 but whose events came from seed 0 must not replay identically.
        let other = try EventStore(path: ":memory:")
        let withUpdates = try Fixtures.load("docs-race-a-console-then-rancher-tags")
        try RunRecorder.record(Simulation(scenario: withUpdates).run(), overrides: .init(seed: 7), in: other)
        let forged = try XCTUnwrap(try other.runs().first)
        guard case .different(let message) = try Replay.compare(forged, in: other) else {
            return XCTFail("a replay with another seed gives other update ids")
        }
        XCTAssertTrue(message.contains("differs"), message)
    }
}
