import Fleet
import XCTest

/// Rancher 2.5.0–2.5.7 walks every cluster in turn from the cron fire time.
final class CronWalkTests: XCTestCase {
    func testTheWalkTakesEveryClustersCallsInTurn() throws {
        // 10 clusters × (DescribeCluster, ListNodegroups, DescribeNodegroup, DLTV) × 100 ms = 4 s.
        let report = try FleetFixtures.report(FleetFixtures.yaml(clusters: 10, duration: "30m", consolePerDay: 0, rancherPerDay: 0,
                                                                 profiles: "[rancher-2.5-cron]", eksRefreshCron: "[\"*/5 * * * *\"]"))
        let r = report.results[0]
        XCTAssertEqual(r.walkMax, 4)
        XCTAssertEqual(r.walkP50, 4)
        XCTAssertEqual(r.overlappingWalks, 0)
        // Sequential: never more than one call per 100 ms.
        XCTAssertLessThanOrEqual(r.callsPerSecondPeak, 10)
    }

    func testAWalkLongerThanThePeriodOverlapsTheNext() throws {
        // 20 clusters × 4 calls × 1 s = 80 s per walk, fired every minute.
        let report = try FleetFixtures.report(FleetFixtures.yaml(clusters: 20, duration: "20m", consolePerDay: 0, rancherPerDay: 0,
                                                                 profiles: "[rancher-2.5-cron]", eksRefreshCron: "[\"* * * * *\"]",
                                                                 callLatency: "1s"))
        let r = report.results[0]
        XCTAssertEqual(r.walkMax, 80)
        XCTAssertGreaterThan(r.overlappingWalks, 10)
        // The last cluster's UpstreamSpec is refreshed late: not measured without edits, but the walk is.
    }

    func testThrottlingSlowsTheWalkBySDKWaits() throws {
        // The walk asks DescribeCluster every 400 ms; a budget of 1/s refuses some, and aws-sdk-go v1
        // waits 500 ms–1 s (then 1–2 s, 2–4 s) before each retry, inside the walk.
        func walk(_ limits: String?) throws -> FleetResult {
            try FleetFixtures.report(FleetFixtures.yaml(clusters: 10, duration: "30m", consolePerDay: 0, rancherPerDay: 0,
                                                        profiles: "[rancher-2.5-cron]", eksRefreshCron: "[\"*/5 * * * *\"]",
                                                        rateLimits: limits)).results[0]
        }
        let free = try walk(nil), throttled = try walk("{DescribeCluster: {ratePerSecond: 0.5, burst: 1}}")
        XCTAssertEqual(free.throttled, 0)
        XCTAssertGreaterThan(throttled.throttled, 0)
        XCTAssertGreaterThan(throttled.walkMax!, free.walkMax! + 1)
    }
}
