import ClusterStateMachine
import Foundation
import Simulator
import XCTest

/// The timeline of every scenario in scenarios/: well-formed, complete (every lost write and
/// every clobber is in it), labels apart, the same bytes every time.
final class TimelinePictureTests: XCTestCase {
    func testEveryScenarioDrawsWellFormedSVGWithEveryLostWriteAndClobber() throws {
        let files = TimelineFixtures.scenarioFiles
        XCTAssertGreaterThanOrEqual(files.count, 12)
        for file in files {
            let report = try TimelineFixtures.report(file)
            let name = report.result.scenario.name
            let svg = TimelinePicture(report: report).svg
            let xml = XMLInspector.parse(svg)
            XCTAssertTrue(xml.wellFormed, "\(name): \(xml.error ?? "")")
            XCTAssertEqual(xml.elements.first?.name, "svg", name)

            for lost in report.findings.lost {
                let hit = xml.elements.contains {
                    $0.attributes["data-actor"] == lost.write.actor.rawValue && $0.attributes["data-field"] == lost.write.path.raw
                        && $0.attributes["data-lost"] == "true" && $0.attributes["data-write"] == lost.write.id.description
                }
                XCTAssertTrue(hit, "\(name): no mark for the lost write \(lost.write.actor.rawValue) \(lost.write.path)")
                XCTAssertTrue(svg.contains(SVGWriter.escapeText(lost.explanation)), "\(name): the explanation is not in the picture's notes")
            }
            // Every clobber is on an arrow (a path with an arrowhead) that names it.
            let arrows = xml.elements.filter { ($0.attributes["class"] ?? "").hasPrefix("clobber") }
            let drawn = Set(arrows.flatMap { ($0.attributes["data-clobbers"] ?? "").split(separator: " ").compactMap { Int($0) } })
            XCTAssertEqual(drawn, Set(report.findings.clobbers.indices), "\(name): clobbers without an arrow")
            for change in report.findings.unrequestedChanges {
                XCTAssertTrue(xml.elements.contains { $0.attributes["data-unrequested"] == change.field.raw },
                              "\(name): no mark for the unrequested change of \(change.field)")
                XCTAssertTrue(svg.contains(SVGWriter.escapeText(change.why)), "\(name): the reason is not in the notes")
            }
            for stuck in report.findings.stuck {
                XCTAssertTrue(svg.contains("never reached AWS"), "\(name): \(stuck.write.path) is not marked stuck")
            }
            let heads = xml.elements(named: "path").filter { $0.attributes["marker-end"] != nil }
            XCTAssertGreaterThanOrEqual(heads.count, arrows.count, name)
            XCTAssertEqual(TimelineModel(report: report).arrows.count, arrows.count, name)
        }
    }

    func testNoTwoLabelsInARowOverlapOnAnyScenario() throws {
        for file in TimelineFixtures.scenarioFiles {
            let report = try TimelineFixtures.report(file)
            let picture = TimelinePicture(report: report)
            let layout = picture.layout
            let name = report.result.scenario.name
            var rows: [String: [TimelineLayout.LabelBox]] = [:]
            for label in layout.labelBoxes { rows["\(label.lane.key)/\(label.kind)/\(label.row)", default: []].append(label) }
            for (row, labels) in rows {
                for (i, a) in labels.enumerated() {
                    XCTAssertGreaterThanOrEqual(a.box.x0, 0, "\(name) \(row): \"\(a.text)\" starts off the picture")
                    XCTAssertLessThanOrEqual(a.box.x1, layout.width, "\(name) \(row): \"\(a.text)\" runs off the picture")
                    for b in labels[(i + 1)...] {
                        XCTAssertFalse(a.box.overlaps(b.box), "\(name) \(row): \"\(a.text)\" overlaps \"\(b.text)\"")
                    }
                }
            }
            // Label boxes of different rows of a lane never share height, and stay inside their lane.
            for label in layout.labelBoxes {
                let lane = try XCTUnwrap(layout.lanes.first { $0.lane == label.lane })
                XCTAssertGreaterThanOrEqual(label.box.y0, lane.y0, "\(name): \"\(label.text)\" above its lane")
                XCTAssertLessThanOrEqual(label.box.y1, lane.y1, "\(name): \"\(label.text)\" below its lane")
            }
            let all = layout.labelBoxes
            for (i, a) in all.enumerated() {
                for b in all[(i + 1)...] where a.lane == b.lane && (a.kind != b.kind || a.row != b.row) {
                    XCTAssertFalse(a.box.overlaps(b.box), "\(name): \"\(a.text)\" and \"\(b.text)\" overlap across rows")
                }
            }
            // Axis labels are far enough apart for their text.
            let majors = layout.ticks.filter(\.major)
            for (a, b) in zip(majors, majors.dropFirst()) {
                let room = b.x - a.x
                let need = (TextWidth.of(a.label, size: 11) + TextWidth.of(b.label, size: 11)) / 2 + 8
                XCTAssertGreaterThanOrEqual(room, need, "\(name): axis labels \(a.label) and \(b.label) touch")
            }
        }
    }

    func testTheRaceAPictureShowsTheStaleReadArrowIntoTheOperatorsCall() throws {
        let report = try TimelineFixtures.report(named: "docs-race-a-console-then-rancher-tags")
        let model = TimelineModel(report: report)
        let loss = try XCTUnwrap(model.arrows.first { $0.loses })
        XCTAssertEqual(loss.fromLane, .rancherSpec)
        XCTAssertEqual(loss.toLane, .operator)
        XCTAssertEqual(report.result.clock(loss.fromTime), "10:58:00")
        XCTAssertEqual(report.result.clock(loss.toTime), "11:03:00.100")
        XCTAssertEqual(loss.victims, ["console privateAccess"])
        XCTAssertEqual(loss.lostNumbers, [1])
        let target = model.marks[model.arrowEnds[0].to]
        XCTAssertEqual(target.emphasis, .clobber)
        XCTAssertTrue(target.label.contains("UpdateClusterConfig"), target.label)
        // The AWS updates are bars from accepted to completed; the operator's carries the stale value.
        let updates = model.bars.filter { $0.kind == .update }
        XCTAssertEqual(updates.map { report.result.clock($0.from) }, ["11:00:00", "11:03:00.100"])
        XCTAssertEqual(updates.map { report.result.clock($0.to) }, ["11:01:00", "11:04:00.100"])
        XCTAssertEqual(updates.map(\.clobbers), [false, true])
        // Clock times on the axis, every minute.
        let layout = TimelineLayout(model: model, startEpochSeconds: report.result.scenario.startEpochSeconds)
        XCTAssertEqual(layout.ticks.filter(\.major).map(\.label).prefix(3), ["10:58:00", "10:59:00", "11:00:00"])
    }

    func testTheStatusLagIsShadedUntilDescribeClusterShowsTheUpdate() throws {
        let report = try TimelineFixtures.report(named: "o5-stale-describe-reverts-rancher-edit-2024")
        let bars = TimelineModel(report: report).bars.filter { $0.kind == .update }
        XCTAssertFalse(bars.isEmpty)
        for bar in bars {
            let lag = try XCTUnwrap(bar.lagUntil)
            XCTAssertEqual(lag - bar.from, 10 * .second, "statusLag: 10s")
        }
        let svg = TimelinePicture(report: report).svg
        XCTAssertTrue(svg.contains("class=\"status-lag\""))
    }

    func testTheSamRunDrawsTheSameBytes() throws {
        for name in ["docs-race-a-console-then-rancher-tags", "o10-hidden-platform-update-v1-recorded"] {
            let a = try TimelineFixtures.report(named: name), b = try TimelineFixtures.report(named: name)
            XCTAssertEqual(TimelinePicture(report: a).svg, TimelinePicture(report: b).svg, name)
            XCTAssertEqual(HTMLPage.run(a), HTMLPage.run(b), name)
        }
    }

    func testTextFromTheScenarioIsEscaped() throws {
        let report = try TimelineFixtures.report(yaml: """
            name: escape-check
            description: "a <b> & \\"c\\" 'd' ]]> </svg> <script>x</script>"
            cluster: {displayName: "demo", privateAccess: false}
            steps:
              - {at: 1m, actor: console, set: {tags.note: "<&>\\"'"}}
            """)
        let svg = TimelinePicture(report: report).svg
        XCTAssertTrue(XMLInspector.parse(svg).wellFormed)
        let html = HTMLPage.run(report)
        XCTAssertFalse(html.contains("<script"), "no script, and the description's tag is escaped")
        XCTAssertTrue(html.contains("a &lt;b&gt; &amp; \"c\" 'd' ]]&gt; &lt;/svg&gt;"))
        let embedded = try XCTUnwrap(html.range(of: "<svg").flatMap { start in html.range(of: "</svg>").map { html[start.lowerBound..<$0.upperBound] } })
        XCTAssertTrue(XMLInspector.parse(String(embedded)).wellFormed)
    }

    func testThePageStandsAlone() throws {
        let report = try TimelineFixtures.report(named: "docs-race-a-console-then-rancher-tags")
        let html = HTMLPage.run(report)
        for banned in ["<script", "<link", "@import", "@font-face", "src=", "url(http", "href=\"http"] {
            XCTAssertFalse(html.contains(banned), "the page must not load anything: found \(banned)")
        }
        let outside = html.components(separatedBy: "http").count - 1
        let namespaces = html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1
        XCTAssertEqual(outside, namespaces, "the only URL is the SVG namespace")
        // Enough to run it again: settings, tool version, the YAML.
        XCTAssertTrue(html.contains(ToolVersion.current))
        XCTAssertTrue(html.contains("rancher-2.5-cron"))
        XCTAssertTrue(html.contains("*/5 * * * *"))
        XCTAssertTrue(html.contains("EndpointAccessUpdate 1m"))
        XCTAssertTrue(html.contains("AWS status lag"))
        XCTAssertTrue(html.contains("<details><summary>Scenario YAML"))
        XCTAssertTrue(html.contains(SVGWriter.escapeText(report.result.scenario.source)))
        XCTAssertTrue(html.contains(SVGWriter.escapeText(report.findings.lost[0].explanation)))
    }
}
