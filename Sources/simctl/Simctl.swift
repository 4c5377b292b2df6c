import ArgumentParser
import Foundation

/// `simctl`: run EKS sync race scenarios, read their audit history, fold state, replay, sweep.
@main
struct Simctl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simctl",
        abstract: "Replay Rancher/EKS concurrent-update races and report every lost write.",
        version: "0.1.0",
        subcommands: [RunCommand.self, HistoryCommand.self, StateCommand.self, ReplayCommand.self,
                      SweepCommand.self, ExploreCommand.self, ProfilesCommand.self, CompareCommand.self, AuditCommand.self,
                      FleetCommand.self, BenchCommand.self])

    /// Parses and runs; bad input exits 2 (CONTRACT.md §3), not ArgumentParser's 64. Every error
    /// message starts `simctl` (or with the `file:line:column` it is about), never `Error:`.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as SimctlExit {
            if !exit.message.isEmpty { FileHandle.standardError.write(Data((exit.message + "\n").utf8)) }
            Foundation.exit(exit.code)
        } catch {
            if exitCode(for: error) == .success {
                self.exit(withError: error)  // --help, --version
            }
            let message = fullMessage(for: error)
            let text = message.hasPrefix("Error: ") ? "simctl: " + message.dropFirst("Error: ".count) : "simctl: " + message
            FileHandle.standardError.write(Data((text + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
