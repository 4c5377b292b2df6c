import ArgumentParser
import Explore
import Foundation
import Simulator
import SyncEngine

/// `simctl explore`: random scenarios, race classes by signature, each shrunk and written.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Find race classes from scratch with random scenarios, shrink each, and write it as a scenario file.")

    @Option(help: "Profiles (release names or aliases) to explore; repeat for several.") var profile: [String] = []
    @Option(help: "Random runs per profile.") var budget: Int = 5000
    @Option(help: "The random seed.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Write each class's shrunk scenario here.", valueName: "dir")) var out: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @Flag(help: "Print every class in full (its steps, windows and the policies that close it), not grouped.") var detail = false
    @Option(help: "Explore under this sync policy (\(SyncPolicy.names.joined(separator: ", "))); default: Rancher as released.") var policy: String?

    func run() throws {
        let profiles = profile.isEmpty ? [Explorer.defaultProfile] : profile
        for name in profiles { try NamedOption.checkProfile(name, command: "explore") }
        try NamedOption.checkPolicy(policy, command: "explore")
        let chosen = policy.flatMap(SyncPolicy.named)
        guard budget > 0 else { throw SimctlExit.badInput("simctl explore: --budget must be above 0") }
        let catalog = ExploreCatalog(Explorer.run(profiles: profiles, budget: budget, seed: seed, policy: chosen))
        if let out {
            do { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
            catch { throw SimctlExit.badInput("simctl explore: cannot create \(out): \(error.localizedDescription)") }
            for file in catalog.files { try PictureOutput.save(file.text, to: (out as NSString).appendingPathComponent(file.name)) }
        }
        Output.print(format == .json ? catalog.json.rendered(pretty: true) : detail ? catalog.detailText : catalog.text)
    }
}
