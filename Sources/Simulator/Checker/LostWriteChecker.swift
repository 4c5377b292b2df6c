import ClusterStateMachine
import SyncEngine

/// Reads a run's log and says which writes were lost, by whom and why (ARCHITECTURE.md,
/// "Lost writes, precisely"): provenance, not a final-value diff.
public enum LostWriteChecker {
    /// Folds the run's log once and returns every finding, lost writes explained.
    public static func check(_ run: RunResult) -> Findings {
        let tally = LossTally()
        var state = ClusterState()
        for timed in run.log {
            tally.folding(timed, before: state.aws)
            state.apply(timed) { tally.stored($0) }
        }
        return tally.findings(state: state, run: run, explain: true)
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
