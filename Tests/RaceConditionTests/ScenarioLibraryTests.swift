import ClusterStateMachine
import Simulator
import XCTest

/// Every scenario in scenarios/ runs and its expectations hold: the library is the regression suite.
final class ScenarioLibraryTests: XCTestCase {
    func testTheLibraryHasAtLeastTwelveScenariosEachWithExpectations() throws {
        let files = Fixtures.scenarioFiles
        XCTAssertGreaterThanOrEqual(files.count, 12)
        for file in files {
            let scenario = try ScenarioLoader.load(path: file.path)
            XCTAssertNotNil(scenario.expect, "\(file.lastPathComponent) has no expect:")
            XCTAssertEqual(scenario.name + ".yaml", file.lastPathComponent, "a scenario's file is named after it")
        }
    }

    func testEveryScenarioMeetsItsExpectations() throws {
        for file in Fixtures.scenarioFiles {
            let scenario = try ScenarioLoader.load(path: file.path)
            let report = RunReport(result: Simulation(scenario: scenario).run(), extraFailures: WindowCheck.failures(scenario: scenario))
            XCTAssertEqual(report.failures, [], "\(scenario.name):\n\(report.text)")
        }
    }

    func testRaceAReportsTheOperatorAsTheClobbererWithTheStaleRead() throws {
        let (_, report) = Fixtures.run(try Fixtures.load("docs-race-a-console-then-rancher-tags"))
        XCTAssertEqual(Fixtures.lost(report), ["console privateAccess"])
        let lost = try XCTUnwrap(report.findings.lost.first)
        let clobber = try XCTUnwrap(lost.finalClobber)
        XCTAssertEqual(clobber.by, .operator)
        XCTAssertEqual(clobber.action, "UpdateClusterConfig")
        XCTAssertEqual(clobber.surface, .aws)
        XCTAssertEqual(report.result.clock(clobber.at), "11:03:00.100")
        // The value pushed back was last read from AWS when the scenario started, before the console change.
        XCTAssertEqual(clobber.staleReadAt, 0)
        XCTAssertTrue(lost.explanation.contains("Rancher edit at 11:03:00 (step 1)"), lost.explanation)
    }

    func testTheSameRaceDiffersByProfileWhereTheRefresherTicksDiffer() throws {
        let cron = Fixtures.run(try Fixtures.load("race-a-cron-profile-edit-at-1104")).1
        let timer = Fixtures.run(try Fixtures.load("race-a-timer-profile-refresh-first")).1
        XCTAssertEqual(Fixtures.lost(cron), ["console privateAccess"])
        XCTAssertEqual(Fixtures.lost(timer), [])
    }

    func testTheListUpdatesGateClosesTheStaleDescribeRace() throws {
        let before = Fixtures.run(try Fixtures.load("o5-stale-describe-reverts-rancher-edit-2024")).1
        let after = Fixtures.run(try Fixtures.load("o5-stale-describe-gated-2025")).1
        XCTAssertEqual(Fixtures.lost(before), ["rancher privateAccess"])
        XCTAssertEqual(before.findings.lost.first?.firstClobber?.by, .refresher)
        XCTAssertEqual(Fixtures.lost(after), [])
    }

    func testExplanationsNameTheRealCause() throws {
        func explanation(_ name: String) throws -> String {
            try XCTUnwrap(Fixtures.run(try Fixtures.load(name)).1.findings.lost.first?.explanation)
        }
        let o9 = try explanation("o9-slow-operator-applied-spec-timeout")
        XCTAssertTrue(o9.contains("10 s watch timed out, because the eks-operator was down"), o9)
        let fallThrough = try explanation("o10-hidden-platform-update-fall-through")
        XCTAssertTrue(fallThrough.contains("it carried on down its ladder"), fallThrough)
        let o5 = try explanation("o5-stale-describe-reverts-rancher-edit-2024")
        XCTAssertTrue(o5.contains("while AWS was still applying the edit"), o5)
        XCTAssertTrue(o5.contains("after the eks-operator set the phase active"), o5)
        let throttled = try explanation("throttled-refresher-misses-the-tick")
        XCTAssertTrue(throttled.contains("failed to read AWS (DescribeCluster: TooManyRequestsException)"), throttled)
        let o4 = Fixtures.run(try Fixtures.load("o4-console-nodegroup-delete-recreated")).1
        XCTAssertEqual(o4.findings.lost.first?.finalClobber?.action, "CreateNodegroup")
    }

    func testAConcurrentConflictIsReportedApartNotLost() throws {
        let (_, report) = Fixtures.run(try Fixtures.load("concurrent-conflict-not-a-loss"))
        XCTAssertEqual(Fixtures.lost(report), [])
        XCTAssertEqual(report.findings.conflicts.map { "\($0.write.actor.rawValue) \($0.write.path)" }, ["console privateAccess"])
    }

    func testAFailedUpdateIsReportedApartNotLost() throws {
        let (_, report) = Fixtures.run(try Fixtures.load("aws-failed-update-not-a-loss"))
        XCTAssertEqual(Fixtures.lost(report), [])
        XCTAssertEqual(report.findings.failed.map(\.path), ["privateAccess"])
    }
}

/// Behaviours that need no scenario file of their own.
final class CheckerEdgeTests: XCTestCase {
    func testTagKeysWithDotsDoNotClobberEachOther() throws {
        let scenario = try Fixtures.scenario("""
        name: dotted-tags
        profile: rancher-2.6.0
        cluster:
          displayName: demo
          tags: {team: a, team.owner: bob}
        steps:
          - {at: 1m, actor: rancher, set: {tags.team: b}}
          - {at: 2m, actor: console, unset: [tags.team.owner]}
        """)
        let (result, report) = Fixtures.run(scenario)
        XCTAssertEqual(result.state.aws.visible.map("tags"), ["team": "b"])
        XCTAssertEqual(Fixtures.lost(report), [])
    }

    func testARunCutShortReportsWritesInFlightNotLost() throws {
        let scenario = try Fixtures.scenario("""
        name: cut-short
        aws: {updateDurations: {EndpointAccessUpdate: 2m}}
        cluster: {displayName: demo, privateAccess: false}
        steps:
          - {at: 1m, actor: console, set: {privateAccess: true}}
        until: 1m30s
        """)
        let (result, report) = Fixtures.run(scenario)
        XCTAssertFalse(result.settled)
        XCTAssertEqual(Fixtures.lost(report), [])
        XCTAssertEqual(report.findings.inFlight.map(\.path), ["privateAccess"])
        XCTAssertTrue(report.text.contains("had not settled"), report.text)
    }

    func testARancherEditStillBeingAppliedIsInFlightToo() throws {
        let scenario = try Fixtures.scenario("""
        name: cut-short-rancher
        aws: {updateDurations: {EndpointAccessUpdate: 2m}}
        cluster: {displayName: demo, privateAccess: false}
        steps:
          - {at: 1m, actor: rancher, set: {privateAccess: true}}
        until: 1m30s
        """)
        let (result, report) = Fixtures.run(scenario)
        XCTAssertFalse(result.settled)
        XCTAssertEqual(report.findings.inFlight.map { "\($0.actor.rawValue) \($0.path)" }, ["rancher privateAccess"])
    }

    func testOverlappingOutagesLastUntilTheLongerEnds() throws {
        let scenario = try Fixtures.scenario("""
        name: overlapping-outages
        cluster: {displayName: demo, privateAccess: false}
        steps:
          - {at: 4m, actor: operator, down: 3m}
          - {at: 4m30s, actor: operator, down: 10s}
          - {at: 4m55s, actor: rancher, set: {privateAccess: true}}
        """)
        let (result, _) = Fixtures.run(scenario)
        let operatorCalls = result.log.filter { e in
            if case .awsCalled(let call) = e.event { return call.caller == .operator } else { return false }
        }
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(operatorCalls.first).at, 7 * 60_000, "still down until 7m")
        let cleared = result.log.compactMap { e -> Fault? in if case .faultCleared(let f) = e.event { f } else { nil } }
        XCTAssertEqual(cleared, [.operatorDown(until: 4 * 60_000 + 40_000), .operatorDown(until: 7 * 60_000)],
                       "a cleared fault names the until it was injected with")
    }
}
