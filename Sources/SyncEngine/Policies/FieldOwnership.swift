import ClusterStateMachine

/// `field-ownership`: a manager per field path, as Kubernetes server-side apply keeps in
/// `metadata.managedFields`. The manager of a field is whoever wrote it last: the newer of the
/// write `Spec.EKSConfig` holds there and the write AWS holds there (the provenance the simulator
/// keeps stands in for the managed-fields record; the cluster's initial values are Rancher's, its
/// creator's).
///
/// - The operator pushes only fields Rancher manages. A field another manager (the console) owns
///   where Rancher's spec holds a different value is a conflict, reported and not pushed, as an
///   apply without `--force-conflicts` would be.
/// - The refresher copies only fields another manager owns, at every tick (no "is updating"
///   guard): a Rancher edit is never copied over, whatever AWS shows.
/// - A person's edit is an Update, which always takes ownership: in Rancher it makes the field
///   Rancher's, in the console the console's.
///
/// Only what a read shows has a manager: a map key is claimed by the write that stored it (or an
/// explicit removal), not by the map around it, so a Rancher form that writes the whole `tags` map
/// back does not claim a console tag it never showed. A node group deleted in the console leaves
/// nothing in ListNodegroups to say who deleted it, so Rancher still owns it and recreates it.
struct FieldOwnership {
    let state: ClusterState

    func operatorSpec(_ spec: SpecDocument, upstream: SpecDocument) -> PolicyOutcome {
        var outcome = PolicyOutcome(spec: spec)
        var found: [SyncConflict] = []
        for path in FieldMerge.paths([spec, upstream], under: FieldMerge.decidedKeys(spec))
        where !rancherOwns(path, spec: spec, upstream: upstream) {
            FieldMerge.take(path, from: upstream, into: &outcome.spec)
            // Only a field the spec states (a value or an explicit removal) is part of Rancher's apply.
            if spec[path] != nil && spec.value(at: path) != upstream.value(at: path) {
                found.append(SyncConflict(path: path, rancher: spec.effectiveEntry(at: path),
                                          aws: upstream.effectiveEntry(at: path), policy: SyncPolicy.fieldOwnership.rawValue))
            }
        }
        outcome.conflicts = FieldMerge.fresh(found, state: state)
        return outcome
    }

    func refresherSync(upstream: SpecDocument) -> [ClusterEvent] {
        let spec = state.rancher.spec
        let copy = FieldMerge.paths([spec, upstream], under: FieldMerge.decidedKeys(spec)).filter { path in
            spec.value(at: path) != upstream.value(at: path) && !rancherOwns(path, spec: spec, upstream: upstream)
        }
        return FieldMerge.syncEvents(FieldMerge.sync(copying: copy, from: upstream))
    }

    /// True when the newest write at `path`, in the spec or on AWS, is Rancher's (or the cluster's
    /// initial value).
    func rancherOwns(_ path: FieldPath, spec: SpecDocument, upstream: SpecDocument) -> Bool {
        let newest = [spec[path]?.origin, upstream[path]?.origin].compactMap { $0 }.max() ?? .initial
        return newest.isInitial || state.write(newest)?.actor == .rancher
    }
}
