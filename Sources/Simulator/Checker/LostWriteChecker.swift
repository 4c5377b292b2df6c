import ClusterStateMachine
import SyncEngine

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
        var unrequested = UnrequestedChangeFinder()
        var surfaced: [SurfacedConflict] = []
        for timed in run.log {
            switch timed.event {
            case .syncConflictSurfaced(let c):
                surfaced.append(SurfacedConflict(conflict: c, by: timed.actor, at: timed.at,
                                                 rancherWrite: c.rancher.flatMap { lineage.writes[$0.origin] },
                                                 awsWrite: c.aws.flatMap { lineage.writes[$0.origin] }))
            case .writeMade(let w): lineage.record(w)
            case .writeRefused(let r): for id in r.writes { refusals[id] = (r.operation, r.error) }
            case .awsUpdateFinished(let f) where f.status != .successful:
                if let u = state.aws.update(f.id) { failedOrigins.formUnion(u.change.entries.values.map(\.origin)) }
            default: break
            }
            let awsBefore = state.aws.visible
            state.apply(timed) { obs in
                unrequested.observe(obs)
                guard Surface.holdingWrites.contains(obs.surface), let before = obs.before, let after = obs.after,
                      before.origin != after.origin, !before.origin.isInitial,
                      !lineage.saw(after.origin, before.origin) else { return }
                clobbers.append(Clobber(surface: obs.surface, path: obs.path, victim: before.origin, origin: after.origin,
                                        value: after.value, by: obs.by, action: obs.action, at: obs.at,
                                        visibleAt: obs.visibleAt, staleReadAt: after.readAt))
            }
            unrequested.finish(before: awsBefore, after: state.aws.visible, run: run)
        }

        var findings = Findings(lost: [], transientReverts: [], conflicts: [], refused: [], failed: [], inFlight: [],
                                divergence: [], clobbers: clobbers, unrequestedChanges: unrequested.changes, stuck: [])
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
                if let stuck = stuck(write, state: state, run: run, lineage: &lineage) {
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
                let final = finalClobber(of: write, among: related)
                if timeline == nil { timeline = RunTimeline(run) }
                let explanation = Explanation(timeline: timeline!, lineage: lineage).lost(write, first: related.first, final: final)
                findings.lost.append(LostWrite(write: write, firstClobber: related.first, finalClobber: final,
                                               explanation: explanation))
            }
        }
        findings.refused = refused
        findings.divergence = divergence(state)
        findings.surfacedConflicts = surfaced
        applyPolicyPromises(&findings, policy: run.scenario.policy)
        return findings
    }

    /// What the sync policy promises: a write that is one side of a conflict it surfaced is not lost
    /// (it is under the surfaced conflicts), and a write it discards by design is reverted by policy.
    static func applyPolicyPromises(_ findings: inout Findings, policy: SyncPolicy) {
        let sides = Set(findings.surfacedConflicts.flatMap { [$0.rancherWrite?.id, $0.awsWrite?.id].compactMap { $0 } })
        var lost: [LostWrite] = []
        for loss in findings.lost {
            if sides.contains(loss.write.id) { continue }
            if let (actor, by) = policy.discardsByDesign, loss.write.actor == actor,
               let clobber = [loss.finalClobber, loss.firstClobber].compactMap({ $0 }).first(where: { $0.by == by }) {
                findings.revertedByPolicy.append(RevertedByPolicy(write: loss.write, clobber: clobber, policy: policy.rawValue))
                continue
            }
            lost.append(loss)
        }
        findings.lost = lost
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

    /// A Rancher edit that survives in Rancher but that AWS does not hold, while every operator pass
    /// since has failed: the call and error it fails at (the last failed operator call after it).
    static func stuck(_ write: Write, state: ClusterState, run: RunResult, lineage: inout Lineage) -> StuckWrite? {
        guard write.actor == .rancher, state.rancher.operatorFailures > 0 else { return nil }
        let onAWS = leaves(of: write).allSatisfy { path in
            state.aws.visible.effectiveEntry(at: path).map { lineage.saw($0.origin, write.id) } ?? false
        }
        guard !onAWS else { return nil }
        var failing: (call: String, error: String)?
        var since: SimTime?
        for timed in run.log where timed.at >= write.at {
            if case .awsCalled(let call) = timed.event, call.caller == .operator, let error = call.error {
                failing = (call.operation, "\(error.code): \(error.message)")
            }
            if case .operatorBackoff(let b) = timed.event, b.failures == 1 { since = timed.at }
        }
        let message = state.rancher.failureMessage
        let call = failing ?? ("validateUpdate", message)
        return StuckWrite(write: write, failingCall: call.call, error: failing?.error ?? message,
                          since: since ?? write.at, failedPasses: state.rancher.operatorFailures)
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
