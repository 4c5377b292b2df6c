import Simulator
import SyncEngine

/// `--profile` and `--policy` checked where the user typed them, before any file is read: a
/// misspelt release is the command line's mistake, not the scenario file's.
enum NamedOption {
    static func checkProfile(_ name: String?, command: String) throws {
        guard let name, Profile.named(name) == nil else { return }
        throw SimctlExit.badInput("simctl \(command): --profile \(name): unknown profile; did you mean \(Profile.suggestion(for: name))? (`simctl profiles` lists every release)")
    }

    static func checkPolicy(_ name: String?, command: String) throws {
        guard let name, SyncPolicy.named(name) == nil else { return }
        throw SimctlExit.badInput("simctl \(command): --policy: unknown sync policy \"\(name)\""
            + Suggestion.expected(name, among: SyncPolicy.names, list: "one of " + SyncPolicy.names.joined(separator: ", ")))
    }
}
