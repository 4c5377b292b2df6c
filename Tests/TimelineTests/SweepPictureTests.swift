import ClusterStateMachine
import Foundation
import Simulator
import XCTest

/// The sweep picture: the offset axis, a band per lost window, every window edge named.
final class SweepPictureTests: XCTestCase {
    func testRaceASweepShowsItsWindowAndNamesBothEdges() throws {
        let scenario = try ScenarioLoader.load(path: TimelineFixtures.scenarios.appendingPathComponent("docs-race-a-console-then-rancher-tags.yaml").path)
        let sweep = SweepReport(Sweep.run(scenario, step: 1, from: -5 * .minute, to: 7 * .minute))
        let picture = SweepPicture(sweep)
        let svg = picture.svg
        let xml = XMLInspector.parse(svg)
        XCTAssertTrue(xml.wellFormed, xml.error ?? "")
        let windows = xml.elements.filter { $0.attributes["class"] == "window loss" }
        XCTAssertEqual(windows.map { $0.attributes["data-from"] }, ["-3m99ms"])
        XCTAssertEqual(windows.map { $0.attributes["data-to"] }, ["2m"])
        XCTAssertEqual(windows.map { $0.attributes["data-lost"] }, ["console privateAccess"])
        let edges = picture.edges()
        XCTAssertEqual(edges.map(\.label), ["-3m99ms: step 0 (console) 11:00:00", "2m: refresher tick 11:05:00"])
        for edge in edges {
            XCTAssertTrue(svg.contains("<title>" + SVGWriter.escapeText(edge.detail) + "</title>"), edge.detail)
        }
        XCTAssertTrue(edges[0].detail.hasPrefix("opens at offset -3m99ms, where the moved step's"), edges[0].detail)
        // The page has the sweep, the windows in words and the run as written.
        let base = RunReport(result: Simulation(scenario: scenario).run())
        let html = HTMLPage.sweep(sweep, baseline: base)
        XCTAssertTrue(html.contains("class=\"sweep\""))
        XCTAssertTrue(html.contains("class=\"timeline\""))
        XCTAssertTrue(html.contains("closes at offset 2m, where the moved step meets the refresher tick at 11:05:00"))
    }

    func testEdgeLabelsNeverOverlap() throws {
        let scenario = try ScenarioLoader.load(path: TimelineFixtures.scenarios.appendingPathComponent("o5-stale-describe-reverts-rancher-edit-2024.yaml").path)
        let sweep = SweepReport(Sweep.run(scenario, step: 0, from: -3 * .minute, to: 6 * .minute))
        let edges = SweepPicture(sweep).edges()
        XCTAssertEqual(edges.count, 4)
        for (i, a) in edges.enumerated() {
            for b in edges[(i + 1)...] where a.row == b.row {
                XCTAssertFalse(a.box.overlaps(b.box), "\(a.label) overlaps \(b.label)")
            }
        }
    }
}
