import ClusterStateMachine

/// The lost-write checker's fold, event by event: who saw whose write, every clobber, refusals and
/// failed updates. `LostWriteChecker` feeds it a recorded log; a fleet feeds it live, as the
/// simulation's `observer`, so no log has to be kept.
public final class LossTally: FoldObserver {
    private(set) var lineage = Lineage()
    private(set) var clobbers: [Clobber] = []
    private var failedOrigins = Set<WriteID>()
    private var refusals: [WriteID: (String, String)] = [:]

    public init() {}

    public func folding(_ timed: TimedEvent, before state: ClusterState) {
        switch timed.event {
        case .writeMade(let w): lineage.record(w)
        case .writeRefused(let r): for id in r.writes { refusals[id] = (r.operation, r.error) }
        case .awsUpdateFinished(let f) where f.status != .successful:
            if let u = state.aws.update(f.id) { failedOrigins.formUnion(u.change.entries.values.map(\.origin)) }
        default: break
        }
    }

    public func stored(_ obs: StoreObservation) {
        guard Surface.holdingWrites.contains(obs.surface), let before = obs.before, let after = obs.after,
              before.origin != after.origin, !before.origin.isInitial,
              !lineage.saw(after.origin, before.origin) else { return }
        clobbers.append(Clobber(surface: obs.surface, path: obs.path, victim: before.origin, origin: after.origin,
                                value: after.value, by: obs.by, action: obs.action, at: obs.at,
                                visibleAt: obs.visibleAt, staleReadAt: after.readAt))
    }

    /// The verdict on every write, given the state the run ended in. `explain` words a lost write
    /// (nil: no sentences, for counting).
    func findings(state: ClusterState, settled: Bool,
                  explain: ((Write, Clobber?, Clobber?, Lineage) -> String)? = nil) -> Findings {
        var findings = Findings(lost: [], transientReverts: [], conflicts: [], refused: [], failed: [], inFlight: [],
                                divergence: [], clobbers: clobbers)
        let travelling = Set(state.aws.updates.filter { $0.status == .inProgress }.flatMap { $0.change.entries.values.map(\.origin) })
        for write in state.writes {
            if let (op, error) = refusals[write.id] {
                findings.refused.append(RefusedWrite(write: write, operation: op, error: error))
                continue
            }
            // A run that stopped before settling does not judge what AWS is still applying.
            if !settled && travelling.contains(where: { lineage.saw($0, write.id) }) {
                findings.inFlight.append(write)
                continue
            }
            let related = clobbers.filter { lineage.saw($0.victim, write.id) }
            guard let dead = LostWriteChecker.leaves(of: write).first(where: { !LostWriteChecker.alive($0, write.id, state, &lineage) }) else {
                if !related.isEmpty { findings.transientReverts.append(TransientRevert(write: write, clobbers: related)) }
                continue
            }
            if let holder = state.aws.visible.effectiveEntry(at: dead)?.origin, let winner = lineage.writes[holder],
               !lineage.saw(write.id, holder) {
                findings.conflicts.append(Conflict(write: write, winner: winner))
            } else if failedOrigins.contains(write.id) {
                findings.failed.append(write)
            } else {
                let final = LostWriteChecker.finalClobber(of: write, among: related)
                let explanation = explain?(write, related.first, final, lineage) ?? ""
                findings.lost.append(LostWrite(write: write, firstClobber: related.first, finalClobber: final,
                                               explanation: explanation))
            }
        }
        findings.divergence = LostWriteChecker.divergence(state)
        return findings
    }

    /// The findings of a live run that ended in `state`, without explanations.
    public func verdict(state: ClusterState, settled: Bool) -> Findings { findings(state: state, settled: settled) }
}
