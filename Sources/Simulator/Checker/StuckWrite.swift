import ClusterStateMachine

/// A Rancher edit that never reached AWS because every eks-operator pass fails before applying
/// it (the downgrade loop before eks-operator v1.9.0, the labels-only 400 loop before v1.0.10, …).
public struct StuckWrite: Hashable, Sendable {
    public var write: Write
    /// The call every pass fails at, and AWS's answer (or the operator's own error).
    public var failingCall: String
    public var error: String
    /// The first failed pass after the edit, and how many passes failed since.
    public var since: SimTime
    public var failedPasses: Int
}
