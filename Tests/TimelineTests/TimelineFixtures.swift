import ClusterStateMachine
import Foundation
import Simulator
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
    static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

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

    final class Anchor {}

    /// `simctl`, built beside the test bundle because this target depends on it.
    static var simctl: URL? {
        var directories: [URL] = []
        for bundle in Bundle.allBundles + [Bundle(for: Anchor.self), Bundle.main] {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
            if let executable = bundle.executableURL { directories.append(executable.deletingLastPathComponent()) }
        }
        directories.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        return directories.map { $0.appendingPathComponent("simctl") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
