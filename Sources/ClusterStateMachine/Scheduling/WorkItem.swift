/// Timed work waiting in the scheduler: a person's step, a component's queued reconcile or timer,
/// or AWS finishing something. Pending work is state, so it is scheduled and retired by events.
public struct WorkItem: Hashable, Sendable, Codable {
    /// Insertion order: ties at the same time run in this order.
    public var seq: Int
    public var at: SimTime
    public var kind: WorkKind
    /// True when `at` moves with the swept step's offset (`base + offset`); see `simctl sweep`.
    public var moves: Bool

    public init(seq: Int, at: SimTime, kind: WorkKind, moves: Bool) {
        self.seq = seq
        self.at = at
        self.kind = kind
        self.moves = moves
    }
}

/// What a work item does when its time comes.
public enum WorkKind: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Scenario step N (0-based) runs.
    case step(Int)
    /// The eks-operator's workqueue hands it the EKSClusterConfig.
    case operatorReconcile
    /// Rancher's cluster handler (the bridge) runs.
    case bridgeSync
    /// The bridge's 10 s watch expires.
    case bridgeWatchTimeout
    /// The refresher's cron fire time or per-cluster timer.
    case refresherTick
    /// DescribeCluster starts reporting UPDATING for this update (status lag over).
    case awsStatusVisible(String)
    /// This update finishes.
    case awsUpdateDone(String)
    /// A node group finishes creating or deleting.
    case awsNodegroupDone(String)
    /// The fault that scenario step N injected ends (the operator restarts, the platform update or
    /// the throttling is over). Scheduled relative to the step, so it moves with it in a sweep.
    case faultEnds(Int)
    /// The run's end (`until`, or the default stop). Never scheduled: it names a sweep boundary.
    case runEnds

    public var description: String {
        switch self {
        case .step(let n): "step \(n)"
        case .operatorReconcile: "eks-operator reconcile"
        case .bridgeSync: "bridge sync"
        case .bridgeWatchTimeout: "bridge 10 s watch timeout"
        case .refresherTick: "refresher tick"
        case .awsStatusVisible(let id): "update \(id) visible as UPDATING"
        case .awsUpdateDone(let id): "update \(id) completes"
        case .awsNodegroupDone(let name): "node group \(name) settles"
        case .faultEnds(let n): "the fault of step \(n) ends"
        case .runEnds: "the end of the run"
        }
    }

    /// True for a scenario step (a person or a fault).
    public var isStep: Bool { if case .step = self { true } else { false } }

    /// The component whose queue holds this work; at most one such item is pending per component
    /// (a workqueue holds a key once).
    public var queue: Actor? {
        switch self {
        case .operatorReconcile: .operator
        case .bridgeSync: .bridge
        default: nil
        }
    }
}
