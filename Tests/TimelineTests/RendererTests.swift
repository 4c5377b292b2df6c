import Foundation
import Simulator
import XCTest

/// A real SVG renderer (librsvg's `rsvg-convert`, installed by .ci/run) draws every picture.
final class RendererTests: XCTestCase {
    func testRsvgConvertRendersEveryScenarioAndASweep() throws {
        let rsvg = try XCTUnwrap(TimelineFixtures.executable("rsvg-convert"),
                                 "rsvg-convert is missing: apt-get install librsvg2-bin (.ci/run does)")
        let dir = try TimelineFixtures.temporaryDirectory(self)
        var pictures: [(String, String)] = []
        for file in TimelineFixtures.scenarioFiles {
            let report = try TimelineFixtures.report(file)
            pictures.append((report.result.scenario.name, TimelinePicture(report: report).svg))
        }
        let race = try ScenarioLoader.load(path: TimelineFixtures.scenarios.appendingPathComponent("docs-race-a-console-then-rancher-tags.yaml").path)
        pictures.append(("sweep", SweepPicture(SweepReport(Sweep.run(race, step: 1, from: -5 * .minute, to: 7 * .minute))).svg))
        for (name, svg) in pictures {
            let input = dir.appendingPathComponent(name + ".svg"), output = dir.appendingPathComponent(name + ".png")
            try Data(svg.utf8).write(to: input)
            let (status, stderr) = try TimelineFixtures.run(rsvg, ["--format", "png", "--output", output.path, input.path])
            XCTAssertEqual(status, 0, "\(name): rsvg-convert failed: \(stderr)")
            let png = try Data(contentsOf: output)
            XCTAssertGreaterThan(png.count, 1000, name)
            XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(name): not a PNG")
        }
    }
}
