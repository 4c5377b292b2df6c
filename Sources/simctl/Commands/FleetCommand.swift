import ArgumentParser
import EventStore
import Fleet
import Foundation
import SyncEngine

/// `simctl fleet FILE` and `simctl fleet merge F...`: many clusters against one account's API budget.
struct FleetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet",
        abstract: "Loss rate and AWS API cost per release and refresh setting, for a fleet of clusters.",
        subcommands: [FleetRunCommand.self, FleetMergeCommand.self],
        defaultSubcommand: FleetRunCommand.self)
}

/// `simctl fleet FILE [--format text|json] [--html F] [--shard K/N --out F] [--jobs N]`.
struct FleetRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a fleet file (the default subcommand: `simctl fleet FILE`).",
        discussion: """
            With --shard K/N (0 ≤ K < N) only part K of the work runs and its raw statistics are written \
            (to --out, or standard output) for `simctl fleet merge`. With --jobs N the N shards run as child \
            processes on this machine and are merged. Exit status: 0, 1 when the file's expect: does not hold, \
            2 on bad input.
            """)

    @Argument(help: "The fleet file (YAML).") var file: String
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: ArgumentHelp("Write the trade-off page (self-contained HTML) here.", valueName: "path")) var html: String?
    @Option(help: ArgumentHelp("Run part K of N (0-based) and write its raw statistics.", valueName: "K/N")) var shard: String?
    @Option(help: ArgumentHelp("With --shard: write the shard file here (default: standard output).", valueName: "path")) var out: String?
    @Option(help: "Run this many shards as child processes and merge them.") var jobs: Int?
    @Option(help: "Record every cluster's events in this SQLite database, each cluster its own stream.") var db: String?
    @Option(help: "Run every cluster's engine under this sync policy (\(SyncPolicy.names.joined(separator: ", "))).") var policy: String?

    func run() throws {
        try NamedOption.checkPolicy(policy, command: "fleet")
        var fleet: FleetFile
        do { fleet = try FleetLoader.load(path: file) } catch { throw SimctlExit.badInput("\(error)") }
        fleet.policy = policy.flatMap(SyncPolicy.named)
        var part = Shard.whole
        if let shard {
            guard let parsed = Shard(parsing: shard) else {
                throw SimctlExit.badInput("simctl fleet: --shard \(shard): expected K/N with 0 ≤ K < N, like 0/4")
            }
            part = parsed
        }
        if let jobs, jobs < 1 { throw SimctlExit.badInput("simctl fleet: --jobs \(jobs): expected a number ≥ 1") }
        if jobs != nil && shard != nil { throw SimctlExit.badInput("simctl fleet: --jobs runs every shard itself; give --shard or --jobs, not both") }
        if out != nil && shard == nil { throw SimctlExit.badInput("simctl fleet: --out writes a shard file; it needs --shard K/N") }
        if db != nil && jobs != nil { throw SimctlExit.badInput("simctl fleet: --db records one process's clusters; with --jobs give each shard its own --db") }
        if shard != nil && html != nil { throw SimctlExit.badInput("simctl fleet: a shard has no report; --html goes with `simctl fleet merge`") }

        var store: EventStore?
        if let db {
            do { store = try EventStore(path: db) } catch { throw SimctlExit.badInput("simctl: \(error)") }
        }
        if shard != nil {
            let data = try FleetRunner.run(fleet, shard: part, recordingIn: store).encoded()
            if let out { try PictureOutput.save(String(decoding: data, as: UTF8.self), to: out) } else { Output.print(String(decoding: data, as: UTF8.self)) }
            return
        }
        let report = try jobs.map { try FleetJobs.run(file: file, jobs: $0, policy: policy) }
            ?? FleetReport(fleet: fleet, statistics: FleetRunner.run(fleet, recordingIn: store).statistics)
        try FleetOutput.print(report, format: format, html: html)
    }
}

/// `simctl fleet merge F... [--format text|json] [--html F]`.
struct FleetMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shard files of one fleet run into its report (the same bytes as the unsharded run).",
        discussion: "Exit status: 0, or 2 when a file is not a shard, shards are missing or given twice, or they come from different runs.")

    @Argument(help: "Shard files written by `simctl fleet FILE --shard K/N --out F`.") var files: [String]
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: ArgumentHelp("Write the trade-off page (self-contained HTML) here.", valueName: "path")) var html: String?

    func run() throws {
        let report: FleetReport
        do {
            var shards: [(path: String, file: ShardFile)] = []
            for path in files { shards.append((path, try FleetRunner.readShard(path: path))) }
            report = try FleetRunner.merge(shards)
        } catch {
            throw SimctlExit.badInput("simctl fleet merge: \(error)")
        }
        try FleetOutput.print(report, format: format, html: html)
    }
}

/// The report on standard output, and the page when asked for.
enum FleetOutput {
    static func print(_ report: FleetReport, format: OutputFormat, html: String?) throws {
        if let html { try PictureOutput.save(report.html, to: html) }
        let failures = report.expectationFailures
        switch format {
        case .text:
            var text = report.text
            if !failures.isEmpty { text += "\nExpectations failed:\n" + failures.map { "  ✗ \($0)\n" }.joined() }
            Output.print(text)
        case .json: Output.print(report.json.rendered(pretty: true))
        }
        if !failures.isEmpty { throw SimctlExit.failed() }
    }
}

/// `--jobs N`: this executable run N times as `fleet FILE --shard k/N --out …`, in parallel
/// child processes (never threads inside a simulated run), then merged.
enum FleetJobs {
    static func run(file: String, jobs: Int, policy: String? = nil) throws -> FleetReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("simctl-fleet-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        var children: [(Process, Pipe, String)] = []
        for k in 0..<jobs {
            let path = folder.appendingPathComponent("shard-\(k).json").path
            let child = Process()
            child.executableURL = executable
            child.arguments = ["fleet", file, "--shard", "\(k)/\(jobs)", "--out", path] + (policy.map { ["--policy", $0] } ?? [])
            let errors = Pipe()
            child.standardError = errors
            try child.run()
            children.append((child, errors, path))
        }
        var shards: [(path: String, file: ShardFile)] = []
        var failures: [String] = []
        for (k, (child, errors, path)) in children.enumerated() {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            child.waitUntilExit()
            if child.terminationStatus != 0 {
                failures.append("shard \(k)/\(jobs) exited \(child.terminationStatus): \(message)")
                continue
            }
            do { shards.append((path, try FleetRunner.readShard(path: path))) } catch { failures.append("\(error)") }
        }
        if !failures.isEmpty { throw SimctlExit.badInput("simctl fleet --jobs: " + failures.joined(separator: "\n")) }
        do { return try FleetRunner.merge(shards) } catch { throw SimctlExit.badInput("simctl fleet --jobs: \(error)") }
    }
}
