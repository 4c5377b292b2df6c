import ClusterStateMachine

/// Collects AWS stores by Rancher's components in which neither the old nor the new value came
/// from a person's write, grouped per call and highest changed path.
struct UnrequestedChangeFinder {
    private var pending: [StoreObservation] = []
    /// Each change found: the store, and the path's value on AWS before and after its event.
    private var found: [(obs: StoreObservation, before: JSONValue, after: JSONValue)] = []

    /// Sees one store while an event is folded.
    mutating func observe(_ obs: StoreObservation) {
        guard obs.surface == .aws, obs.by == .operator, obs.before?.value != obs.after?.value,
              obs.before?.origin.isInitial ?? true, obs.after?.origin.isInitial ?? true else { return }
        pending.append(obs)
    }

    /// After the event was folded: one change per highest path, with AWS before and after it.
    mutating func finish(before: SpecDocument, after: SpecDocument) {
        defer { pending.removeAll() }
        guard !pending.isEmpty else { return }
        let paths = Set(pending.map(\.path))
        for obs in pending where !paths.contains(where: { $0 != obs.path && obs.path.isWithin($0) }) {
            found.append((obs, before.json(at: obs.path) ?? .null, after.json(at: obs.path) ?? .null))
        }
    }

    /// How many changes were found.
    var count: Int { found.count }

    /// The changes found, each with its reason (read from `run`'s log when it kept one).
    func changes(run: RunResult) -> [UnrequestedChange] {
        found.map { UnrequestedChange(field: $0.obs.path, before: $0.before, after: $0.after,
                                      by: $0.obs.by, action: $0.obs.action, at: $0.obs.at, why: Self.why($0.obs, run: run)) }
    }

    /// The reason: the refresher's copy the operator acted on, and the failed read behind it.
    static func why(_ obs: StoreObservation, run: RunResult) -> String {
        let readAt = obs.after?.readAt ?? obs.at
        let base = "No person asked for it: the eks-operator called \(obs.action) at \(run.clock(obs.at)) to make AWS match Rancher's Spec.EKSConfig, which held a value copied from AWS at \(run.clock(readAt))."
        guard let failed = run.log.last(where: { timed in
            guard timed.at <= readAt, case .awsCalled(let call) = timed.event else { return false }
            return call.caller == .refresher && call.operation == "ListNodegroups" && call.error != nil
        }), case .awsCalled(let call) = failed.event, let error = call.error else { return base }
        return base + " That copy came from the refresh at \(run.clock(failed.at)), when ListNodegroups failed (\(error.code) \(error.httpStatus)) and \(run.scenario.profile.release.name) took the failure for an empty node group list (rancher#35804, fixed in Rancher v2.5.12 by 8ab060920d)."
    }
}
