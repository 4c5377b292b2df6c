import ClusterStateMachine

/// Rancher's refresher, the bridge and the eks-operator for one profile: deciders over the folded
/// `ClusterState`. They keep nothing between triggers; what they remember is in the state.
public struct SyncEngine {
    public let profile: Profile
    public let timings: SyncTimings
    public let refresh: RefreshSettings
    /// The sync policy the deciders follow: `.rancher` is the profile's real behaviour.
    public let policy: SyncPolicy

    public init(profile: Profile, timings: SyncTimings = SyncTimings(), refresh: RefreshSettings, policy: SyncPolicy = .rancher) {
        self.profile = profile
        self.timings = timings
        self.refresh = refresh
        self.policy = policy
    }

    /// Runs the component that owns `work` (`.operatorReconcile`, `.bridgeSync`,
    /// `.bridgeWatchTimeout`, `.refresherTick`); other work is not the engine's and decides nothing.
    /// `aws` speaks for that component (the operator, the bridge or the refresher).
    public func run(_ work: WorkKind, state: ClusterState, aws: any EKSAPI, clock: some SimulationClock) -> Decision {
        switch work {
        case .operatorReconcile:
            EKSOperator(profile: profile, timings: timings, policy: policy).reconcile(state: state, aws: aws, clock: clock)
        case .bridgeSync:
            Bridge(profile: profile, timings: timings).sync(state: state, aws: aws, clock: clock)
        case .bridgeWatchTimeout:
            Bridge(profile: profile, timings: timings).watchTimeout(state: state, clock: clock)
        case .refresherTick:
            Refresher(profile: profile, timings: timings, refresh: refresh, policy: policy).tick(state: state, aws: aws, clock: clock)
        case .step, .faultEnds, .runEnds, .awsStatusVisible, .awsUpdateDone, .awsNodegroupDone:
            .none
        }
    }

    /// The work an event triggers in other components (informer and watch semantics), given the
    /// state after folding it.
    ///
    /// - `Spec.EKSConfig` changed (a person's edit, the refresher's sync): the bridge's handler.
    /// - The EKSClusterConfig spec changed: the operator's informer.
    /// - The operator's own `UpdateStatus`: its informer again (reference §2.1, every phase change
    ///   re-triggers the reconcile), and, while the bridge watches with a phase that is not
    ///   `active`, the bridge's watch event. The bridge is listed first so that it sees the phase
    ///   of this event even when both run at the same moment.
    public func reactions(to event: ClusterEvent, in state: ClusterState) -> [Requeue] {
        guard Self.mayReact(to: event) else { return [] }
        switch event {
        case .rancherSpecEdited, .specSynced:
            return [Requeue(.bridgeSync, after: timings.bridgeLatency)]
        case .eksConfigPushed:
            return [Requeue(.operatorReconcile, after: timings.operatorWatchLatency)]
        case .operatorStatusUpdated:
            var work: [Requeue] = []
            if state.rancher.bridgeWatch != nil && state.rancher.phase != .active {
                work.append(Requeue(.bridgeSync, after: timings.bridgeLatency))
            }
            work.append(Requeue(.operatorReconcile, after: timings.operatorWatchLatency))
            return work
        case .faultCleared(.operatorDown):
            // A restarted operator's informer lists every EKSClusterConfig and enqueues it.
            return [Requeue(.operatorReconcile, after: timings.operatorWatchLatency)]
        case .refresherStatusChanged, .upstreamSpecCleared:
            // Writes to the Cluster object: its handlers (the bridge first) run again.
            return [Requeue(.bridgeSync, after: timings.bridgeLatency)]
        case .bridgeWatchEnded, .appliedSpecRecorded:
            // The bridge's handler returned: a refresher tick that waited for it runs now (2.5.8+).
            if state.rancher.refresher.waitingForBridge && state.rancher.bridgeWatch == nil {
                return [Requeue(.refresherTick, after: 0)]
            }
            return []
        default:
            return []
        }
    }

    /// False for the events `reactions` answers with nothing whatever the state (a call record, a
    /// work item's bookkeeping, ...): the simulation need not hand it the state for those.
    public static func mayReact(to event: ClusterEvent) -> Bool {
        switch event {
        case .rancherSpecEdited, .specSynced, .eksConfigPushed, .operatorStatusUpdated, .faultCleared(.operatorDown),
             .refresherStatusChanged, .upstreamSpecCleared, .bridgeWatchEnded, .appliedSpecRecorded:
            return true
        default:
            return false
        }
    }

    /// Work queued when the simulation starts: the refresher's first tick.
    public func initialWork(clock: some SimulationClock) -> [Requeue] {
        [Refresher(profile: profile, timings: timings, refresh: refresh).initialWork(clock: clock)]
    }
}

/// Rancher's refresh settings (reference §4.1).
public struct RefreshSettings: Hashable, Sendable {
    /// `eks-refresh-cron` (cron profile; default `*/5 * * * *`, UTC).
    public var cron: CronExpression
    /// `eks-refresh` in milliseconds (timer profiles; default 300 s).
    public var interval: SimTime
    /// Timer profiles: the offset of the last refresh before the run (the `ke-last-refresh`
    /// annotation); the first tick is due `interval` after it. Default 0.
    public var lastRefresh: SimTime

    public init(cron: CronExpression = .everyFiveMinutes, interval: SimTime = 300 * .second, lastRefresh: SimTime = 0) {
        self.cron = cron
        self.interval = interval
        self.lastRefresh = lastRefresh
    }
}
