import Foundation

/// Checks every file a command will write before anything runs: each can be written, and none is
/// the database, an input, or another output (`--html x --svg x` would overwrite one with the other).
enum OutputPaths {
    /// One file to be written, with the flag that asked for it (`--html`).
    struct Output {
        var flag: String
        var path: String
    }

    static func check(_ outputs: [Output], database: String?, inputs: [String]) throws {
        var taken: [String: String] = [:]  // canonical path → what it is
        if let database, database != ":memory:" {
            for suffix in ["", "-wal", "-shm", "-journal"] { taken[canonical(database + suffix)] = "the database (--db \(database))" }
            try checkWritable(database, flag: "--db")
        }
        for input in inputs { taken[canonical(input)] = "the scenario file \(input)" }
        for output in outputs {
            let key = canonical(output.path)
            if let other = taken[key] {
                throw SimctlExit.badInput("simctl: \(output.flag) \(output.path) is \(other); choose another path")
            }
            taken[key] = "the \(output.flag) output \(output.path)"
            try checkWritable(output.path, flag: output.flag)
        }
    }

    /// The path with `.`, `..` and symbolic links resolved, so two spellings of a file compare equal.
    static func canonical(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let directory = url.deletingLastPathComponent().resolvingSymlinksInPath()
        let full = directory.appendingPathComponent(url.lastPathComponent)
        return (FileManager.default.fileExists(atPath: full.path) ? full.resolvingSymlinksInPath() : full).path
    }

    private static func checkWritable(_ path: String, flag: String) throws {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw SimctlExit.badInput("simctl: \(flag) \(path) is a directory; expected a file path") }
            if !files.isWritableFile(atPath: path) { throw SimctlExit.badInput("simctl: \(flag) \(path) is not writable") }
            return
        }
        let parent = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        guard files.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SimctlExit.badInput("simctl: \(flag) \(path): the directory \(parent) does not exist")
        }
        guard files.isWritableFile(atPath: parent) else {
            throw SimctlExit.badInput("simctl: \(flag) \(path): the directory \(parent) is not writable")
        }
    }
}
