import Fleet
import Foundation
import Simulator
import XCTest

/// Bad fleet files are rejected with file:line:column, exit 2, nothing written.
final class FleetFileTests: XCTestCase {
    func error(_ text: String) -> String {
        do {
            _ = try FleetFixtures.fleet(text)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    func testUnknownKeysAreNamedWithTheirPlace() {
        let text = FleetFixtures.yaml().replacingOccurrences(of: "seed: 3", with: "seed: 3\nseeds: 4")
        XCTAssertEqual(error(text), "fleet-test.yaml:5:1: fleet: unknown key \"seeds\"; did you mean \"seed\"? Expected one of name, description, start, duration, seed, clusters, workload, aws, rancherRestart, compare, expect")
        let nested = FleetFixtures.yaml().replacingOccurrences(of: "  count: 6", with: "  count: 6\n  regions: 2")
        XCTAssertTrue(error(nested).hasPrefix("fleet-test.yaml:7:3: clusters: unknown key \"regions\""), error(nested))
    }

    func testWeightsThatDoNotParse() {
        let text = FleetFixtures.yaml().replacingOccurrences(of: "privateAccess: 0.2", with: "privateAccess: lots")
        XCTAssertEqual(error(text), "fleet-test.yaml:17:26: workload.console.set.privateAccess: expected a weight, a number > 0 (like 0.4)")
        let negative = FleetFixtures.yaml().replacingOccurrences(of: "tags.env: 0.5", with: "tags.env: -1")
        XCTAssertTrue(error(negative).contains("workload.rancher.set.tags.env: expected a weight"), error(negative))
    }

    func testAPathNoClusterOfTheTemplateHas() {
        let text = FleetFixtures.yaml().replacingOccurrences(of: "nodeGroups.ng1.desiredSize: 0.4", with: "nodeGroups.ng9.desiredSize: 0.4")
        XCTAssertEqual(error(text), "fleet-test.yaml:17:48: workload.console.set: nodeGroups.ng9.desiredSize: no cluster of the template has node group \"ng9\"; it has nodeGroups.ng1")
        let unknown = FleetFixtures.yaml().replacingOccurrences(of: "tags.owner", with: "owner")
        XCTAssertTrue(error(unknown).contains("invalid field path \"owner\""), error(unknown))
    }

    func testAReleaseThatDoesNotExist() {
        let text = FleetFixtures.yaml(profiles: "[eks-operator-2025, rancher-2.6]")
        XCTAssertEqual(error(text), "fleet-test.yaml:24:33: compare.profiles: unknown release \"rancher-2.6\"; did you mean rancher-2.6.0? (`simctl profiles` lists every release)")
        let noCron = FleetFixtures.yaml(profiles: "[rancher-2.5.7]")
        XCTAssertTrue(error(noCron).contains("rancher-2.5.7 uses eksRefreshCron"), error(noCron))
    }

    func testTheShippedFleetFilesLoad() throws {
        for name in ["fleet-200", "fleet-trend"] {
            let fleet = try FleetLoader.load(path: FleetFixtures.fleets.appendingPathComponent("\(name).yaml").path)
            XCTAssertEqual(fleet.name, name)
        }
    }

    func testSimctlExitsTwoAndWritesNothing() throws {
        let folder = try FleetFixtures.folder(self)
        let page = folder.appendingPathComponent("page.html")
        let missing = try Simctl.run(["fleet", folder.appendingPathComponent("nope.yaml").path, "--html", page.path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nope.yaml: cannot read the file"), missing.stderr)
        let bad = folder.appendingPathComponent("bad.yaml")
        try FleetFixtures.yaml().replacingOccurrences(of: "duration: 2h", with: "duration: soon").write(to: bad, atomically: true, encoding: .utf8)
        let outcome = try Simctl.run(["fleet", bad.path, "--html", page.path])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("bad.yaml:3:11: duration: \"soon\" is not a duration"), outcome.stderr)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: page.path))
        let shard = try Simctl.run(["fleet", bad.path, "--shard", "3/2"])
        XCTAssertEqual(shard.status, 2)
        let merge = try Simctl.run(["fleet", "merge", bad.path])
        XCTAssertEqual(merge.status, 2)
        XCTAssertTrue(merge.stderr.contains("not a fleet shard file"), merge.stderr)
    }
}
