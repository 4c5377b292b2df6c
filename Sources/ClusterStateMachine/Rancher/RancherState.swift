/// Rancher's side of one cluster: the management Cluster and its EKSClusterConfig object.
public struct RancherState: Hashable, Sendable, Codable {
    /// `Spec.EKSConfig`: what Rancher wants; nil (absent) fields are unmanaged.
    public var spec: SpecDocument
    /// `Status.AppliedSpec.EKSConfig`; the refresher only syncs while it equals `spec` (§4.2 step 5).
    public var appliedSpec: SpecDocument?
    /// `Status.EKSStatus.UpstreamSpec`: AWS as the refresher last read it.
    public var upstreamSpec: SpecDocument?
    /// The EKSClusterConfig object's spec, written only by the bridge (full replacement, §4.3).
    public var eksccSpec: SpecDocument
    /// The EKSClusterConfig object's status, written only by the eks-operator.
    public var phase: OperatorPhase
    public var failureMessage: String
    public var completedUpdateIDs: [String]
    /// Set while the bridge waits (up to 10 s) for the operator to leave `active` after a push.
    public var bridgeWatch: BridgeWatch?
    /// The last refresh (`clusters.management.cattle.io/ke-last-refresh`), for the timer profiles.
    public var lastRefreshAt: SimTime?
    /// Set while the eks-operator is down (a scenario fault): when it is due back.
    public var operatorDownUntil: SimTime?
    /// Consecutive failed operator passes: the workqueue's rate limiter backs off on this count.
    public var operatorFailures: Int
    /// Consecutive failed refreshes (timer profiles retry them rate-limited).
    public var refresherFailures: Int
    /// The refresher's condition and whether a tick waits for the bridge.
    public var refresher: RefresherStatus
    /// UpstreamSpec was set to nil by a failed refresh, and nothing has set it since.
    public var upstreamSpecCleared: Bool
    /// Writes to the management Cluster object so far (its resourceVersion, in effect): an
    /// `Update` from an object read before a later write is a 409 Conflict.
    public var clusterWrites: Int
    /// Conflicts a what-if sync policy surfaced on the cluster, in the order found (never by a real release).
    public var syncConflicts: [SyncConflict] = []

    public init(spec: SpecDocument, upstreamSpec: SpecDocument?, phase: OperatorPhase) {
        self.spec = spec
        self.appliedSpec = spec
        self.upstreamSpec = upstreamSpec
        self.eksccSpec = spec
        self.phase = phase
        self.failureMessage = ""
        self.completedUpdateIDs = []
        self.bridgeWatch = nil
        self.lastRefreshAt = nil
        self.operatorDownUntil = nil
        self.operatorFailures = 0
        self.refresherFailures = 0
        self.refresher = RefresherStatus()
        self.upstreamSpecCleared = false
        self.clusterWrites = 0
    }

    /// What the Rancher form shows: `UpstreamSpec` overlaid with the non-nil fields of
    /// `Spec.EKSConfig` ("This is what is displayed in the UI", reference §4.5).
    public var effectiveSpec: SpecDocument {
        var form = upstreamSpec ?? SpecDocument()
        for key in spec.topLevelKeys where spec.isManaged(key) {
            form.replaceSubtree(FieldPath(unchecked: key), with: spec.subtree(FieldPath(unchecked: key)))
        }
        return form
    }
}

/// The bridge's open watch after a push (reference §4.3 step 3).
public struct BridgeWatch: Hashable, Sendable, Codable {
    public var pushedAt: SimTime
    /// The spec it pushed; recorded as AppliedSpec if the watch times out.
    public var pushedSpec: SpecDocument
    /// `RancherState.clusterWrites` when the handler read the Cluster it will write AppliedSpec to.
    public var clusterWrites: Int

    public init(pushedAt: SimTime, pushedSpec: SpecDocument, clusterWrites: Int = 0) {
        self.pushedAt = pushedAt
        self.pushedSpec = pushedSpec
        self.clusterWrites = clusterWrites
    }
}
