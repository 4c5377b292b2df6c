import ClusterStateMachine
import EventStore
import Simulator

/// `--db`: one cluster's events appended to its own stream as the fleet runs, in batches, each
/// batch expecting the version the last one left (the store's optimistic concurrency).
final class StreamWriter {
    static let batchSize = 512

    let store: EventStore
    let streamId: String
    private var pending: [NewEvent] = []
    private var version: Int64?
    /// The first failure; later events are dropped and `finish` throws it.
    private var failure: (any Error)?

    init(store: EventStore, streamId: String) {
        self.store = store
        self.streamId = streamId
    }

    func add(_ timed: TimedEvent) {
        guard failure == nil else { return }
        do {
            pending.append(try RunRecorder.encode(timed, runId: 0))
            if pending.count >= Self.batchSize { try flush() }
        } catch {
            failure = error
        }
    }

    /// Appends what is left; throws the first failure of the run.
    func finish() throws {
        if let failure { throw failure }
        try flush()
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        version = try store.append(pending, to: streamId, expectedVersion: version.map { .exact($0) } ?? .noStream)
        pending.removeAll(keepingCapacity: true)
    }

    /// The stream of cluster `cluster` under a combination: `<fleet>/<release>@<setting>/<cluster>`.
    static func streamId(fleet: FleetFile, combination: Combination, cluster: String) -> String {
        // A policy run gets streams of its own: `<fleet>/<release>@<setting>+<policy>/<cluster>`.
        let policy = fleet.policy.map { "+" + $0.rawValue } ?? ""
        return "\(fleet.name)/\(combination.profile.name)@\(combination.setting.label)\(policy)/\(cluster)"
    }
}
