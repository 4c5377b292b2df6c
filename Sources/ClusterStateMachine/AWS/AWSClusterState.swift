/// The EKS cluster as AWS holds it: what DescribeCluster/DescribeNodegroup show, the update
/// history, node group statuses, and the faults a scenario injected.
public struct AWSClusterState: Hashable, Sendable {
    public var name: String
    public var arn: String
    /// The values Describe* show now, by spec JSON name (`tags.*`, `nodeGroups.NAME.*`).
    public var visible: SpecDocument
    /// Every update ever accepted, in acceptance order. Assigning it re-indexes (O(updates)); the
    /// fold appends and finishes updates through the index instead.
    public var updates: [AWSUpdate] {
        get { storedUpdates }
        set { storedUpdates = newValue; reindex() }
    }
    private var storedUpdates: [AWSUpdate]
    /// Update id → position in `updates`, and the positions of the InProgress ones (derived).
    private var positions: [String: Int]
    private var openPositions: [Int]
    /// `clientRequestToken` → positions of the updates that carried it (derived).
    private var tokenPositions: [String: [Int]]
    public var nodegroupStatus: [String: NodegroupStatus]
    /// Set while a platform update EKS runs on its own (aws-eks-model R2) holds the cluster lock,
    /// invisible in ListUpdates: when it is due to end.
    public var hiddenLockUntil: SimTime?
    /// The next update accepted will end `Failed` (a scenario fault).
    public var failNextUpdate: Bool
    /// Token buckets per operation for the throttling fault (aws-eks-model §1, 429).
    public var throttles: [String: TokenBucket]
    /// Node groups being deleted (DELETING): who asked and the removal's provenance, stored when
    /// DeleteNodegroup is accepted and used for the tombstone when the deletion completes.
    public var nodegroupDeletions: [String: NodegroupDeletion]
    /// Node groups on the launch template Rancher manages (created by Rancher, without a custom
    /// template): eks-operator v1.2.2+ pushes versions only to these (versions.md §4.2).
    public var rancherTemplateNodegroups: Set<String>

    public init(name: String, arn: String, visible: SpecDocument) {
        self.name = name
        self.arn = arn
        self.visible = visible
        self.storedUpdates = []
        self.positions = [:]
        self.openPositions = []
        self.tokenPositions = [:]
        self.nodegroupStatus = [:]
        self.hiddenLockUntil = nil
        self.failNextUpdate = false
        self.throttles = [:]
        self.nodegroupDeletions = [:]
        self.rancherTemplateNodegroups = []
    }

    /// The update with this id (the first, should two share one).
    public func update(_ id: String) -> AWSUpdate? { positions[id].map { storedUpdates[$0] } }

    /// Updates still InProgress, in acceptance order.
    public var inProgressUpdates: [AWSUpdate] { openPositions.map { storedUpdates[$0] } }

    /// Cluster-scoped updates still InProgress: they hold the cluster lock (aws-eks-model R1).
    public var inProgressClusterUpdates: [AWSUpdate] {
        inProgressUpdates.filter { $0.nodegroupName == nil }
    }

    /// Records an accepted update.
    mutating func appendUpdate(_ update: AWSUpdate) {
        storedUpdates.append(update)
        if positions[update.id] == nil { positions[update.id] = storedUpdates.count - 1 }
        if update.status == .inProgress { openPositions.append(storedUpdates.count - 1) }
        if let token = update.clientRequestToken { tokenPositions[token, default: []].append(storedUpdates.count - 1) }
    }

    /// The first update accepted with this `clientRequestToken` that satisfies `matches`.
    public func update(token: String, where matches: (AWSUpdate) -> Bool) -> AWSUpdate? {
        for i in tokenPositions[token] ?? [] where matches(storedUpdates[i]) { return storedUpdates[i] }
        return nil
    }

    /// Changes the update with this id in place; returns it as changed, nil when there is none.
    mutating func modifyUpdate(_ id: String, _ body: (inout AWSUpdate) -> Void) -> AWSUpdate? {
        guard let i = positions[id] else { return nil }
        let wasOpen = storedUpdates[i].status == .inProgress
        body(&storedUpdates[i])
        if wasOpen != (storedUpdates[i].status == .inProgress) {
            if wasOpen { openPositions.removeAll { $0 == i } } else { openPositions.append(i); openPositions.sort() }
        }
        return storedUpdates[i]
    }

    private mutating func reindex() {
        positions = [:]
        openPositions = []
        tokenPositions = [:]
        for (i, update) in storedUpdates.enumerated() {
            if let token = update.clientRequestToken { tokenPositions[token, default: []].append(i) }
            if positions[update.id] == nil { positions[update.id] = i }
            if update.status == .inProgress { openPositions.append(i) }
        }
    }

    public static func == (lhs: AWSClusterState, rhs: AWSClusterState) -> Bool {
        lhs.name == rhs.name && lhs.arn == rhs.arn && lhs.visible == rhs.visible && lhs.storedUpdates == rhs.storedUpdates
            && lhs.nodegroupStatus == rhs.nodegroupStatus && lhs.hiddenLockUntil == rhs.hiddenLockUntil
            && lhs.failNextUpdate == rhs.failNextUpdate && lhs.throttles == rhs.throttles
            && lhs.nodegroupDeletions == rhs.nodegroupDeletions
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(visible)
        hasher.combine(storedUpdates)
    }

    /// `Cluster.status` as DescribeCluster shows it: UPDATING only once the status lag has passed.
    public var status: ClusterStatus {
        inProgressClusterUpdates.contains { $0.statusVisible } ? .updating : .active
    }
}

/// A node group deletion AWS accepted and has not finished.
public struct NodegroupDeletion: Hashable, Sendable, Codable {
    /// The tombstone's provenance (the decision to delete).
    public var removal: Entry
    public var requestedBy: Actor
    /// When DeleteNodegroup was accepted: the clobber's time when the deletion completes.
    public var requestedAt: SimTime?
    public init(removal: Entry, requestedBy: Actor, requestedAt: SimTime? = nil) {
        self.removal = removal
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
    }
}

/// A token bucket answering 429 TooManyRequestsException when empty.
public struct TokenBucket: Hashable, Sendable, Codable {
    /// Tokens refilled per second.
    public var ratePerSecond: Double
    public var burst: Double
    public var tokens: Double
    public var updatedAt: SimTime
    /// When the throttling is due to end (the bucket is removed then).
    public var until: SimTime

    public init(ratePerSecond: Double, burst: Double, from: SimTime, until: SimTime) {
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        self.tokens = burst
        self.updatedAt = from
        self.until = until
    }
}
