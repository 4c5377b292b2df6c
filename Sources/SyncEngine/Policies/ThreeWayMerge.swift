import ClusterStateMachine

/// `three-way-merge`: AppliedSpec (the last spec Rancher and AWS agreed on) is the merge base,
/// `Spec.EKSConfig` is ours, what AWS shows is theirs, decided field by field.
///
/// - The operator pushes only fields where ours ≠ base; a field only AWS changed is left as AWS
///   has it (the working spec takes AWS's value, so the ladder sees no difference there).
/// - The refresher copies only fields where theirs ≠ base and ours = base, at every tick: it needs
///   no "is updating" guard, since a field Rancher changed is never copied over.
/// - Both changed to different values is a conflict: surfaced on the cluster, neither copied nor
///   pushed, not last-writer-wins. It stands until a person changes one side (even once AppliedSpec
///   has recorded Rancher's side, which would otherwise make AWS's look like the only change).
///
/// The base is only as good as AppliedSpec: when the bridge records it before the operator has
/// applied the edit (its 10 s watch timeout, H2), the edit looks like the base and AWS's old value
/// like a change, and the refresher copies it back.
struct ThreeWayMerge {
    let state: ClusterState

    /// Which side a field takes.
    enum Side: Equatable { case ours, theirs, conflict }

    /// The three-way rule for one field.
    static func side(ours: FieldValue?, base: FieldValue?, theirs: FieldValue?) -> Side {
        if ours == theirs || theirs == base { return .ours }
        if ours == base { return .theirs }
        return .conflict
    }

    func operatorSpec(_ spec: SpecDocument, upstream: SpecDocument) -> PolicyOutcome {
        guard let base = state.rancher.appliedSpec else { return PolicyOutcome(spec: spec) }
        var outcome = PolicyOutcome(spec: spec)
        var found: [SyncConflict] = []
        for path in FieldMerge.paths([spec, base, upstream], under: FieldMerge.decidedKeys(spec)) {
            switch Self.side(ours: spec.value(at: path), base: base.value(at: path), theirs: upstream.value(at: path)) {
            case .ours: continue
            case .theirs: FieldMerge.take(path, from: upstream, into: &outcome.spec)
            case .conflict:
                FieldMerge.take(path, from: upstream, into: &outcome.spec)
                found.append(conflict(path, spec: spec, upstream: upstream))
            }
        }
        outcome.conflicts = FieldMerge.fresh(found, state: state)
        return outcome
    }

    func refresherSync(upstream: SpecDocument) -> [ClusterEvent] {
        let spec = state.rancher.spec
        guard let base = state.rancher.appliedSpec else { return [] }
        var copy: [FieldPath] = []
        var found: [SyncConflict] = []
        for path in FieldMerge.paths([spec, base, upstream], under: FieldMerge.decidedKeys(spec)) {
            let ours = spec.value(at: path), theirs = upstream.value(at: path)
            guard ours != theirs else { continue }
            switch Self.side(ours: ours, base: base.value(at: path), theirs: theirs) {
            case .ours: continue
            case .theirs where outstanding(path, ours: ours, theirs: theirs): continue
            case .theirs: copy.append(path)
            case .conflict: found.append(conflict(path, spec: spec, upstream: upstream))
            }
        }
        return FieldMerge.syncEvents(FieldMerge.sync(copying: copy, from: upstream))
            + FieldMerge.fresh(found, state: state).map(ClusterEvent.syncConflictSurfaced)
    }

    /// True while a conflict surfaced at `path` still stands (neither side changed since): it stays
    /// until a person resolves it, even after AppliedSpec has recorded Rancher's side.
    private func outstanding(_ path: FieldPath, ours: FieldValue?, theirs: FieldValue?) -> Bool {
        state.rancher.syncConflicts.contains { $0.path == path && $0.rancher?.value == ours && $0.aws?.value == theirs }
    }

    private func conflict(_ path: FieldPath, spec: SpecDocument, upstream: SpecDocument) -> SyncConflict {
        SyncConflict(path: path, rancher: spec.effectiveEntry(at: path), aws: upstream.effectiveEntry(at: path),
                     policy: SyncPolicy.threeWayMerge.rawValue)
    }
}
