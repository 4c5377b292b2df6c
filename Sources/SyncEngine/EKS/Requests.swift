import ClusterStateMachine

/// UpdateClusterConfig's request: one field group per call (aws-eks-model §4).
public struct UpdateClusterConfigRequest: Hashable, Sendable {
    public var name: String
    /// `resourcesVpcConfig.endpointPublicAccess` (a bool entry), nil when not sent.
    public var endpointPublicAccess: Entry?
    public var endpointPrivateAccess: Entry?
    /// `resourcesVpcConfig.publicAccessCidrs` (a strings entry).
    public var publicAccessCidrs: Entry?
    /// `logging.clusterLogging`: the types to enable and to disable, each with provenance.
    public var logging: LoggingRequest?
    public var clientRequestToken: String?

    public init(name: String, endpointPublicAccess: Entry? = nil, endpointPrivateAccess: Entry? = nil,
                publicAccessCidrs: Entry? = nil, logging: LoggingRequest? = nil, clientRequestToken: String? = nil) {
        self.name = name
        self.endpointPublicAccess = endpointPublicAccess
        self.endpointPrivateAccess = endpointPrivateAccess
        self.publicAccessCidrs = publicAccessCidrs
        self.logging = logging
        self.clientRequestToken = clientRequestToken
    }
}

/// `logging.clusterLogging`: `[{types: enable, enabled: true}, {types: disable, enabled: false}]`.
public struct LoggingRequest: Hashable, Sendable {
    public var enable: [String]
    public var disable: [String]
    /// The provenance of the resulting `loggingTypes` list.
    public var origin: Entry

    public init(enable: [String], disable: [String], origin: Entry) {
        self.enable = enable
        self.disable = disable
        self.origin = origin
    }
}

/// CreateNodegroup's request: the node group's entries at their full paths.
public struct CreateNodegroupRequest: Hashable, Sendable {
    public var clusterName: String
    public var nodegroupName: String
    /// `nodeGroups.NAME` and its fields; `nodeGroups.NAME` carries the creation's provenance.
    public var document: SpecDocument
    public var clientRequestToken: String?

    public init(clusterName: String, nodegroupName: String, document: SpecDocument, clientRequestToken: String? = nil) {
        self.clusterName = clusterName
        self.nodegroupName = nodegroupName
        self.document = document
        self.clientRequestToken = clientRequestToken
    }
}

/// UpdateNodegroupConfig's request: labels and scaling in one ConfigUpdate.
public struct UpdateNodegroupConfigRequest: Hashable, Sendable {
    public var clusterName: String
    public var nodegroupName: String
    public var addOrUpdateLabels: [String: Entry]
    public var removeLabels: [String]
    /// Provenance of the label removals.
    public var labelRemoval: Entry?
    public var minSize: Entry?
    public var maxSize: Entry?
    public var desiredSize: Entry?
    /// A `scalingConfig` object is in the request, even with no size in it (eks-operator before
    /// v1.0.10 always sent one).
    public var scalingConfigSent: Bool = false
    public var clientRequestToken: String?

    public init(clusterName: String, nodegroupName: String, addOrUpdateLabels: [String: Entry] = [:],
                removeLabels: [String] = [], labelRemoval: Entry? = nil, minSize: Entry? = nil,
                maxSize: Entry? = nil, desiredSize: Entry? = nil, clientRequestToken: String? = nil) {
        self.clusterName = clusterName
        self.nodegroupName = nodegroupName
        self.addOrUpdateLabels = addOrUpdateLabels
        self.removeLabels = removeLabels
        self.labelRemoval = labelRemoval
        self.minSize = minSize
        self.maxSize = maxSize
        self.desiredSize = desiredSize
        self.clientRequestToken = clientRequestToken
    }
}
