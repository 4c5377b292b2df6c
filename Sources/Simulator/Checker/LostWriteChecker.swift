import ClusterStateMachine

/// Reads a run's log and says which writes were lost, by whom and why (ARCHITECTURE.md,
/// "Lost writes, precisely"): provenance, not a final-value diff.
public enum LostWriteChecker {
    public static func check(_ run: RunResult) -> Findings {
        let tally = LossTally()
        var state = ClusterState()
        for timed in run.log {
            tally.folding(timed, before: state)
            state.apply(timed) { tally.stored($0) }
        }
        return tally.findings(state: state, settled: run.settled) { write, first, final, lineage in
            Explanation(run: run, lineage: lineage).lost(write, first: first, final: final)
        }
    }

    /// The clobber that made the loss final: the last one on AWS (where the cluster really is),
    /// preferring the write's own path; else the last one anywhere.
    static func finalClobber(of write: Write, among clobbers: [Clobber]) -> Clobber? {
        guard let last = clobbers.last(where: { $0.surface == .aws }) else { return clobbers.last }
        return clobbers.last { $0.surface == .aws && $0.path == write.path && $0.at == last.at } ?? last
    }

    /// The leaf paths a write stored: each must survive somewhere for the write to survive.
    static func leaves(of write: Write) -> [FieldPath] {
        guard let value = write.value else {
            return write.path.parent == nil ? [] : [write.path]  // unmanaging a key stores nothing
        }
        return value.entries(at: write.path, origin: write.id, readAt: 0).keys.sorted().map(FieldPath.init(unchecked:))
    }

    static func alive(_ path: FieldPath, _ id: WriteID, _ state: ClusterState, _ lineage: inout Lineage) -> Bool {
        for surface in Surface.holdingWrites {
            if let origin = state.document(surface)?.effectiveEntry(at: path)?.origin, lineage.saw(origin, id) { return true }
        }
        return false
    }

    /// Managed keys whose values differ between `Spec.EKSConfig` and AWS at the end.
    static func divergence(_ state: ClusterState) -> [Divergence] {
        var result: [Divergence] = []
        for field in FieldSchema.cluster where field.nillable && field.updatable && state.rancher.spec.isManaged(field.name) {
            let path = FieldPath(unchecked: field.name)
            guard !state.rancher.spec.sameValues(under: path, as: state.aws.visible) else { continue }
            result.append(Divergence(field: path, rancher: state.rancher.spec.json(at: path) ?? .null,
                                     aws: state.aws.visible.json(at: path) ?? .null))
        }
        return result
    }
}
