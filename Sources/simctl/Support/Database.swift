import EventStore
import Simulator

/// Opening `--db` for reading: a missing or foreign file is bad input (exit 2), never modified.
enum Database {
    /// Read-only: `history`, `state` and `replay` never write the file (it may be read-only).
    static func openExisting(_ path: String) throws -> EventStore {
        do {
            return try EventStore.openReadOnly(path: path)
        } catch {
            throw SimctlExit.badInput("simctl: \(error)")
        }
    }

    /// The runs to show: all of them, or the one `--run` names; `--cluster` keeps one cluster's.
    static func runs(in store: EventStore, run: Int64?, cluster: String?) throws -> [RunRecord] {
        var runs = try store.runs()
        if let run {
            runs = runs.filter { $0.id == run }
            if runs.isEmpty { throw SimctlExit.badInput("simctl: no run \(run) in \(store.path)") }
        }
        if let cluster {
            runs = runs.filter { $0.streamId.hasPrefix(cluster + "/") || $0.scenarioName == cluster }
            if runs.isEmpty { throw SimctlExit.badInput("simctl: no cluster \"\(cluster)\" in \(store.path)") }
        }
        return runs
    }
}
