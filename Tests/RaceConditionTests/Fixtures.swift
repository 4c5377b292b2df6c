import ClusterStateMachine
import Foundation
import Simulator
import XCTest

/// Paths and helpers shared by the race condition tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenarios = root.appendingPathComponent("scenarios")

    /// Every scenario file in scenarios/, sorted.
    static var scenarioFiles: [URL] {
        (try? FileManager.default.contentsOfDirectory(at: scenarios, includingPropertiesForKeys: nil))?
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path } ?? []
    }

    static func load(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: scenarios.appendingPathComponent(name + ".yaml").path)
    }

    /// A scenario from inline YAML.
    static func scenario(_ yaml: String, file: String = "inline.yaml") throws -> Scenario {
        try ScenarioLoader.parse(yaml, path: file)
    }

    static func run(_ scenario: Scenario, options: RunOptions = RunOptions()) -> (RunResult, RunReport) {
        let result = Simulation(scenario: scenario, options: options).run()
        return (result, RunReport(result: result))
    }

    /// The lost writes as `actor field` strings, sorted.
    static func lost(_ report: RunReport) -> [String] {
        report.findings.lost.map { "\($0.write.actor.rawValue) \($0.write.path)" }.sorted()
    }
}
