import ClusterStateMachine

/// A person's change as the records show it: a console (or CLI, Terraform) call, or a Rancher edit.
public struct PersonStep: Hashable, Sendable {
    public var index: Int
    public var actor: Actor
    /// Unix milliseconds.
    public var at: Int64
    /// The IAM principal and user agent, or the Rancher login.
    public var who: String
    public var changes: [ObservedChange]
    /// The record it came from (`trail.json: Records[3]`).
    public var source: String
    /// The CloudTrail record of a call (nil for a Rancher edit).
    public var call: CloudTrailRecord?
}

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
