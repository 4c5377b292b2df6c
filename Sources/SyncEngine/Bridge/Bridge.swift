import ClusterStateMachine

/// Rancher's cluster handler for EKS (`eks_cluster_handler.go`, reference §4.3): copies
/// `Spec.EKSConfig` into the EKSClusterConfig, watches the operator's phase for 10 s, and records
/// AppliedSpec.
///
/// The real handler blocks in its watch (`updateEKSClusterConfig` waits up to 10 s), and the
/// workqueue never runs the same key twice at once: while `bridgeWatch` is open, later triggers
/// wait for the watch to end.
struct Bridge {
    let profile: Profile
    let timings: SyncTimings

    /// `onClusterChange`.
    func sync(state: ClusterState, aws: any EKSAPI, clock: some SimulationClock) -> Decision {
        let rancher = state.rancher
        if let watch = rancher.bridgeWatch {
            // Still blocked in the watch. Only a watch event whose phase is not `active` ends it
            // early (the operator's UpdateStatus; its reaction brings us here).
            guard rancher.phase != .active else { return .none }
            return watchEnded(phase: rancher.phase, pendingEdit: !rancher.spec.sameValues(as: watch.pushedSpec))
        }

        // §4.3 step 3: any difference between Spec.EKSConfig and the EKSClusterConfig spec is
        // pushed as a full replacement. Entries are copied as they are: the origins travel along.
        if !rancher.spec.sameValues(as: rancher.eksccSpec) {
            let pushed = ClusterEvent.eksConfigPushed(DocumentStored(document: rancher.spec, reason: "Spec.EKSConfig differs"))
            guard rancher.phase == .active else {
                // The watch is opened before the Update, so the bridge's own Update is its first
                // event. It carries the current phase: when that is not `active`, the watch ends at
                // once and AppliedSpec is not recorded.
                var decision = watchEnded(phase: rancher.phase, pendingEdit: false)
                decision.events.insert(pushed, at: 0)
                return decision
            }
            return Decision(events: [pushed], requeues: [Requeue(.bridgeWatchTimeout, after: timings.bridgeWatchTimeout)])
        }

        // §4.3 step 4: switch on the EKSClusterConfig phase.
        switch rancher.phase {
        case .active:
            if rancher.upstreamSpec == nil {
                // `setInitialUpstreamSpec` runs for imported clusters only (eks_cluster_handler.go
                // v2.11:181-184); a Rancher-created cluster whose UpstreamSpec a failed refresh
                // nulled gets the "nil UpstreamSpec" error instead (v2.11:195-197).
                guard rancher.spec.bool("imported") == true || !rancher.upstreamSpecCleared else { return .none }
                return initialUpstreamSpec(state: state, aws: aws, clock: clock)
            }
            // Rancher 2.5.7+: `Updated` False with `[Syncing error` returns before AppliedSpec
            // (v2.5.7:235-237, v2.11:191-193). Clearing it is a Cluster change, which runs us again.
            if profile.has(.syncingErrorGate) && !rancher.refresher.condition.isEmpty { return .none }
            if let applied = rancher.appliedSpec, applied.sameValues(as: rancher.spec) { return .none }
            return Decision(events: [.appliedSpecRecorded(DocumentStored(document: rancher.spec, reason: "active"))])
        case .creating where rancher.upstreamSpec == nil:
            return initialUpstreamSpec(state: state, aws: aws, clock: clock)
        case .creating, .updating, .importing, .none:
            return Decision(requeues: [Requeue(.bridgeSync, after: timings.bridgeRequeue)])
        }
    }

    /// The 10 s timer of the watch fired: if the phase never left `active`, AppliedSpec := the
    /// pushed spec anyway. This is hazard H2 (reference §5): a slow or down operator lets the next
    /// refresher tick overwrite the Rancher edit with AWS's old values.
    func watchTimeout(state: ClusterState, clock: some SimulationClock) -> Decision {
        let rancher = state.rancher
        guard let watch = rancher.bridgeWatch,
              clock.now >= watch.pushedAt + timings.bridgeWatchTimeout  // a timer of an earlier watch
        else { return .none }
        let pendingEdit = !rancher.spec.sameValues(as: watch.pushedSpec)
        // A phase other than `active` can only come from an operator status write after the push
        // (a push in another phase ends its watch at once): that watch event came first, and only
        // its reaction has not run yet.
        guard rancher.phase == .active else { return watchEnded(phase: rancher.phase, pendingEdit: pendingEdit) }
        // `recordAppliedSpec` updates the Cluster object read when the handler started: if anything
        // wrote the Cluster meanwhile (an edit, a cron refresher's UpstreamSpec, a condition), the
        // Update is a 409 and the handler is retried (versions.md §2.2, §6.9).
        if rancher.clusterWrites != watch.clusterWrites {
            return Decision(events: [.bridgeWatchEnded(BridgeWatchEnded(phase: rancher.phase, conflict: true))],
                            requeues: [Requeue(.bridgeSync, after: timings.conflictRetry)])
        }
        var decision = Decision(events: [
            .appliedSpecRecorded(DocumentStored(document: watch.pushedSpec, reason: "10 s watch timeout")),
        ])
        if pendingEdit {
            // An edit arrived while the handler was blocked: the workqueue runs the key right after.
            decision.requeues.append(Requeue(.bridgeSync, after: timings.bridgeLatency))
        }
        return decision
    }

    /// The watch saw a non-active phase: `EnqueueAfter(5 s)` and return without AppliedSpec. An
    /// edit that arrived during the watch is processed as soon as the handler returns.
    private func watchEnded(phase: OperatorPhase, pendingEdit: Bool) -> Decision {
        Decision(events: [.bridgeWatchEnded(BridgeWatchEnded(phase: phase))],
                 requeues: [Requeue(.bridgeSync, after: pendingEdit ? timings.bridgeLatency : timings.bridgeRequeue)])
    }

    /// `setInitialUpstreamSpec`: `BuildEKSUpstreamSpec` into `UpstreamSpec`. A failed read is a
    /// handler error, retried by Rancher's workqueue (modeled as the bridge's 5 s requeue).
    private func initialUpstreamSpec(state: ClusterState, aws: any EKSAPI, clock: some SimulationClock) -> Decision {
        let spec = state.rancher.spec
        do {
            let upstream = try EKSUpstreamSpec.read(spec: spec, clusterName: spec.clusterName ?? state.aws.name,
                                                    aws: aws, now: clock.now, profile: profile)
            // The handler's own Cluster update re-enters it, which then records AppliedSpec.
            return Decision(events: [.upstreamSpecRefreshed(DocumentStored(document: upstream, reason: "initial UpstreamSpec"))],
                            requeues: [Requeue(.bridgeSync, after: timings.bridgeLatency)])
        } catch {
            return Decision(requeues: [Requeue(.bridgeSync, after: timings.bridgeRequeue)])
        }
    }
}
