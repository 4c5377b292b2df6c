import Benchmarks
import ClusterStateMachine
import Foundation
import XCTest

/// The bench's report has every figure, positive, and the two writers agree; timings are never asserted.
final class BenchSmokeTests: XCTestCase {
    static let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios").path

    static let requiredKeys = [
        "eventStore.ratio", "eventStore.appendsPerSec", "eventStore.rawSQLiteInsertsPerSec",
        "eventStore.encodeAndAppendPerSec", "fold.eventsPerSec", "simulation.simulatedSecondsPerWallSecond",
        "simulation.scenarioRunsPerSec", "sweep.runs", "sweep.wallSeconds", "eventStore.encodeAndAppendRatio",
        "fleet.clusterDaysPerWallSecond", "fleet.scalingRatio",
    ]

    func testSmokeReportHasEveryFigureAndBothWritersWroteTheSameRows() throws {
        let config = BenchConfig.smoke(scenariosDirectory: Self.scenarios)
        let report = try Bench(config: config).run()

        // The JSON as printed parses, and every required key holds a positive number.
        let text = report.json.rendered(pretty: true)
        let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in Self.requiredKeys {
            let parts = key.split(separator: ".").map(String.init)
            let section = try XCTUnwrap(parsed[parts[0]] as? [String: Any], "no section \(parts[0])")
            let number = try XCTUnwrap(section[parts[1]] as? NSNumber, "\(key) is missing or not a number")
            XCTAssertGreaterThan(number.doubleValue, 0, key)
        }
        let machine = try XCTUnwrap(parsed["machine"] as? [String: Any])
        XCTAssertGreaterThan(try XCTUnwrap(machine["cores"] as? NSNumber).intValue, 0)
        let targets = try XCTUnwrap(parsed["targets"] as? [[String: Any]])
        XCTAssertEqual(Set(targets.compactMap { $0["key"] as? String }),
                       ["eventStore.ratio", "eventStore.encodeAndAppendRatio", "fold.eventsPerSec",
                        "simulation.simulatedSecondsPerWallSecond", "bench.wallSeconds",
                        "scaling.steps.ratio", "scaling.nodeGroups.ratio", "scaling.stringBytes.ratio", "fleet.scalingRatio"])
        XCTAssertTrue(targets.allSatisfy { $0["met"] is Bool })

        // The raw loop, the store and the encoding writer wrote the same rows: every event asked for.
        XCTAssertEqual(report.eventStore.storeRows, report.eventStore.rawRows)
        XCTAssertEqual(report.eventStore.encodeRows, report.eventStore.rawRows)
        // Each scaling figure ran its scenario at two sizes: twice the work made more events or stored more bytes.
        let scaling = try XCTUnwrap(parsed["scaling"] as? [String: Any])
        XCTAssertEqual(Set(scaling.keys), ["steps", "nodeGroups", "stringBytes"])
        for figure in report.scaling.figures {
            XCTAssertEqual(figure.size * 2, (scaling[figure.dimension] as? [String: Any])?["doubledSize"] as? Int)
            XCTAssertTrue(figure.doubledEvents > figure.events || figure.doubledStoredBytes > figure.storedBytes, figure.dimension)
            XCTAssertTrue(report.text.contains("scaling.\(figure.dimension).ratio"))
        }
        XCTAssertEqual(report.eventStore.storeRows, config.storeEvents)
        // The fold folded at least what was asked; the sweep ran more than once; the library ran every file.
        XCTAssertGreaterThanOrEqual(report.fold.eventsFolded, config.foldEvents)
        XCTAssertGreaterThan(report.sweep.runs, 1)
        XCTAssertEqual(report.simulation.scenarioRuns, report.simulation.libraryScenarios * config.libraryPasses)
        // The fleet ran the clusters × hours asked for.
        XCTAssertEqual(report.fleet.clusterDays, Double(config.fleetClusters * config.fleetHours) / 24, accuracy: 1e-9)

        // The text table names every figure.
        for key in Self.requiredKeys { XCTAssertTrue(report.text.contains(key), key) }
    }

    func testMissingScenarioLibraryIsAnError() {
        let config = BenchConfig.smoke(scenariosDirectory: "/nonexistent/scenarios")
        XCTAssertThrowsError(try Bench(config: config).run()) { error in
            XCTAssertTrue(error is BenchError, "\(error)")
        }
    }
}
