import ClusterStateMachine
@testable import Explore
import Simulator
import SyncEngine
import XCTest

/// `simctl explore` finds races from scratch, shrinks them without growing them, writes files
/// that reproduce them, and is deterministic. Small budgets: each class found is shrunk and swept.
final class ExploreTests: XCTestCase {
    /// Race A of Rancher's documentation: a Rancher edit after the console's endpoint change and
    /// before the next refresh pushes the stale privateAccess back (seed 2 finds it after 11 runs).
    static let raceA = RaceSignature(kind: "lostWrite", actor: "console", family: "privateAccess", component: "operator",
                                     call: "UpdateClusterConfig", mechanism: "stale spec pushed before the next refresh")

    /// rancher#35804 under rancher-2.5.7 (2.5.0–2.5.11): a failed ListNodegroups is taken for an
    /// empty list and the eks-operator deletes the node group nobody touched (seed 2: after 69 runs).
    static let nodeGroupsDeleted = RaceSignature(kind: RaceSignature.unrequested, actor: "aws", family: "nodeGroups.*",
                                                 component: "operator", call: "DeleteNodegroup",
                                                 mechanism: "a failed ListNodegroups taken for an empty list")

    static let result = Explorer.run(profiles: [Explorer.defaultProfile], budget: 70, seed: 2)

    func testExploreFindsTheDocumentedRaceFromScratchAndItsShrunkFileReproducesIt() throws {
        let result = Self.result
        let n = try XCTUnwrap(result.classes.firstIndex { $0.signature == Self.raceA }, "race A found within 70 runs")
        let found = result.classes[n]
        XCTAssertLessThanOrEqual(found.shrunk.steps.count, 3)
        let file = try XCTUnwrap(ExploreCatalog(result).files.first { $0.name.hasPrefix(ExploreCatalog(result).name(n)) })
        // The file goes through the loader and the simulator like any scenario: the class is there,
        // and its expectations (lost writes and the exact window of the decisive step) hold.
        let scenario = try ScenarioLoader.parse(file.text, path: file.name)
        let run = Simulation(scenario: scenario).run()
        XCTAssertTrue(RaceSignature.of(run).contains { $0.0 == Self.raceA })
        let expect = try XCTUnwrap(scenario.expect)
        let windows = try XCTUnwrap(expect.windows.first)
        XCTAssertFalse(windows.windows.isEmpty)
        XCTAssertEqual(RunReport(result: run, extraFailures: WindowCheck.failures(scenario: scenario)).failures, [])
    }

    func testExploreFindsTheUnrequestedNodeGroupDeletionAndItsFileReproducesIt() throws {
        let result = Self.result
        let n = try XCTUnwrap(result.classes.firstIndex { $0.signature == Self.nodeGroupsDeleted }, "rancher#35804 found within 70 runs")
        let found = result.classes[n]
        XCTAssertLessThanOrEqual(found.shrunk.steps.count, 3)
        let sweep = try XCTUnwrap(found.windows, "the decisive step is swept for the change's windows")
        XCTAssertTrue(sweep.windows.isEmpty, "nobody's write is lost")
        XCTAssertFalse(sweep.unrequestedWindows.isEmpty)
        let catalog = ExploreCatalog(result)
        let file = try XCTUnwrap(catalog.files.first { $0.name == catalog.name(n) + ".yaml" })
        let scenario = try ScenarioLoader.parse(file.text, path: file.name)
        XCTAssertFalse(try XCTUnwrap(scenario.expect?.unrequestedChanges).isEmpty, file.text)
        let run = Simulation(scenario: scenario).run()
        XCTAssertTrue(RaceSignature.of(run).contains { $0.0 == Self.nodeGroupsDeleted })
        XCTAssertEqual(RunReport(result: run, extraFailures: WindowCheck.failures(scenario: scenario)).failures, [])
        XCTAssertNotNil(scenario.expect?.windows.first?.unrequested, "the file's expect.windows holds the change's windows:\n\(file.text)")
        // The fixed release does not delete it, and the policy that models the fix closes it.
        let fixed = try ScenarioLoader.parse(file.text, path: file.name, profileOverride: "rancher-2.5.12")
        XCTAssertEqual(LostWriteChecker.check(Simulation(scenario: fixed).run()).unrequestedChanges.count, 0)
        XCTAssertTrue(found.closedBy.contains("error-safe-refresh"), "\(found.closedBy)")
        XCTAssertTrue(catalog.detailText.contains("closed by: "), catalog.detailText)
        XCTAssertTrue(catalog.text.contains("unrequested changes by operator (a failed ListNodegroups taken for an empty list): 1 class"), catalog.text)
    }

    /// Exploring under a policy: every candidate carries it, and the written files run under it.
    /// Seed 4's 15th run shows rancher#35804 under the release; `error-safe-refresh` closes it.
    func testExploringUnderAPolicyRunsEveryCandidateUnderIt() throws {
        let result = Explorer.run(profiles: [Explorer.defaultProfile], budget: 15, seed: 4, policy: .errorSafeRefresh)
        XCTAssertEqual(result.policy, "error-safe-refresh")
        XCTAssertFalse(result.classes.contains { $0.signature.kind == RaceSignature.unrequested }, "\(result.classes.map(\.signature))")
        XCTAssertFalse(result.classes.contains { $0.closedBy.contains("error-safe-refresh") }, "the explored policy is not listed as a fix")
        for file in ExploreCatalog(result).files {
            let scenario = try ScenarioLoader.parse(file.text, path: file.name)
            XCTAssertEqual(scenario.policy, .errorSafeRefresh, file.name)
            XCTAssertEqual(RunReport(result: Simulation(scenario: scenario).run()).failures, [], file.name)
        }
        var swarm = Swarm(seed: 4, profile: Explorer.defaultProfile)
        let fifteenth = (1...15).map { _ in swarm.next() }.last!
        XCTAssertTrue(try XCTUnwrap(Explorer.signatures(fifteenth)).contains { $0.0.kind == RaceSignature.unrequested })
    }

    func testEveryWrittenFileLoadsAndMeetsItsExpectations() throws {
        for file in ExploreCatalog(Self.result).files {
            let scenario = try ScenarioLoader.parse(file.text, path: file.name)
            let run = Simulation(scenario: scenario).run()
            XCTAssertEqual(RunReport(result: run).failures, [], file.name)
        }
    }

    func testShrinkingNeverGrowsAScenario() {
        XCTAssertFalse(Self.result.classes.isEmpty)
        for c in Self.result.classes {
            XCTAssertTrue(c.shrunk.size.fits(in: c.original.size), "\(c.signature): \(c.shrunk.size) from \(c.original.size)")
            XCTAssertLessThanOrEqual(c.shrunk.steps.count, 3, "\(c.signature)")
        }
        // And every candidate the shrinker may try is no larger than where it started.
        var swarm = Swarm(seed: 9, profile: Explorer.defaultProfile)
        for _ in 0..<20 {
            let c = swarm.next()
            for s in Shrinker.smaller(c) where s.size.fits(in: c.size) {
                XCTAssertNotEqual(s, c)
            }
        }
    }

    func testAShrunkCandidateStillShowsItsClassAndNothingSmallerDoes() throws {
        let c = try XCTUnwrap(Self.result.classes.first { $0.signature == Self.raceA })
        for smaller in Shrinker.smaller(c.shrunk) where smaller.size.fits(in: c.shrunk.size) && smaller.size != c.shrunk.size {
            let classes = Explorer.signatures(smaller)?.map(\.0) ?? []
            XCTAssertFalse(classes.contains(Self.raceA), "a smaller scenario still shows it: \(smaller.steps)")
        }
    }

    func testTheSameSeedGivesTheSameCatalogByteForByte() {
        let a = ExploreCatalog(Explorer.run(profiles: [Explorer.defaultProfile], budget: 12, seed: 7))
        let b = ExploreCatalog(Explorer.run(profiles: [Explorer.defaultProfile], budget: 12, seed: 7))
        XCTAssertEqual(a.json.rendered(pretty: true), b.json.rendered(pretty: true))
        XCTAssertEqual(a.files.map(\.text), b.files.map(\.text))
        XCTAssertEqual(a.text, b.text)
        XCTAssertEqual(a.detailText, b.detailText)
    }

    func testFieldFamilies() {
        XCTAssertEqual(RaceSignature.family("tags.owner"), "tags.*")
        XCTAssertEqual(RaceSignature.family("nodeGroups.ng2"), "nodeGroups.*")
        XCTAssertEqual(RaceSignature.family("nodeGroups.ng1.desiredSize"), "nodeGroups.*.desiredSize")
        XCTAssertEqual(RaceSignature.family("nodeGroups.ng1.labels.team"), "nodeGroups.*.labels.*")
        XCTAssertEqual(RaceSignature.family("privateAccess"), "privateAccess")
    }
}
