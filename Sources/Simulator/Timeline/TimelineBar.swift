import ClusterStateMachine

/// Something that lasts: an AWS update from accepted to done (with the status lag shaded), a node
/// group creating or deleting, a fault holding a lock, the eks-operator being down.
public struct TimelineBar: Sendable {
    public enum Kind: String, Sendable {
        /// An EKS Update record (cluster or node group).
        case update
        /// A node group CREATING or DELETING.
        case nodegroup
        /// A fault the scenario injected (platform update, throttling, operator down).
        case fault
    }

    public enum Outcome: String, Sendable {
        case successful, failed, cancelled, unfinished
    }

    public var lane: TimelineLane
    public var kind: Kind
    public var from: SimTime
    public var to: SimTime
    /// Until when DescribeCluster still showed ACTIVE (the status lag); nil when there was none.
    public var lagUntil: SimTime?
    public var label: String
    public var detail: String
    public var color: String
    public var outcome: Outcome
    /// True when the bar carries a value that destroyed a write that is lost.
    public var clobbers: Bool
    /// True when it carries a value that replaced a person's write not counted as lost (the
    /// write survived, or two people conflicted).
    public var overwrites: Bool = false
    public var data: [(String, String)]
}
