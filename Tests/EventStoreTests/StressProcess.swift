import Foundation
import XCTest

/// The `eventstore-stress` child process, found beside the test bundle, with its stdout read line by line.
final class StressProcess {
    let process = Process()
    private let output = Pipe()
    private var buffer = Data()

    /// The built `eventstore-stress` executable: in the build products directory that holds the test bundle.
    static func executableURL() throws -> URL {
        var directories: [URL] = []
        if let override = ProcessInfo.processInfo.environment["EVENTSTORE_STRESS_DIR"] {
            directories.append(URL(fileURLWithPath: override))
        }
        for bundle in Bundle.allBundles + [Bundle(for: StressProcess.self), Bundle.main] {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
            directories.append(bundle.bundleURL)
            if let executable = bundle.executableURL { directories.append(executable.deletingLastPathComponent()) }
        }
        directories.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for directory in directories {
            let candidate = directory.appendingPathComponent("eventstore-stress")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw StressProcessNotFound(searched: directories.map(\.path))
    }

    init(arguments: [String]) throws {
        process.executableURL = try Self.executableURL()
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
    }

    var pid: pid_t { process.processIdentifier }

    /// The next line the child printed, or nil once it has exited and everything was read.
    func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            buffer.append(chunk)
        }
    }

    /// Kills the child with SIGKILL if it is still running after `seconds`, so a hung child cannot hang the test.
    func killAfter(seconds: Double) {
        let pid = self.pid
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { kill(pid, SIGKILL) }
    }
}

/// The `eventstore-stress` executable was not built next to the tests (it should be: the test target depends on it).
struct StressProcessNotFound: Error, CustomStringConvertible {
    let searched: [String]
    var description: String { "eventstore-stress not found next to the test bundle; looked in \(searched)" }
}
