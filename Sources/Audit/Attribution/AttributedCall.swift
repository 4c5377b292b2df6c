/// One EKS call with who made it.
public struct AttributedCall: Hashable, Sendable {
    public var record: CloudTrailRecord
    public var actor: CallActor
}
