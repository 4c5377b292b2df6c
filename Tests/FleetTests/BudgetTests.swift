import Fleet
@testable import Simulator
import SyncEngine
import XCTest

/// The account's API budget is shared by every cluster, and the SDK retries what it refuses.
final class BudgetTests: XCTestCase {
    func testAnUnlimitedAccountIsNeverThrottled() throws {
        let report = try FleetFixtures.report(FleetFixtures.yaml(clusters: 8, duration: "1h"))
        XCTAssertEqual(report.results[0].throttled, 0)
        XCTAssertGreaterThan(report.results[0].callsTotal, 0)
    }

    func testOneBucketIsSharedByAllClustersOfAnAccount() throws {
        // Refreshes only: one cluster asks DescribeCluster once a minute, within 0.02/s; 12 clusters
        // on one account ask 0.2/s.
        let limits = "{DescribeCluster: {ratePerSecond: 0.02, burst: 3}}"
        func run(accounts: Int) throws -> FleetResult {
            try FleetFixtures.report(FleetFixtures.yaml(clusters: 12, accounts: accounts, duration: "1h", consolePerDay: 0, rancherPerDay: 0,
                                                        eksRefresh: "[60]", rateLimits: limits)).results[0]
        }
        let shared = try run(accounts: 1), apart = try run(accounts: 12)
        XCTAssertEqual(apart.throttled, 0)
        XCTAssertGreaterThan(shared.throttled, 0)
        XCTAssertEqual(Set(shared.throttledByOperation.keys), ["DescribeCluster"])
    }

    func testThrottledCallsAreRetriedByTheSDKSoAttemptsGrow() throws {
        let limits = "{DescribeCluster: {ratePerSecond: 0.05, burst: 2}}"
        let throttled = try FleetFixtures.report(FleetFixtures.yaml(clusters: 6, duration: "1h", eksRefresh: "[60]", rateLimits: limits))
        let free = try FleetFixtures.report(FleetFixtures.yaml(clusters: 6, duration: "1h", eksRefresh: "[60]"))
        let r = throttled.results[0]
        XCTAssertGreaterThan(r.throttled, 0)
        // v2 standard: up to 3 attempts per DescribeCluster, so a refused read is asked again.
        XCTAssertGreaterThan(r.callsByOperation["DescribeCluster"]!, free.results[0].callsByOperation["DescribeCluster"]!)
    }

    func testARancherRestartFiresEveryDueTimerAtOnce() throws {
        let base = FleetFixtures.yaml(clusters: 20, duration: "1h", consolePerDay: 0, rancherPerDay: 0, eksRefresh: "[300]")
        let calm = try FleetFixtures.report(base)
        let restarted = try FleetFixtures.report(FleetFixtures.yaml(clusters: 20, duration: "1h", consolePerDay: 0, rancherPerDay: 0,
                                                                    eksRefresh: "[300]", restart: "{at: 30m, down: 5m}"))
        // Phases spread over the interval: a few refreshes in any second. After the restart all 20 at once.
        XCTAssertLessThan(calm.results[0].callsPerSecondPeak, 20)
        XCTAssertGreaterThanOrEqual(restarted.results[0].callsPerSecondPeak, 20 * 5)
    }

    func testPerTickCallsFollowTheRelease() throws {
        // No edits: only refreshes. Cron era: N + 2 EKS calls and a launch template read per group;
        // eks-operator 2025: N + 3 (DescribeAddon) and the same EC2 reads.
        let text = FleetFixtures.yaml(clusters: 3, duration: "1h", consolePerDay: 0, rancherPerDay: 0,
                                      profiles: "[rancher-2.5-cron, eks-operator-2025]", eksRefresh: "[300]",
                                      eksRefreshCron: "[\"*/5 * * * *\"]")
        let report = try FleetFixtures.report(text)
        let cron = report.results[0].callsByOperation, timer = report.results[1].callsByOperation
        XCTAssertNil(cron["DescribeAddon"])
        XCTAssertEqual(cron["DescribeCluster"], cron["DescribeNodegroup"])
        XCTAssertEqual(cron["DescribeCluster"], cron["DescribeLaunchTemplateVersions"])
        XCTAssertEqual(timer["DescribeAddon"], timer["DescribeCluster"])
        XCTAssertEqual(Set(timer.keys), ["DescribeCluster", "ListNodegroups", "DescribeNodegroup", "DescribeAddon", "DescribeLaunchTemplateVersions"])
    }

    func testTheOperatorsUpstreamReadCallsDescribeAddonToo() throws {
        // Rancher edits of one tag only: every operator pass builds the upstream state (no update to
        // wait for), so from eks-operator v1.9.1 each DescribeCluster, the refresher's and the
        // operator's, comes with a DescribeAddon; before, none does.
        let text = FleetFixtures.yaml(clusters: 3, duration: "1h", consolePerDay: 0, rancherPerDay: 48,
                                      profiles: "[rancher-2.9.0, rancher-2.9.1]", eksRefresh: "[300]")
            .replacingOccurrences(of: "set: {tags.env: 0.5, nodeGroups.ng1.desiredSize: 0.5}", with: "set: {tags.env: 1}")
        let report = try FleetFixtures.report(text)
        let before = report.results[0].callsByOperation, after = report.results[1].callsByOperation
        XCTAssertGreaterThan(report.results[1].writes, 0)
        XCTAssertGreaterThan(after["TagResource"] ?? 0, 0, "the operator ran")
        XCTAssertNil(before["DescribeAddon"])
        XCTAssertEqual(after["DescribeAddon"], after["DescribeCluster"])
    }

    func testSDKRetryDelaysAndQuota() {
        let v1 = SDKRetryMode.awsSDKGoV1, v2 = SDKRetryMode.awsSDKGoV2Standard
        XCTAssertEqual(v1.delay(beforeRetry: 1, uniform: 0), 500)
        XCTAssertEqual(v1.delay(beforeRetry: 1, uniform: 0.999), 999)
        XCTAssertEqual(v1.delay(beforeRetry: 3, uniform: 0), 2_000)
        XCTAssertEqual(v1.parameters.maxAttempts, 4)
        XCTAssertNil(v1.parameters.quota)
        XCTAssertEqual(v2.delay(beforeRetry: 1, uniform: 0.5), 1_000)
        XCTAssertEqual(v2.delay(beforeRetry: 5, uniform: 0.1), 20_000)
        XCTAssertEqual(v2.parameters.maxAttempts, 3)
        XCTAssertEqual(v2.parameters.quota, 500)
        XCTAssertTrue(v2.retries(.tooManyRequests()))
        XCTAssertFalse(v2.retries(.invalidRequest("Request limit exceeded.")))
        XCTAssertFalse(SDKRetryMode.none.retries(.tooManyRequests()))
    }
}

/// The SDK session's retry quota (aws-sdk-go-v2 standard: 500 tokens, 5 a retry, +1 a success).
final class RetryQuotaTests: XCTestCase {
    func testTheQuotaEmptiesAfterAHundredRetriesAndRefillsOnSuccess() {
        let session = SDKSession(mode: .awsSDKGoV2Standard, latency: 100)
        for i in 0..<100 { XCTAssertTrue(session.takeRetryToken(), "retry \(i)") }
        XCTAssertFalse(session.takeRetryToken(), "retry quota exceeded")
        for _ in 0..<5 { session.answered() }
        XCTAssertTrue(session.takeRetryToken())
        XCTAssertFalse(session.takeRetryToken())
        XCTAssertEqual(session.elapsed, 500)
        // aws-sdk-go v1 has no quota.
        let v1 = SDKSession(mode: .awsSDKGoV1, latency: 0)
        for _ in 0..<1_000 { XCTAssertTrue(v1.takeRetryToken()) }
    }
}
