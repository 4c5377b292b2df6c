/// Everything known about one cluster at one moment: the fold of its events.
public struct ClusterState: Hashable, Sendable {
    /// The cluster in AWS.
    public var aws: AWSClusterState
    /// Rancher's objects for the cluster.
    public var rancher: RancherState
    /// Every person's write so far; `writes[i].id.rawValue == i + 1`.
    public var writes: [Write]
    /// Writes whose AWS calls were refused.
    public var refused: Set<WriteID>
    /// Work waiting for its time.
    public var pending: PendingWork
    /// The next work item's insertion number.
    public var nextSeq: Int
    /// The time of the last event folded.
    public var now: SimTime

    /// The state before anything happened.
    public init() {
        aws = AWSClusterState(name: "", arn: "", visible: SpecDocument())
        rancher = RancherState(spec: SpecDocument(), upstreamSpec: nil, phase: .none)
        writes = []
        refused = []
        pending = []
        nextSeq = 0
        now = 0
    }

    /// The write with this id.
    public func write(_ id: WriteID) -> Write? {
        id.rawValue >= 1 && id.rawValue <= writes.count ? writes[id.rawValue - 1] : nil
    }

    /// The id the next person's write gets.
    public var nextWriteID: WriteID { WriteID(writes.count + 1) }

    /// The work to run next: earliest time first; at the same millisecond machines act before
    /// people (a cron job fires on the second, a person is never exactly on it); then insertion order.
    public var nextWork: WorkItem? { pending.next }

    /// The pending item of a component's queue, if one is queued.
    public func queued(_ kind: WorkKind) -> WorkItem? { pending.first(kind) }

    /// The document on one surface.
    public func document(_ surface: Surface) -> SpecDocument? {
        switch surface {
        case .aws: aws.visible
        case .rancherSpec: rancher.spec
        case .eksccSpec: rancher.eksccSpec
        case .upstreamSpec: rancher.upstreamSpec
        case .appliedSpec: rancher.appliedSpec
        }
    }
}

/// A place where a cluster's spec values are stored.
public enum Surface: String, Hashable, Sendable, Codable, CaseIterable {
    /// What DescribeCluster/DescribeNodegroup show.
    case aws
    /// The management cluster's `Spec.EKSConfig`.
    case rancherSpec
    /// The EKSClusterConfig object's spec.
    case eksccSpec
    /// `Status.EKSStatus.UpstreamSpec`.
    case upstreamSpec
    /// `Status.AppliedSpec.EKSConfig` (bookkeeping, not a place a write lives).
    case appliedSpec

    /// The surfaces a write can survive on (ARCHITECTURE.md "Lost writes, precisely").
    public static let holdingWrites: [Surface] = [.aws, .rancherSpec, .eksccSpec, .upstreamSpec]

    /// The name a Rancher user knows.
    public var title: String {
        switch self {
        case .aws: "AWS"
        case .rancherSpec: "Spec.EKSConfig"
        case .eksccSpec: "EKSClusterConfig spec"
        case .upstreamSpec: "UpstreamSpec"
        case .appliedSpec: "AppliedSpec"
        }
    }
}

/// One value replaced on one surface, as the lost-write checker sees it.
public struct StoreObservation: Hashable, Sendable {
    public var surface: Surface
    public var path: FieldPath
    public var before: Entry?
    public var after: Entry?
    /// The component whose action stored `after`, and the action (`UpdateClusterConfig`, `spec sync`).
    public var by: Actor
    public var action: String
    /// When that action was taken (for an AWS update: when it was requested, not when it completed).
    public var at: SimTime
    /// When the change became visible on the surface.
    public var visibleAt: SimTime
}
