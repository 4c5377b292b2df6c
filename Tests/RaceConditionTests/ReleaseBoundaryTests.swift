import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// For each behaviour switch with an effect a scenario can show, two shipped scenarios with the
/// same steps under the last release before and the first release after its boundary; their
/// outcomes differ, and the profiles really straddle the switch.
final class ReleaseBoundaryTests: XCTestCase {
    private let pairs: [(Behaviour, on: String, off: String)] = [
        (.listNodegroupsErrorIgnored, "incident-rancher-35804-nodegroups-deleted-rancher-2-5-6", "incident-rancher-35804-fixed-rancher-2-5-12"),
        (.syncingErrorGate, "syncing-error-gate-delays-the-sync-rancher-2-5-7", "syncing-error-gate-absent-rancher-2-5-6"),
        (.refresherDeferredBehindBridge, "refresher-waits-for-the-bridge-rancher-2-5-8", "refresher-runs-on-its-own-rancher-2-5-7"),
        (.upstreamSpecNilOnFailedRefresh, "upstream-spec-nulled-refresher-stops-rancher-2-5-8", "upstream-spec-kept-rancher-2-6-3"),
        (.rancherLimiterCap1000s, "rancher-retry-backoff-1000s-rancher-2-5-8", "rancher-retry-backoff-30s-rancher-2-6-0"),
        (.resourceInUseFallsThrough, "hidden-update-409-swallowed-rancher-2-9-0", "hidden-update-409-recorded-rancher-2-8-15"),
        (.downgradesSent, "incident-downgrade-stall-rancher-2-8-15", "incident-downgrade-stall-fixed-rancher-2-9-0"),
        (.listUpdatesGate, "incident-eks-operator-752-fixed-rancher-2-10-4", "incident-eks-operator-752-stale-describe-rancher-2-9-1"),
        (.tagDiffDeletesChangedKeys, "incident-tag-value-edit-untagged-rancher-2-5-17", "incident-tag-value-edit-fixed-rancher-2-6-0"),
        (.partialScalingConfig, "incident-rancher-33302-labels-only-edit-loops-rancher-2-5-8", "incident-rancher-33302-fixed-rancher-2-6-0"),
        (.nodeGroupVersionManagedTemplateOnly, "console-nodegroup-version-left-alone-rancher-2-7-7", "console-nodegroup-version-pushed-rancher-2-7-6"),
        (.operatorLimiterCap1000s, "operator-retry-backoff-1000s-rancher-2-6-2", "operator-retry-backoff-2m-rancher-2-6-3"),
        (.awsSDKGoV2, "sdk-retries-give-up-rancher-2-9-0", "sdk-retries-ride-out-throttle-rancher-2-8-15"),
        (.describeAddonInRefresh, "describe-addon-throttled-rancher-2-9-1", "describe-addon-not-called-rancher-2-9-0"),
    ]

    /// What a user would compare: lost, unrequested and stuck, by field.
    private func outcome(_ name: String) throws -> [String] { try outcome(Fixtures.load(name)) }

    private func outcome(_ scenario: Scenario) throws -> [String] {
        let report = Fixtures.run(scenario).1
        return Fixtures.lost(report).map { "lost \($0)" }
            + report.findings.unrequestedChanges.map { "unrequested \($0.field)" }
            + report.findings.stuck.map { "stuck \($0.write.path)" }
    }

    func testEachSwitchChangesTheOutcomeAcrossItsReleaseBoundary() throws {
        for (behaviour, on, off) in pairs {
            let onProfile = try Fixtures.load(on).profile, offProfile = try Fixtures.load(off).profile
            XCTAssertTrue(onProfile.has(behaviour), "\(on) runs a release with \(behaviour)")
            XCTAssertFalse(offProfile.has(behaviour), "\(off) runs a release without \(behaviour)")
            XCTAssertNotEqual(try outcome(on), try outcome(off), "\(behaviour): \(on) vs \(off)")
            // The boundary may flip other switches too: the switch alone, turned off in the "on"
            // release, must be what makes the difference.
            var without = try Fixtures.load(on)
            without.profile = onProfile.with(behaviour, on: false)
            XCTAssertEqual(try outcome(without), try outcome(off), "\(behaviour) alone: \(on) without it ends as \(off)")
        }
    }

    func testIncidentsThatNoReleaseFixedStillHappenInTheNewest() throws {
        for (old, latest) in [("incident-rancher-29023-deleted-nodegroup-recreated-rancher-2-5-0", "incident-rancher-29023-still-recreated-latest"),
                              ("incident-rancher-33842-edits-reverted-operator-down-rancher-2-6-0", "incident-rancher-33842-still-reverted-latest")] {
            XCTAssertFalse(try outcome(old).isEmpty, old)
            XCTAssertEqual(try outcome(old), try outcome(latest), latest)
        }
    }

    func testRancher35804DeletesEveryNodeGroupAndSaysWhy() throws {
        let report = Fixtures.run(try Fixtures.load("incident-rancher-35804-nodegroups-deleted-rancher-2-5-6")).1
        XCTAssertEqual(report.findings.unrequestedChanges.map(\.field.raw), ["nodeGroups.batch", "nodeGroups.workers"])
        XCTAssertEqual(Fixtures.lost(report), [], "no person wrote them: not a lost write")
        let why = try XCTUnwrap(report.findings.unrequestedChanges.first?.why)
        XCTAssertTrue(why.contains("ListNodegroups failed (TooManyRequestsException 429)"), why)
        XCTAssertTrue(why.contains("rancher#35804"), why)
        guard case .object(let pairs) = report.json,
              case .array(let changes)? = pairs.first(where: { $0.0 == "unrequestedChanges" })?.1,
              case .object(let first)? = changes.first else { return XCTFail("no unrequestedChanges in JSON") }
        XCTAssertEqual(first.map(\.0), ["field", "before", "after", "by", "why"])
        XCTAssertEqual(first.first { $0.0 == "after" }?.1, .null)
    }
}
