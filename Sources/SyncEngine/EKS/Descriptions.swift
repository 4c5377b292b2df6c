import ClusterStateMachine

/// DescribeCluster's answer: status and the cluster's values by spec JSON name, with provenance.
public struct ClusterDescription: Hashable, Sendable {
    public var name: String
    public var arn: String
    public var status: ClusterStatus
    /// Top-level fields (`kubernetesVersion`, `publicAccess`, `privateAccess`, `publicAccessSources`,
    /// `loggingTypes`, `tags` and `tags.*`, ...), never `nodeGroups`.
    public var document: SpecDocument

    public init(name: String, arn: String, status: ClusterStatus, document: SpecDocument) {
        self.name = name
        self.arn = arn
        self.status = status
        self.document = document
    }
}

/// DescribeNodegroup's answer.
public struct NodegroupDescription: Hashable, Sendable {
    public var name: String
    public var arn: String
    public var status: NodegroupStatus
    /// The node group's entries at their full paths (`nodeGroups.NAME`, `nodeGroups.NAME.desiredSize`, ...).
    public var document: SpecDocument
    /// `launchTemplate` names the template Rancher manages for the cluster.
    public var onRancherLaunchTemplate: Bool

    public init(name: String, arn: String, status: NodegroupStatus, document: SpecDocument, onRancherLaunchTemplate: Bool = true) {
        self.onRancherLaunchTemplate = onRancherLaunchTemplate
        self.name = name
        self.arn = arn
        self.status = status
        self.document = document
    }
}

/// DescribeUpdate's answer (and the `update` of the mutating calls).
public struct UpdateDescription: Hashable, Sendable {
    public var id: String
    public var type: UpdateType
    public var status: UpdateStatus
    public var params: [AWSUpdate.Param]
    public var createdAt: SimTime
    public var errors: [AWSUpdate.ErrorDetail]

    public init(id: String, type: UpdateType, status: UpdateStatus, params: [AWSUpdate.Param], createdAt: SimTime, errors: [AWSUpdate.ErrorDetail]) {
        self.id = id
        self.type = type
        self.status = status
        self.params = params
        self.createdAt = createdAt
        self.errors = errors
    }

    public init(_ update: AWSUpdate) {
        self.init(id: update.id, type: update.type, status: update.status, params: update.params,
                  createdAt: update.createdAt, errors: update.errors)
    }
}
