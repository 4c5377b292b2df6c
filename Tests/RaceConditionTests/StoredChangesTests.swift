import ClusterStateMachine
import EventStore
import Foundation
import Simulator
import XCTest

/// Events store what changed: a long value is stored a few times per run, not once per event; text
/// output cuts it; JSON keeps it whole; the stored log still folds to the live state.
final class StoredChangesTests: XCTestCase {
    func scenario(userData: Int) throws -> Scenario {
        try Fixtures.scenario("""
            name: long-user-data
            start: 2025-01-01T10:58:00Z
            cluster:
              displayName: demo
              privateAccess: false
              tags: {team: platform}
              nodeGroups:
                - {nodegroupName: ng1, desiredSize: 2, minSize: 1, maxSize: 3, userData: \(String(repeating: "u", count: userData))}
            steps:
              - {at: 2m, actor: console, set: {privateAccess: true}}
              - {at: 5m, actor: rancher, set: {tags.env: prod}}
              - {at: 40m, actor: console, set: {nodeGroups.ng1.desiredSize: 3}}
              - {at: 75m, actor: rancher, set: {tags.env: staging}}
            """)
    }

    /// Payload bytes of the run's events as the store holds them.
    func storedBytes(_ result: RunResult) throws -> Int {
        try RunRecorder.encode(result, runId: 1, basePosition: 0).map(\.data.count).reduce(0, +)
    }

    func testALongValueIsStoredAFewTimesPerRunNotOncePerEvent() throws {
        let long = 20_000
        let short = Simulation(scenario: try scenario(userData: 10)).run()
        let result = Simulation(scenario: try scenario(userData: long)).run()
        XCTAssertEqual(result.log.count, short.log.count, "the value's length changes nothing else")
        XCTAssertGreaterThan(result.log.count, 100)
        // ClusterObserved holds it on its three surfaces; the console's scaling of the node group makes
        // the refresher sync the whole nodeGroups key once (SpecSynced, EKSConfigPushed, AppliedSpecRecorded).
        // No refresh, call or other event copies it.
        let extra = try storedBytes(result) - storedBytes(short)
        XCTAssertGreaterThanOrEqual(extra, 3 * (long - 10))
        XCTAssertLessThan(extra, 7 * long, "a copy of the long value per event would be \(result.log.count) × \(long) bytes")
    }

    func testTheStoredDifferencesFoldToTheLiveState() throws {
        let result = Simulation(scenario: try scenario(userData: 300)).run()
        let decoded = try RunRecorder.encode(result, runId: 1, basePosition: 0).enumerated().map { i, event in
            try RunRecorder.decode(RecordedEvent(position: Int64(i + 1), streamId: "demo/run-1", streamVersion: Int64(i + 1),
                                                 type: event.type, schemaVersion: event.schemaVersion, data: event.data,
                                                 metadata: event.metadata))
        }
        XCTAssertEqual(decoded, result.log)
        XCTAssertEqual(ClusterState.fold(decoded), result.state)
        // The refreshes after the first store what changed: no UpstreamSpecRefreshed repeats the document.
        let refreshes = result.log.compactMap { if case .upstreamSpecRefreshed(let d) = $0.event { d } else { nil } }
        XCTAssertGreaterThan(refreshes.count, 1)
        for refresh in refreshes.dropFirst() {
            XCTAssertNil(refresh.change.entries["nodeGroups.ng1.userData"], "unchanged values are not stored again")
        }
    }

    func testTextCutsLongValuesAndJSONKeepsThem() throws {
        let result = Simulation(scenario: try scenario(userData: 5_000)).run()
        let report = RunReport(result: result)
        XCTAssertFalse(report.text.contains(String(repeating: "u", count: 61)))
        let history = result.log.map { EventDescription.line($0.event, clusterName: "demo") }.joined(separator: "\n")
        XCTAssertFalse(history.contains(String(repeating: "u", count: 61)))
        XCTAssertTrue(history.contains(String(repeating: "u", count: 60) + "… (5000 characters)"))
        XCTAssertTrue(report.json.description.contains(String(repeating: "u", count: 5_000)))
    }

    func testAnAWSCallNamesItsClusterByParameterAndTheTextPutsTheNameBack() throws {
        let result = Simulation(scenario: try scenario(userData: 10)).run()
        let calls = result.log.compactMap { if case .awsCalled(let c) = $0.event { c } else { nil } }
        let describe = try XCTUnwrap(calls.first { $0.operation == "DescribeCluster" })
        XCTAssertEqual(describe.target, "name")
        XCTAssertNil(describe.request["name"])
        XCTAssertEqual(EventDescription.line(.awsCalled(describe), clusterName: "demo"), "DescribeCluster(name=demo) → ACTIVE")
    }
}
