import ClusterStateMachine

/// What a policy made of the operator's spec: the spec to work from and the conflicts it found.
struct PolicyOutcome {
    var spec: SpecDocument
    var conflicts: [SyncConflict] = []
}
