import ClusterStateMachine
import Simulator
import SyncEngine
import XCTest

/// scenarios/policies/: one scenario per policy where it differs from the real release, with
/// expectations that hold.
final class PolicyScenarioTests: XCTestCase {
    func testEveryPolicyScenarioMeetsItsExpectations() throws {
        let files = PolicyFixtures.files(in: PolicyFixtures.policies)
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let scenario = try ScenarioLoader.load(path: file.path)
            XCTAssertNotEqual(scenario.policy, .rancher, "\(file.lastPathComponent) names a what-if policy")
            XCTAssertNotNil(scenario.expect, "\(file.lastPathComponent) has no expect:")
            XCTAssertEqual(scenario.name + ".yaml", file.lastPathComponent)
            let report = PolicyFixtures.report(scenario)
            XCTAssertTrue(report.result.settled, scenario.name)
            XCTAssertEqual(report.failures, [], "\(scenario.name):\n\(report.text)")
        }
    }

    /// Every policy but `rancher` has a scenario, and under the real release the same scenario ends
    /// differently (lost writes, what is reverted or surfaced, or the final cluster).
    func testEveryPolicyHasAScenarioWhereItDiffersFromTheRealRelease() throws {
        var covered = Set<SyncPolicy>()
        for file in PolicyFixtures.files(in: PolicyFixtures.policies) {
            let scenario = try ScenarioLoader.load(path: file.path)
            covered.insert(scenario.policy)
            // error-safe-refresh differs only where a profile reads a failed ListNodegroups as an
            // empty list (ErrorSafeRefreshTests).
            if scenario.policy == .errorSafeRefresh { continue }
            var real = scenario
            real.policy = .rancher
            let what = PolicyFixtures.report(scenario), was = PolicyFixtures.report(real)
            let outcome = { (r: RunReport) in
                [PolicyFixtures.lost(r), PolicyFixtures.reverted(r), PolicyFixtures.surfaced(r), [r.json["final"]?.description ?? ""]]
            }
            XCTAssertNotEqual(outcome(what), outcome(was), "\(scenario.name) ends the same under the real release")
        }
        XCTAssertEqual(covered, Set(SyncPolicy.allCases).subtracting([.rancher]))
    }

    /// The policy scenarios stay out of `simctl run scenarios/*.yaml`: the library is the real releases.
    func testTheLibraryRunsTheRealReleases() throws {
        for file in PolicyFixtures.files(in: PolicyFixtures.library) {
            XCTAssertEqual(try ScenarioLoader.load(path: file.path).policy, .rancher, file.lastPathComponent)
        }
    }
}
