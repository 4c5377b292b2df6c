import ClusterStateMachine

/// One CloudTrail record of an EKS call, normalised: times in Unix milliseconds (CloudTrail's own
/// are whole seconds), URI labels percent-decoded, `name`/`clusterName` as `clusterName`, and no
/// credential kept (no access key id, no principal id, no session token; secrets in the parameters
/// are redacted).
public struct CloudTrailRecord: Hashable, Sendable {
    /// Where it was read: the file and the record's place in it.
    public var file: String
    public var location: String
    /// The order it was read in (files in the order given, records in file order).
    public var order: Int
    public var eventTime: Int64
    public var eventName: String
    public var eventID: String
    /// `userIdentity.arn` (for an assumed role, the role session's ARN).
    public var principal: String
    /// For an assumed role, the role (`sessionContext.sessionIssuer.arn`): sessions change, the role stays.
    public var roleArn: String?
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

    /// Records in time order; within one whole second (CloudTrail's precision) DescribeCluster first,
    /// then other reads, then writes (a refresh and an operator pass both read before they write), then
    /// in the order read.
    public static func chronological(_ a: CloudTrailRecord, _ b: CloudTrailRecord) -> Bool {
        (a.eventTime, a.rank, a.order) < (b.eventTime, b.rank, b.order)
    }

    private var rank: Int { eventName == "DescribeCluster" ? 0 : isRead ? 1 : 2 }

    /// Who made the call, stable across role sessions: the role for an assumed role, else the ARN.
    public var caller: String { roleArn ?? principal }

    /// True for calls that change nothing (Describe*, List*).
    public var isRead: Bool { eventName.hasPrefix("Describe") || eventName.hasPrefix("List") }
    public var failed: Bool { errorCode != nil }
    /// The update id in the response (UpdateClusterConfig, UpdateClusterVersion, UpdateNodegroup*).
    public var updateID: String? { response["update"]?["id"]?.stringValue }
}
