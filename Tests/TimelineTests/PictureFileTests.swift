import Foundation
import Simulator
import XCTest

/// `--html` / `--svg` file names, and the options end to end through `simctl`.
final class PictureFileTests: XCTestCase {
    func testOneScenarioWritesToThePathGiven() {
        XCTAssertEqual(PictureFileName.paths(template: "out/report.html", scenarios: ["race-a"]), ["out/report.html"])
    }

    func testSeveralScenariosInsertTheirNamesBeforeTheExtension() {
        XCTAssertEqual(PictureFileName.paths(template: "out/report.html", scenarios: ["a", "b"]), ["out/report-a.html", "out/report-b.html"])
        XCTAssertEqual(PictureFileName.paths(template: "out.d/report", scenarios: ["a", "b"]), ["out.d/report-a", "out.d/report-b"])
        XCTAssertEqual(PictureFileName.paths(template: ".hidden", scenarios: ["a", "b"]), [".hidden-a", ".hidden-b"])
        XCTAssertEqual(PictureFileName.paths(template: "r.svg", scenarios: ["a", "a"]), ["r-a.svg", "r-a-2.svg"])
        XCTAssertEqual(PictureFileName.paths(template: "pics/{scenario}.svg", scenarios: ["a"]), ["pics/a.svg"])
    }

    func testSimctlRunAndSweepWriteThePictures() throws {
        let simctl = try XCTUnwrap(TimelineFixtures.simctl, "simctl was not built next to the tests")
        let dir = try TimelineFixtures.temporaryDirectory(self)
        let a = TimelineFixtures.scenarios.appendingPathComponent("docs-race-a-console-then-rancher-tags.yaml").path
        let b = TimelineFixtures.scenarios.appendingPathComponent("o6-console-tag-removed-by-rancher-edit.yaml").path
        let (status, stderr) = try TimelineFixtures.run(simctl, ["run", a, b, "--html", dir.appendingPathComponent("r.html").path,
                                                                 "--svg", dir.appendingPathComponent("r.svg").path])
        XCTAssertEqual(status, 0, stderr)
        for name in ["r-docs-race-a-console-then-rancher-tags", "r-o6-console-tag-removed-by-rancher-edit"] {
            let html = try String(contentsOf: dir.appendingPathComponent(name + ".html"), encoding: .utf8)
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
            let svg = try String(contentsOf: dir.appendingPathComponent(name + ".svg"), encoding: .utf8)
            XCTAssertTrue(XMLInspector.parse(svg).wellFormed)
        }
        let (sweepStatus, sweepError) = try TimelineFixtures.run(simctl, ["sweep", a, "--step", "1", "--from=-5m", "--to", "7m",
                                                                          "--html", dir.appendingPathComponent("s.html").path,
                                                                          "--svg", dir.appendingPathComponent("s.svg").path])
        XCTAssertEqual(sweepStatus, 0, sweepError)
        XCTAssertTrue(XMLInspector.parse(try String(contentsOf: dir.appendingPathComponent("s.svg"), encoding: .utf8)).wellFormed)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("s.html"), encoding: .utf8).contains("class=\"window loss\""))
        // A path that cannot be written is bad input.
        let (bad, message) = try TimelineFixtures.run(simctl, ["run", a, "--html", dir.appendingPathComponent("no/such/dir/r.html").path])
        XCTAssertEqual(bad, 2)
        XCTAssertTrue(message.contains("does not exist"), message)
    }
}
