import ClusterStateMachine

/// A change to AWS that no person's write asked for: the value before and after carry no person's
/// write (for example every node group deleted because a failed read was taken for an empty list).
public struct UnrequestedChange: Hashable, Sendable {
    /// The highest path the change touched (`nodeGroups.ng1` for a whole node group).
    public var field: FieldPath
    public var before: JSONValue
    public var after: JSONValue
    /// The component and call that made it, and when it acted.
    public var by: Actor
    public var action: String
    public var at: SimTime
    /// Why it happened, in words.
    public var why: String
}
