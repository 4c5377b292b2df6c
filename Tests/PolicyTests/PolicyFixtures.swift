import ClusterStateMachine
import Foundation
import Simulator
import SyncEngine
import XCTest

/// Paths and helpers for the sync policy tests.
enum PolicyFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let library = root.appendingPathComponent("scenarios")
    static let policies = library.appendingPathComponent("policies")

    /// Every scenario file in `directory`, sorted.
    static func files(in directory: URL) -> [URL] {
        (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil))?
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path } ?? []
    }

    /// A library scenario (scenarios/NAME.yaml), run under `policy`.
    static func library(_ name: String, policy: SyncPolicy) throws -> Scenario {
        try ScenarioLoader.load(path: library.appendingPathComponent(name + ".yaml").path, policyOverride: policy.rawValue)
    }

    /// A policy scenario (scenarios/policies/NAME.yaml), with its own policy or another.
    static func policyScenario(_ name: String, policy: SyncPolicy? = nil) throws -> Scenario {
        try ScenarioLoader.load(path: policies.appendingPathComponent(name + ".yaml").path, policyOverride: policy?.rawValue)
    }

    static func report(_ scenario: Scenario) -> RunReport { RunReport(result: Simulation(scenario: scenario).run()) }

    /// The lost writes as `actor field` strings, sorted.
    static func lost(_ report: RunReport) -> [String] {
        report.findings.lost.map { "\($0.write.actor.rawValue) \($0.write.path)" }.sorted()
    }

    static func reverted(_ report: RunReport) -> [String] {
        report.findings.revertedByPolicy.map { "\($0.write.actor.rawValue) \($0.write.path)" }.sorted()
    }

    static func surfaced(_ report: RunReport) -> [String] {
        report.findings.surfacedConflicts.map(\.conflict.path.raw).sorted()
    }

    /// The node groups AWS has at the end.
    static func nodeGroups(_ report: RunReport) -> [String] { report.result.state.aws.visible.nodeGroupNames ?? [] }
}
