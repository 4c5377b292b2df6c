import ClusterStateMachine

/// A store that replaced a person's value with one whose author never saw it.
public struct Clobber: Hashable, Sendable {
    public var surface: Surface
    public var path: FieldPath
    /// The write whose value was replaced, and the origin of the value that replaced it.
    public var victim: WriteID
    public var origin: WriteID
    /// The value stored instead (nil: removed).
    public var value: FieldValue?
    /// The component and action that stored it (`operator`, `UpdateClusterConfig`).
    public var by: Actor
    public var action: String
    /// When the component acted, and when the result became visible on the surface.
    public var at: SimTime
    public var visibleAt: SimTime
    /// When the stored value was last read from its source: the stale read.
    public var staleReadAt: SimTime
}
