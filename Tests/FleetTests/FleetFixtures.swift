import Fleet
import Foundation
import Simulator
import XCTest

/// Fleet files for the tests, built from the shipped example's shape at small sizes.
enum FleetFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fleets = root.appendingPathComponent("scenarios/fleet")

    /// A fleet file's text: `clusters` clusters (over `accounts`) for `duration`, the given
    /// releases and settings, optional rate limits and restart.
    static func yaml(clusters: Int = 6, accounts: Int = 1, duration: String = "2h", consolePerDay: Int = 24,
                     rancherPerDay: Int = 48, profiles: String = "[eks-operator-2025]", eksRefresh: String = "[300]",
                     eksRefreshCron: String? = nil, rateLimits: String? = nil, restart: String? = nil,
                     callLatency: String = "100ms", seed: Int = 3) -> String {
        var text = """
            name: fleet-test
            start: 2025-02-03T00:00:00Z
            duration: \(duration)
            seed: \(seed)
            clusters:
              count: \(clusters)
              accounts: \(accounts)
              template:
                kubernetesVersion: "1.29"
                tags: {team: platform}
                nodeGroups:
                  - {nodegroupName: ng1, version: "1.29", desiredSize: 2, minSize: 1, maxSize: 5}
              managed: all
            workload:
              console:
                perClusterPerDay: \(consolePerDay)
                set: {privateAccess: 0.2, tags.owner: 0.4, nodeGroups.ng1.desiredSize: 0.4}
              rancher:
                perClusterPerDay: \(rancherPerDay)
                set: {tags.env: 0.5, nodeGroups.ng1.desiredSize: 0.5}
            aws:
              callLatency: \(callLatency)

            """
        if let rateLimits { text += "  rateLimits: \(rateLimits)\n" }
        if let restart { text += "rancherRestart: \(restart)\n" }
        text += "compare:\n  profiles: \(profiles)\n  eksRefresh: \(eksRefresh)\n"
        if let eksRefreshCron { text += "  eksRefreshCron: \(eksRefreshCron)\n" }
        return text
    }

    static func fleet(_ text: String) throws -> FleetFile { try FleetLoader.parse(text, path: "fleet-test.yaml") }

    static func report(_ text: String) throws -> FleetReport { FleetRunner.report(try fleet(text)) }

    /// A temporary folder removed at the end of the test.
    static func folder(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fleet-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

/// The built `simctl`, run as a user would.
enum Simctl {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    final class Anchor {}

    static var binary: URL? {
        var directories: [URL] = []
        for bundle in Bundle.allBundles + [Bundle(for: Anchor.self), Bundle.main] {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
            if let executable = bundle.executableURL { directories.append(executable.deletingLastPathComponent()) }
        }
        directories.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        return directories.map { $0.appendingPathComponent("simctl") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = try XCTUnwrap(binary, "simctl was not built next to the tests")
        process.arguments = arguments
        process.currentDirectoryURL = FleetFixtures.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }
}
