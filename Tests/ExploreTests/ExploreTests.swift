import ClusterStateMachine
@testable import Explore
import Simulator
import XCTest

/// `simctl explore` finds races from scratch, shrinks them without growing them, writes files
/// that reproduce them, and is deterministic. Small budgets: each class found is shrunk and swept.
final class ExploreTests: XCTestCase {
    /// Race B of Rancher's documentation: a Rancher edit while the console's endpoint update is
    /// still running pushes the stale privateAccess back.
    /// Race A of Rancher's documentation (under the real rancher-2.5.7 it is found first; race B
    /// takes more runs than this small budget).
    static let raceA = RaceSignature(kind: "lostWrite", actor: "console", family: "privateAccess", component: "operator",
                                     call: "UpdateClusterConfig", mechanism: "stale spec pushed before the next refresh")

    static let result = Explorer.run(profiles: [Explorer.defaultProfile], budget: 60, seed: 1)

    func testExploreFindsTheDocumentedRaceFromScratchAndItsShrunkFileReproducesIt() throws {
        let result = Self.result
        let n = try XCTUnwrap(result.classes.firstIndex { $0.signature == Self.raceA }, "race A found within 60 runs")
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
    }

    func testFieldFamilies() {
        XCTAssertEqual(RaceSignature.family("tags.owner"), "tags.*")
        XCTAssertEqual(RaceSignature.family("nodeGroups.ng2"), "nodeGroups.*")
        XCTAssertEqual(RaceSignature.family("nodeGroups.ng1.desiredSize"), "nodeGroups.*.desiredSize")
        XCTAssertEqual(RaceSignature.family("nodeGroups.ng1.labels.team"), "nodeGroups.*.labels.*")
        XCTAssertEqual(RaceSignature.family("privateAccess"), "privateAccess")
    }
}
