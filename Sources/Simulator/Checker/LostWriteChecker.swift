import ClusterStateMachine

/// Reads a run's log and says which writes were lost, by whom and why (ARCHITECTURE.md,
/// "Lost writes, precisely"): provenance, not a final-value diff.
public enum LostWriteChecker {
    public static func check(_ run: RunResult) -> Findings {
        var lineage = Lineage()
        var state = ClusterState()
        var clobbers: [Clobber] = []
        var refused: [RefusedWrite] = []
        var failedOrigins = Set<WriteID>()
        var refusals: [WriteID: (String, String)] = [:]
        for timed in run.log {
            switch timed.event {
            case .writeMade(let w): lineage.record(w)
            case .writeRefused(let r): for id in r.writes { refusals[id] = (r.operation, r.error) }
            case .awsUpdateFinished(let f) where f.status != .successful:
                if let u = state.aws.update(f.id) { failedOrigins.formUnion(u.change.entries.values.map(\.origin)) }
            default: break
            }
            state.apply(timed) { obs in
                guard Surface.holdingWrites.contains(obs.surface), let before = obs.before, let after = obs.after,
                      before.origin != after.origin, !before.origin.isInitial,
                      !lineage.saw(after.origin, before.origin) else { return }
                clobbers.append(Clobber(surface: obs.surface, path: obs.path, victim: before.origin, origin: after.origin,
                                        value: after.value, by: obs.by, action: obs.action, at: obs.at,
                                        visibleAt: obs.visibleAt, staleReadAt: after.readAt))
            }
        }

        var findings = Findings(lost: [], transientReverts: [], conflicts: [], refused: [], failed: [], inFlight: [],
                                divergence: [], clobbers: clobbers)
        let index = ClobberIndex(clobbers)
        var timeline: RunTimeline?
        let travelling = Set(state.aws.inProgressUpdates.flatMap { $0.change.entries.values.map(\.origin) })
        for write in state.writes {
            if let (op, error) = refusals[write.id] {
                refused.append(RefusedWrite(write: write, operation: op, error: error))
                continue
            }
            // A run that stopped before settling does not judge what AWS is still applying.
            if !run.settled && travelling.contains(where: { lineage.saw($0, write.id) }) {
                findings.inFlight.append(write)
                continue
            }
            let related = index.touching(write.path).map { clobbers[$0] }.filter { lineage.saw($0.victim, write.id) }
            guard let dead = leaves(of: write).first(where: { !alive($0, write.id, state, &lineage) }) else {
                if !related.isEmpty { findings.transientReverts.append(TransientRevert(write: write, clobbers: related)) }
                continue
            }
            if let holder = state.aws.visible.effectiveEntry(at: dead)?.origin, let winner = lineage.writes[holder],
               !lineage.saw(write.id, holder) {
                findings.conflicts.append(Conflict(write: write, winner: winner))
            } else if failedOrigins.contains(write.id) {
                findings.failed.append(write)
            } else {
                let final = finalClobber(of: write, among: related)
                if timeline == nil { timeline = RunTimeline(run) }
                let explanation = Explanation(timeline: timeline!, lineage: lineage).lost(write, first: related.first, final: final)
                findings.lost.append(LostWrite(write: write, firstClobber: related.first, finalClobber: final,
                                               explanation: explanation))
            }
        }
        findings.refused = refused
        findings.divergence = divergence(state)
        return findings
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
