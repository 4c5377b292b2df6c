import ClusterStateMachine
import Foundation
import Simulator
import TestSupport
import XCTest

/// The scenario library, runs of it, and the tools the picture tests use.
enum TimelineFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenarios = root.appendingPathComponent("scenarios")

    /// Every scenario file in scenarios/, sorted.
    static var scenarioFiles: [URL] {
        (try? FileManager.default.contentsOfDirectory(at: scenarios, includingPropertiesForKeys: nil))?
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path } ?? []
    }

    static func report(_ file: URL) throws -> RunReport {
        let scenario = try ScenarioLoader.load(path: file.path)
        return RunReport(result: Simulation(scenario: scenario).run())
    }

    static func report(named name: String) throws -> RunReport {
        try report(scenarios.appendingPathComponent(name + ".yaml"))
    }

    static func report(yaml: String) throws -> RunReport {
        RunReport(result: Simulation(scenario: try ScenarioLoader.parse(yaml, path: "inline.yaml")).run())
    }

    /// A fresh temporary directory, removed when the test ends.
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL { try ScratchDirectory.make("timeline-tests", for: test) }

    /// An executable on PATH.
    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs a program; returns its exit status and standard error.
    @discardableResult
    static func run(_ program: URL, _ arguments: [String], in directory: URL? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// `simctl`, built beside the test bundle because this target depends on it.
    static var simctl: URL? { SimctlProcess.binary }
}
