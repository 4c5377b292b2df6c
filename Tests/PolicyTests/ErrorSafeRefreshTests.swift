import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// `error-safe-refresh` and rancher#35804: a failed ListNodegroups at a refresh must not become
/// "no node groups".
final class ErrorSafeRefreshTests: XCTestCase {
    private let scenarioName = "error-safe-refresh-35804-listnodegroups-fails"

    /// The scenario for `profile`, its ListNodegroups failure landing on a refresh: the cron fires at
    /// 11:05; a timer profile's refresh is moved there with `lastRefresh`.
    private func scenario(_ profile: Profile, policy: SyncPolicy) throws -> Scenario {
        var scenario = try PolicyFixtures.policyScenario(scenarioName, policy: policy)
        scenario.profile = profile
        if profile.refresher == .timer { scenario.refresh.lastRefresh = 7 * .minute - scenario.refresh.interval }
        return scenario
    }

    /// The refresher's failed-read path: ListNodegroups answered 429 at the 11:05 refresh, and
    /// nothing from that read was stored, under error-safe-refresh with every profile, and under a
    /// release that checks the error (eks-operator-2025; Rancher 2.5.12+ and 2.6.0+ did).
    func testAFailedReadStoresNothing() throws {
        let runs = try Profile.aliases.map { try scenario($0, policy: .errorSafeRefresh) }
            + [try scenario(Profile.named("eks-operator-2025")!, policy: .rancher)]
        for scenario in runs {
            let what = "\(scenario.profile.name), \(scenario.policy.rawValue)"
            let report = PolicyFixtures.report(scenario)
            let failedAt = report.result.log.filter {
                if case .awsCalled(let c) = $0.event { c.caller == .refresher && c.operation == "ListNodegroups" && c.error != nil } else { false }
            }.map(\.at)
            XCTAssertEqual(failedAt.first, 7 * .minute, "\(what): the refresh at 11:05 failed")
            let stored = report.result.log.filter { timed in
                guard failedAt.contains(timed.at) else { return false }
                switch timed.event {
                case .upstreamSpecRefreshed, .specSynced: return true
                default: return false
                }
            }
            XCTAssertEqual(stored.count, 0, "\(what): a failed read stores nothing")
        }
    }

    /// rancher#35804 closed: under error-safe-refresh no profile loses a node group, while the
    /// releases that read the failure as an empty list (Rancher v2.5.0–v2.5.11) delete every group.
    func testRancher35804() throws {
        var exposed: [String] = []
        for profile in Profile.aliases {
            let safe = PolicyFixtures.report(try scenario(profile, policy: .errorSafeRefresh))
            XCTAssertEqual(PolicyFixtures.nodeGroups(safe), ["ng1", "ng2"], "\(profile.name) under error-safe-refresh:\n\(safe.text)")
            XCTAssertEqual(safe.result.state.aws.visible.strings("loggingTypes"), ["audit"], profile.name)
            let real = PolicyFixtures.report(try scenario(profile, policy: .rancher))
            if PolicyFixtures.nodeGroups(real).isEmpty { exposed.append(profile.name) }
        }
        XCTAssertEqual(exposed, Profile.aliases.filter { $0.has(.listNodegroupsErrorIgnored) }.map(\.name))
        XCTAssertTrue(exposed.contains(Profile.named("rancher-2.5-cron")!.name), "v2.5.0–v2.5.7 had the bug: \(exposed)")
    }
}
