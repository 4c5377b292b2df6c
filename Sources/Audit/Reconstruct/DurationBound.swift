import ClusterStateMachine

/// An update's duration as the records bound it: AWS accepted the update at `createdAt`, it was
/// still running when a later call was refused with ResourceInUseException, and it had finished when
/// AWS accepted the next cluster update.
public struct DurationBound: Hashable, Sendable {
    public var updateType: UpdateType
    /// The call that started it.
    public var record: CloudTrailRecord
    public var atLeast: SimTime
    public var atMost: SimTime?
    /// The duration the reconstruction uses: the model's, moved inside the bounds.
    public var chosen: SimTime
}
