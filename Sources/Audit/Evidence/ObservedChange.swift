import ClusterStateMachine

/// One field a recorded call or edit changed: a leaf path and its new value (nil: removed).
public struct ObservedChange: Hashable, Sendable {
    public var path: FieldPath
    public var value: FieldValue?
}
