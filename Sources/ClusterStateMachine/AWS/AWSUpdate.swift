/// One EKS Update record and the change it carries (aws-eks-model §2 "Update").
public struct AWSUpdate: Hashable, Sendable, Codable {
    /// An `{type, value}` pair of `Update.params`; values are strings, composites are compact JSON.
    public struct Param: Hashable, Sendable, Codable {
        public var type: String
        public var value: String
        public init(type: String, value: String) { self.type = type; self.value = value }
    }

    /// One `{errorCode, errorMessage}` of a failed update.
    public struct ErrorDetail: Hashable, Sendable, Codable {
        public var errorCode: String
        public var errorMessage: String
        public init(errorCode: String, errorMessage: String) {
            self.errorCode = errorCode
            self.errorMessage = errorMessage
        }
    }

    public var id: String
    public var type: UpdateType
    /// The node group the update belongs to; nil for a cluster update.
    public var nodegroupName: String?
    public var params: [Param]
    public var status: UpdateStatus
    public var createdAt: SimTime
    public var errors: [ErrorDetail]
    /// Who asked for it (`operator`, `console`) and with which operation: the clobber's author.
    public var requestedBy: Actor
    public var action: String
    public var clientRequestToken: String?
    /// The values DescribeCluster/DescribeNodegroup show once the update succeeds.
    public var change: SubtreeChange
    /// True once DescribeCluster reports UPDATING for it (after `statusLag`, aws-eks-model R3).
    public var statusVisible: Bool
    /// The update will end `Failed` (the scenario's `failNextUpdate` fault was armed when it started).
    public var willFail: Bool

    public init(
        id: String, type: UpdateType, nodegroupName: String?, params: [Param], createdAt: SimTime,
        requestedBy: Actor, action: String, clientRequestToken: String?, change: SubtreeChange,
        statusVisible: Bool, willFail: Bool = false, status: UpdateStatus = .inProgress, errors: [ErrorDetail] = []
    ) {
        self.id = id
        self.type = type
        self.nodegroupName = nodegroupName
        self.params = params
        self.status = status
        self.createdAt = createdAt
        self.errors = errors
        self.requestedBy = requestedBy
        self.action = action
        self.clientRequestToken = clientRequestToken
        self.change = change
        self.statusVisible = statusVisible
        self.willFail = willFail
    }
}
