/// The EKS cluster as AWS holds it: what DescribeCluster/DescribeNodegroup show, the update
/// history, node group statuses, and the faults a scenario injected.
public struct AWSClusterState: Hashable, Sendable, Codable {
    public var name: String
    public var arn: String
    /// The values Describe* show now, by spec JSON name (`tags.*`, `nodeGroups.NAME.*`).
    public var visible: SpecDocument
    /// Every update ever accepted, in acceptance order.
    public var updates: [AWSUpdate]
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
        self.updates = []
        self.nodegroupStatus = [:]
        self.hiddenLockUntil = nil
        self.failNextUpdate = false
        self.throttles = [:]
        self.nodegroupDeletions = [:]
        self.rancherTemplateNodegroups = []
    }

    /// The update with this id.
    public func update(_ id: String) -> AWSUpdate? { updates.first { $0.id == id } }

    /// Cluster-scoped updates still InProgress: they hold the cluster lock (aws-eks-model R1).
    public var inProgressClusterUpdates: [AWSUpdate] {
        updates.filter { $0.nodegroupName == nil && $0.status == .inProgress }
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
