import ClusterStateMachine

/// The lost-write checker's fold, event by event: who saw whose write, every clobber, refusals,
/// failed updates, conflicts a policy surfaced and changes nobody asked for. `LostWriteChecker`
/// feeds it a recorded log; a fleet feeds it live, as the simulation's `observer`, so no log has
/// to be kept.
public final class LossTally: FoldObserver {
    private(set) var lineage = Lineage()
    private(set) var clobbers: [Clobber] = []
    private var failedOrigins = Set<WriteID>()
    private var refusals: [WriteID: (String, String)] = [:]
    private var unrequested = UnrequestedChangeFinder()
    private var surfaced: [SurfacedConflict] = []
    /// AWS as the event being folded found it (its unrequested changes are closed once it is folded).
    private var awsBefore: SpecDocument?

    public init() {}

    /// Sees an event about to be folded, with AWS before it (writes, refusals, failed updates, conflicts).
    public func folding(_ timed: TimedEvent, before aws: AWSClusterState) {
        closeEvent(after: aws.visible)
        switch timed.event {
        case .syncConflictSurfaced(let c):
            surfaced.append(SurfacedConflict(conflict: c, by: timed.actor, at: timed.at,
                                             rancherWrite: c.rancher.flatMap { lineage.writes[$0.origin] },
                                             awsWrite: c.aws.flatMap { lineage.writes[$0.origin] }))
        case .writeMade(let w): lineage.record(w)
        case .writeRefused(let r): for id in r.writes { refusals[id] = (r.operation, r.error) }
        case .awsUpdateFinished(let f) where f.status != .successful:
            if let u = aws.update(f.id) { failedOrigins.formUnion(u.change.entries.values.map(\.origin)) }
        default: break
        }
        awsBefore = aws.visible
    }

    /// Sees one value replaced on a surface while the event is folded: a clobber, or an unrequested change.
    public func stored(_ obs: StoreObservation) {
        unrequested.observe(obs)
        guard Surface.holdingWrites.contains(obs.surface), let before = obs.before, let after = obs.after,
              before.origin != after.origin, !before.origin.isInitial,
              !lineage.saw(after.origin, before.origin) else { return }
        clobbers.append(Clobber(surface: obs.surface, path: obs.path, victim: before.origin, origin: after.origin,
                                value: after.value, by: obs.by, action: obs.action, at: obs.at,
                                visibleAt: obs.visibleAt, staleReadAt: after.readAt))
    }

    private func closeEvent(after: SpecDocument) {
        if let before = awsBefore { unrequested.finish(before: before, after: after) }
        awsBefore = nil
    }

    /// The verdict on every write, given the state the run ended in. `run` gives the policy, whether
    /// it settled, and (when it kept its log) the details of explanations; `explain: false` leaves
    /// the sentences out, for counting.
    func findings(state: ClusterState, run: RunResult, explain: Bool) -> Findings {
        closeEvent(after: state.aws.visible)
        var findings = Findings(lost: [], transientReverts: [], conflicts: [], refused: [], failed: [], inFlight: [],
                                divergence: [], clobbers: clobbers, unrequestedChanges: unrequested.changes(run: run), stuck: [])
        let index = ClobberIndex(clobbers)
        var timeline: RunTimeline?
        let travelling = Set(state.aws.inProgressUpdates.flatMap { $0.change.entries.values.map(\.origin) })
        for write in state.writes {
            if let (op, error) = refusals[write.id] {
                findings.refused.append(RefusedWrite(write: write, operation: op, error: error))
                continue
            }
            // A run that stopped before settling does not judge what AWS is still applying.
            if !run.settled && travelling.contains(where: { lineage.saw($0, write.id) }) {
                findings.inFlight.append(write)
                continue
            }
            let related = index.touching(write.path).map { clobbers[$0] }.filter { lineage.saw($0.victim, write.id) }
            guard let dead = LostWriteChecker.leaves(of: write).first(where: { !LostWriteChecker.alive($0, write.id, state, &lineage) }) else {
                if let stuck = LostWriteChecker.stuck(write, state: state, run: run, lineage: &lineage) {
                    findings.stuck.append(stuck)
                    continue
                }
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
                var explanation = ""
                if explain {
                    if timeline == nil { timeline = RunTimeline(run) }
                    explanation = Explanation(timeline: timeline!, lineage: lineage).lost(write, first: related.first, final: final)
                }
                findings.lost.append(LostWrite(write: write, firstClobber: related.first, finalClobber: final,
                                               explanation: explanation))
            }
        }
        findings.divergence = LostWriteChecker.divergence(state)
        findings.surfacedConflicts = surfaced
        LostWriteChecker.applyPolicyPromises(&findings, policy: run.scenario.policy)
        return findings
    }

    /// The findings of a live run (`keepsLog: false`) that ended as `run` says, without explanations.
    public func verdict(_ run: RunResult) -> Findings { findings(state: run.state, run: run, explain: false) }
}
