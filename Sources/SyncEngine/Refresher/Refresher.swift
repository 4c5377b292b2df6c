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
        let next = nextTick(clock: clock)
        // §4.2 step 1: nothing to do until the bridge has set the initial UpstreamSpec.
        guard let current = rancher.upstreamSpec else { return Decision(requeues: [next]) }

        let upstream: SpecDocument
        do {
            let name = rancher.spec.clusterName ?? state.aws.name
            upstream = try policy.refresherRead(aws) { aws throws(EKSError) in try EKSUpstreamSpec.read(spec: rancher.spec, clusterName: name, aws: aws, now: clock.now) }
        } catch {
            // §4.2 step 3: a failed read stores nothing. The cron job only logs it and waits for its
            // next fire time. Rancher v2.5.8's handler returns the error and is retried by its
            // rate-limited workqueue (5 ms·2^n, the same limiter as the operator's); HEAD (the
            // 2024/2025 profiles) still writes the last-refresh annotation and waits an interval.
            switch (profile.refresher, profile.ladder) {
            case (.cron, _), (.timer, .v2024): return Decision(requeues: [next])
            case (.timer, .v1):
                let failures = rancher.refresherFailures
                return Decision(events: [.refresherBackoff(Backoff(failures: failures + 1))],
                                requeues: [Requeue(.refresherTick, after: timings.operatorErrorDelay(failures: failures))])
            }
        }

        var events: [ClusterEvent] = rancher.refresherFailures > 0 ? [.refresherBackoff(Backoff(failures: 0))] : []
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

    /// §4.2 step 6: every top-level key of the upstream spec whose `Spec.EKSConfig` value is non-nil
    /// (managed) and different is replaced **as a whole** by the upstream value: the whole `tags`
    /// map, the whole `nodeGroups` list. There is no per-key merge (reference §4.2 "Consequences").
    static func specSync(spec: SpecDocument, upstream: SpecDocument) -> SubtreeChange {
        var change = SubtreeChange()
        for key in upstream.topLevelKeys where spec.isManaged(key) {
            let path = FieldPath(unchecked: key)
            guard upstream.value(at: path) != nil, !spec.sameValues(under: path, as: upstream) else { continue }
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
