import Foundation

/// Runs the built `simctl` binary the way a user or CI would, capturing output and exit status.
/// Every test target that depends on `simctl` finds it beside its test bundle.
public enum SimctlProcess {
    /// What one run printed and how it exited.
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// `simctl` was not built next to the tests (the target lacks the dependency).
    public struct NotBuilt: Error, CustomStringConvertible {
        public var description: String { "simctl was not built next to the tests" }
    }

    private final class Anchor {}

    /// The package's root folder: scenarios/, examples/ and the README are found from it.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `simctl`, found beside the test bundle (SwiftPM builds it because the tests depend on it).
    public static var binary: URL? {
        var directories: [URL] = []
        for bundle in Bundle.allBundles + [Bundle(for: Anchor.self), Bundle.main] {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
            if let executable = bundle.executableURL { directories.append(executable.deletingLastPathComponent()) }
        }
        directories.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        return directories.map { $0.appendingPathComponent("simctl") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `simctl arguments` in `directory` (the package root unless given) and waits for it.
    public static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> Outcome {
        guard let binary else { throw NotBuilt() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
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
