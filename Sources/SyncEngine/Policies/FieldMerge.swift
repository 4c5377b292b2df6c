import ClusterStateMachine

/// The field-by-field machinery the merging policies share: which paths they decide, and how a
/// decision becomes a working spec, a spec sync or a surfaced conflict.
///
/// A *field* here is every path a document stores: a scalar, one tag or label, one node group and
/// each of its fields (CONTRACT.md "Field paths"). Values are compared without provenance; a
/// tombstone and an absent path both mean "not there".
enum FieldMerge {
    /// The top-level keys a policy decides field by field: those `spec` manages (non-nil) that have
    /// an update path. Unmanaged keys stay nil (the ladder skips them), identity keys stay Rancher's.
    static func decidedKeys(_ spec: SpecDocument) -> [String] {
        FieldSchema.cluster.filter { $0.nillable && $0.updatable && spec.isManaged($0.name) }.map(\.name)
    }

    /// Every path stored in any of `documents` under one of `keys`, sorted (a container before its
    /// children).
    static func paths(_ documents: [SpecDocument?], under keys: [String]) -> [FieldPath] {
        let tops = Set(keys)
        var raw = Set<String>()
        for document in documents.compactMap({ $0 }) {
            for key in document.entries.keys where tops.contains(FieldPath(unchecked: key).topLevel) { raw.insert(key) }
        }
        return raw.sorted().map(FieldPath.init(unchecked:))
    }

    /// `working` with the entry at `path` taken from `source` (removed when `source` has none).
    static func take(_ path: FieldPath, from source: SpecDocument, into working: inout SpecDocument) {
        working[path] = source[path]
    }

    /// The spec sync that copies `paths` from `upstream` into the spec, each entry with its AWS
    /// provenance (a removal as AWS's tombstone); a path gone or removed goes with everything under it.
    static func sync(copying paths: [FieldPath], from upstream: SpecDocument) -> SubtreeChange {
        var change = SubtreeChange()
        for path in paths where !change.replaced.contains(where: { path.isWithin($0) }) {
            let entry = upstream[path]
            if entry?.value == nil { change.replaced.append(path) }
            if let entry { change.entries[path.raw] = entry }
        }
        return change
    }

    /// The `SpecSynced` event for `change`, if it changes anything.
    static func syncEvents(_ change: SubtreeChange) -> [ClusterEvent] {
        change.isEmpty ? [] : [.specSynced(SpecChange(change: change))]
    }

    /// The conflicts in `found` not already surfaced on the cluster, each once; a conflict inside
    /// another (a field of a node group in conflict as a whole) is part of it.
    static func fresh(_ found: [SyncConflict], state: ClusterState) -> [SyncConflict] {
        var result: [SyncConflict] = []
        for conflict in found where !found.contains(where: { $0.path != conflict.path && conflict.path.isWithin($0.path) })
            && !(state.rancher.syncConflicts + result).contains(where: { $0.sameDisagreement(as: conflict) }) {
            result.append(conflict)
        }
        return result
    }
}
