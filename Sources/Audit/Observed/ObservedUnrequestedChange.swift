import ClusterStateMachine

/// A change to AWS that no person asked for (CONTRACT.md §4 `unrequestedChanges`): the eks-operator
/// replaced a value no person wrote with another that no person wrote either.
public struct ObservedUnrequestedChange: Hashable, Sendable {
    public var field: FieldPath
    public var before: FieldValue?
    public var after: FieldValue?
    public var action: String
    /// Unix milliseconds.
    public var at: Int64
    public var source: String
}
