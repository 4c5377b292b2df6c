import ClusterStateMachine

/// Rancher's upstream refresher (reference §4.1, §4.2): reads AWS, refreshes `UpstreamSpec`, and
/// copies AWS values into the managed keys of `Spec.EKSConfig` when Rancher is not "updating".
struct Refresher {
    let profile: Profile
    let timings: SyncTimings
    let refresh: RefreshSettings
    var policy: SyncPolicy = .rancher

    /// One refresh of the cluster, then the next tick.
    func tick(state: ClusterState, aws: any EKSAPI, clock: some SimulationClock) -> Decision {
        let rancher = state.rancher
        // Rancher 2.5.8+: the refresher is the second handler on the bridge's Cluster controller, and
        // a workqueue never runs one key twice at once. A tick inside the bridge's blocking 10 s watch
        // runs when the watch ends, in the same handler chain (versions.md §1.4, §6.7).
        if profile.has(.refresherDeferredBehindBridge), rancher.bridgeWatch != nil {
            var waiting = rancher.refresher
            waiting.waitingForBridge = true
            return Decision(events: rancher.refresher.waitingForBridge ? [] : [.refresherStatusChanged(waiting)])
        }
        var status = rancher.refresher
        let next = nextTick(clock: clock)
        // §4.2 step 1: nothing to do until the bridge has set the initial UpstreamSpec. A nil
        // UpstreamSpec after a failed refresh (2.5.8–2.5.11, 2.6.0–2.6.2) makes
        // `getProviderAndReadyStatus` say "not ready": the handler returns without `EnqueueAfter`, and
        // for a Rancher-created cluster nothing sets it again (versions.md §1.5, §6.2).
        guard let current = rancher.upstreamSpec else {
            let events: [ClusterEvent] = status != rancher.refresher ? [.refresherStatusChanged(status)] : []
            return Decision(events: events, requeues: rancher.upstreamSpecCleared ? [] : [next])
        }

        let upstream: SpecDocument
        do {
            let name = rancher.spec.clusterName ?? state.aws.name
            upstream = try policy.refresherRead(aws) { aws throws(EKSError) in
                try EKSUpstreamSpec.read(spec: rancher.spec, clusterName: name, aws: aws, now: clock.now, profile: profile)
            }
        } catch {
            return failedRead(error, state: state, status: status, next: next)
        }

        var events: [ClusterEvent] = rancher.refresherFailures > 0 ? [.refresherBackoff(Backoff(failures: 0))] : []
        // A successful read clears a `[Syncing error` condition (v2.5.7:123-131; later releases in
        // the same Update). The Spec/AppliedSpec check below still sees the state the condition
        // left, so a sync the condition held back comes one tick later (versions.md §6.3).
        status.condition = ""
        if status != rancher.refresher { events.append(.refresherStatusChanged(status)) }
        // §4.2 step 4: UpstreamSpec is refreshed even while updating.
        if !upstream.sameValues(as: current) {
            events.append(.upstreamSpecRefreshed(DocumentStored(document: upstream, reason: "refresh")))
        }
        if let sync = policy.refresherSpecSync(state: state, upstream: upstream) { return Decision(events: events + sync, requeues: [next]) }
        // §4.2 step 5: the ONLY "is updating" check is Spec.EKSConfig vs AppliedSpec (never AWS,
        // never the EKSClusterConfig phase, §4.5).
        guard let applied = rancher.appliedSpec, rancher.spec.sameValues(as: applied) else {
            return Decision(events: events, requeues: [next])
        }
        let change = Self.specSync(spec: rancher.spec, upstream: upstream)
        if !change.isEmpty {
            events.append(.specSynced(SpecChange(change: change)))
        }
        return Decision(events: events, requeues: [next])
    }

    /// §4.2 step 3, a failed read, by release (versions.md §1.5):
    /// - cron (2.5.0–2.5.7): logged; the job waits for its next fire time. 2.5.7 also writes the
    ///   `[Syncing error: syncing failed]` condition.
    /// - 2.5.8–2.5.11, 2.6.0–2.6.2: the upstream is a nil spec inside a non-nil wrapper. With
    ///   Spec ≠ AppliedSpec, UpstreamSpec := nil is saved with the condition (the refresher then
    ///   stops); with Spec == AppliedSpec, `ToUnstructured(nil)` fails the handler, which is retried
    ///   by Rancher's rate-limited workqueue and saves nothing.
    /// - later releases: the condition is saved and the next refresh is an interval later.
    private func failedRead(_ error: EKSError, state: ClusterState, status: RefresherStatus, next: Requeue) -> Decision {
        let rancher = state.rancher
        var status = status
        if profile.has(.syncingErrorGate) {
            status.condition = "[Syncing error: syncing failed] \(error.code): \(error.message)"
        }
        if profile.has(.upstreamSpecNilOnFailedRefresh) {
            guard let applied = rancher.appliedSpec, rancher.spec.sameValues(as: applied) else {
                status.condition = "[Syncing error] \(error.code): \(error.message)"
                return Decision(events: [.refresherStatusChanged(status),
                                         .upstreamSpecCleared(UpstreamSpecCleared(reason: "failed refresh while Spec.EKSConfig ≠ AppliedSpec"))],
                                requeues: [next])
            }
            let failures = rancher.refresherFailures
            let events: [ClusterEvent] = [.refresherBackoff(Backoff(failures: failures + 1))]
            let delay = timings.operatorErrorDelay(failures: failures, clientGoDefault: profile.has(.rancherLimiterCap1000s))
            return Decision(events: events, requeues: [Requeue(.refresherTick, after: delay)])
        }
        let events: [ClusterEvent] = status != rancher.refresher ? [.refresherStatusChanged(status)] : []
        return Decision(events: events, requeues: [next])
    }

    /// §4.2 step 6: every top-level key of the upstream spec whose `Spec.EKSConfig` value is non-nil
    /// (managed) and different is replaced **as a whole** by the upstream value: the whole `tags`
    /// map, the whole `nodeGroups` list. There is no per-key merge (reference §4.2 "Consequences").
    static func specSync(spec: SpecDocument, upstream: SpecDocument) -> SubtreeChange {
        var change = SubtreeChange()
        let differ = spec.topLevelKeysWithDifferentValues(from: upstream)
        guard !differ.isEmpty else { return change }
        for key in upstream.topLevelKeys where spec.isManaged(key) {
            let path = FieldPath(unchecked: key)
            guard upstream.value(at: path) != nil, differ.contains(key) else { continue }
            change.replaced.append(path)
            change.entries.merge(upstream.subtree(path)) { _, new in new }
        }
        return change
    }

    /// The first tick of the run.
    func initialWork(clock: some SimulationClock) -> Requeue {
        switch profile.refresher {
        case .cron:
            return Requeue(.refresherTick, at: cronOffset(after: clock.startEpochSeconds, clock: clock))
        case .timer:
            // The per-cluster timer is due `eks-refresh` after the last refresh annotation.
            return Requeue(.refresherTick, at: max(0, refresh.lastRefresh + refresh.interval))
        }
    }

    /// The tick after this one: the next cron fire time (wall-clock aligned, v2.5.0–v2.5.7) or
    /// `eks-refresh` after this refresh (v2.5.8+, `EnqueueAfter(interval)`).
    private func nextTick(clock: some SimulationClock) -> Requeue {
        switch profile.refresher {
        case .cron:
            let nowSeconds = clock.startEpochSeconds + UTCCalendar.floorDiv(clock.now, .second)
            return Requeue(.refresherTick, at: cronOffset(after: nowSeconds, clock: clock))
        case .timer:
            return Requeue(.refresherTick, after: refresh.interval)
        }
    }

    private func cronOffset(after epochSeconds: Int64, clock: some SimulationClock) -> SimTime {
        (refresh.cron.next(after: epochSeconds) - clock.startEpochSeconds) * .second
    }
}
