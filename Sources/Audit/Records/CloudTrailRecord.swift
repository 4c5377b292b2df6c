import ClusterStateMachine

/// One CloudTrail record of an EKS call, normalised: times in Unix milliseconds (CloudTrail's own
/// are whole seconds), URI labels percent-decoded, `name`/`clusterName` as `clusterName`, and no
/// credential kept (no access key id, no principal id, no session token; secrets in the parameters
/// are redacted).
public struct CloudTrailRecord: Hashable, Sendable {
    /// Where it was read: the file and the record's place in it.
    public var file: String
    public var location: String
    public var eventTime: Int64
    public var eventName: String
    public var eventID: String
    /// `userIdentity.arn` (for an assumed role, the role session's ARN).
    public var principal: String
    /// `userIdentity.type`: IAMUser, AssumedRole, AWSService, ...
    public var identityType: String
    public var userAgent: String
    /// `sessionCredentialFromConsole` was "true": the call used a console session.
    public var fromConsole: Bool
    public var invokedBy: String?
    public var clusterName: String?
    public var nodegroupName: String?
    /// `requestParameters`, percent-decoded, secrets redacted.
    public var request: JSONValue
    /// `responseElements` (null for reads).
    public var response: JSONValue
    public var errorCode: String?
    public var errorMessage: String?

    /// True for calls that change nothing (Describe*, List*).
    public var isRead: Bool { eventName.hasPrefix("Describe") || eventName.hasPrefix("List") }
    public var failed: Bool { errorCode != nil }
    /// The update id in the response (UpdateClusterConfig, UpdateClusterVersion, UpdateNodegroup*).
    public var updateID: String? { response["update"]?["id"]?.stringValue }
}
