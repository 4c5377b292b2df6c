import ArgumentParser
import Simulator
import SyncEngine

/// `simctl profiles`: the Rancher releases modeled and every behaviour that differs between them.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the Rancher releases modeled, their eks-operator versions and behaviours.",
        discussion: "With a release name (or alias), shows that one release in full.")

    @Argument(help: "A release (`rancher-2.6.3`), an alias, or `latest`.") var name: String?
    @Option(help: "text or json.") var format: OutputFormat = .text

    func run() throws {
        if let name {
            guard let profile = Profile.named(name) else {
                throw SimctlExit.badInput("simctl: unknown profile \(name); did you mean \(Profile.suggestion(for: name))?")
            }
            switch format {
            case .text: Output.print(ReleaseReport.text(for: profile))
            case .json:
                let row = ReleaseReport.json
                guard case .object(let pairs) = row, case .array(let releases)? = pairs.first(where: { $0.0 == "releases" })?.1,
                      let match = releases.first(where: { if case .object(let p) = $0 { p.first?.1 == .string(profile.release.name) } else { false } })
                else { return }
                Output.print(match.rendered(pretty: true))
            }
            return
        }
        switch format {
        case .text: Output.print(ReleaseReport.text)
        case .json: Output.print(ReleaseReport.json.rendered(pretty: true))
        }
    }
}
