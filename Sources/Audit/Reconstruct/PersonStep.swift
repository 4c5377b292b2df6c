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
