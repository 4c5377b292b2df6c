import ClusterStateMachine

/// A time comparison the scheduler made between two pending work items whose times depend
/// differently on the swept variables: the outcome can only change where the two times cross.
public struct Crossing: Hashable, Sendable {
    /// The item that ran first (its time is not after the other's), its time and its rate.
    public var firstAt: SimTime
    public var first: WorkKind
    public var firstRate: Rate
    /// The item still waiting, its time and its rate.
    public var otherAt: SimTime
    public var other: WorkKind
    public var otherRate: Rate
}
