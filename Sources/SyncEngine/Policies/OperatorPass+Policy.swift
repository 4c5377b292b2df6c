import ClusterStateMachine

extension OperatorPass {
    /// Step 8's input under the sync policy: the ladder works from the policy's spec (and so sends
    /// only what the policy lets through); the conflicts it found are surfaced on the cluster.
    mutating func applyPolicy(upstream: SpecDocument) {
        guard policy != .rancher else { return }
        let outcome = policy.operatorSpec(spec, upstream: upstream, state: state)
        spec = outcome.spec
        for conflict in outcome.conflicts { emit(.syncConflictSurfaced(conflict)) }
    }
}
