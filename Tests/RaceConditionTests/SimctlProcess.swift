import Foundation
import XCTest

/// Runs the built `simctl` binary the way a user or CI would, capturing output and exit status.
struct SimctlProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    final class Anchor {}

    /// `simctl`, found beside the test bundle (SwiftPM builds it because the tests depend on it).
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
        let binary = try XCTUnwrap(Self.binary, "simctl was not built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.root
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
