import ClusterStateMachine

/// Collects AWS stores by Rancher's components in which neither the old nor the new value came
/// from a person's write, grouped per call and highest changed path.
struct UnrequestedChangeFinder {
    private var pending: [StoreObservation] = []
    private(set) var changes: [UnrequestedChange] = []

    /// Sees one store while an event is folded.
    mutating func observe(_ obs: StoreObservation) {
        guard obs.surface == .aws, obs.by == .operator, obs.before?.value != obs.after?.value,
              obs.before?.origin.isInitial ?? true, obs.after?.origin.isInitial ?? true else { return }
        pending.append(obs)
    }

    /// After the event was folded: one change per highest path, with AWS before and after it.
    mutating func finish(before: SpecDocument, after: SpecDocument, run: RunResult) {
        defer { pending.removeAll() }
        guard !pending.isEmpty else { return }
        let paths = Set(pending.map(\.path))
        for obs in pending where !paths.contains(where: { $0 != obs.path && obs.path.isWithin($0) }) {
            changes.append(UnrequestedChange(
                field: obs.path, before: before.json(at: obs.path) ?? .null, after: after.json(at: obs.path) ?? .null,
                by: obs.by, action: obs.action, at: obs.at, why: Self.why(obs, run: run)))
        }
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
