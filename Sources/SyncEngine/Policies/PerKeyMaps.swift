import ClusterStateMachine

/// `per-key-maps`: `tags`, each node group's `labels` and `tags`, and the `nodeGroups` list are
/// merged by key instead of replaced whole, the way kubectl's strategic merge patch treats maps and
/// lists with a merge key: what Rancher last applied (AppliedSpec) says which keys are Rancher's.
///
/// - A key AWS has and the spec lacks is removed only if Rancher applied it before (it was in
///   AppliedSpec); otherwise someone else added it, and it stays (a console tag, a node group
///   created in the console).
/// - A key the spec has and AWS lacks is created only if Rancher never applied it; a key that was
///   applied, is unchanged in the spec and is gone from AWS was removed there on purpose, and is
///   not recreated (a node group deleted in the console).
/// - Values of keys both have, and every other field, are pushed as the real operator pushes them.
///
/// The refresher is unchanged: it syncs only while Spec == AppliedSpec, and against a base equal to
/// the spec a per-key merge gives exactly the whole-key replacement.
struct PerKeyMaps {
    let state: ClusterState

    func operatorSpec(_ spec: SpecDocument, upstream: SpecDocument) -> PolicyOutcome {
        guard let base = state.rancher.appliedSpec else { return PolicyOutcome(spec: spec) }
        var working = spec
        for map in Self.maps(in: spec) {
            merge(map, spec: spec, base: base, upstream: upstream, into: &working)
        }
        return PolicyOutcome(spec: working)
    }

    /// The managed maps of `spec`: `tags`, `nodeGroups`, and each node group's `labels` and `tags`.
    static func maps(in spec: SpecDocument) -> [FieldPath] {
        var result: [FieldPath] = []
        if spec.value(at: "tags") == .container { result.append("tags") }
        if let groups = spec.nodeGroupNames {
            result.append("nodeGroups")
            for name in groups {
                for field in ["labels", "tags"] {
                    let path = FieldPath.nodeGroup(name).appending(field)
                    if spec.value(at: path) == .container { result.append(path) }
                }
            }
        }
        return result
    }

    private func merge(_ map: FieldPath, spec: SpecDocument, base: SpecDocument, upstream: SpecDocument,
                       into working: inout SpecDocument) {
        let ours = Set(spec.children(of: map).map(\.key))
        let applied = Set(base.children(of: map).map(\.key))
        let theirs = Set(upstream.children(of: map).map(\.key))
        for key in theirs.subtracting(ours).subtracting(applied).sorted() {
            // Added outside Rancher: keep it, as AWS has it.
            let path = map.appending(key)
            working.replaceSubtree(path, with: upstream.subtree(path))
        }
        for key in ours.subtracting(theirs).intersection(applied).sorted() {
            // Applied, untouched in Rancher, gone from AWS: removed outside Rancher on purpose.
            let path = map.appending(key)
            guard spec.sameValues(under: path, as: base) else { continue }
            working.removeSubtree(path)
        }
    }
}
