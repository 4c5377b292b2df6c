/// `Cluster.status` as DescribeCluster reports it (aws-eks-model §2).
public enum ClusterStatus: String, Hashable, Sendable, Codable {
    case creating = "CREATING", active = "ACTIVE", deleting = "DELETING", failed = "FAILED",
        updating = "UPDATING", pending = "PENDING"
}

/// `Nodegroup.status` (aws-eks-model §2).
public enum NodegroupStatus: String, Hashable, Sendable, Codable {
    case creating = "CREATING", active = "ACTIVE", updating = "UPDATING", deleting = "DELETING",
        createFailed = "CREATE_FAILED", deleteFailed = "DELETE_FAILED", degraded = "DEGRADED"
}

/// `Update.status` (aws-eks-model §2).
public enum UpdateStatus: String, Hashable, Sendable, Codable {
    case inProgress = "InProgress", failed = "Failed", cancelled = "Cancelled", successful = "Successful"
}

/// `Update.type`, the subset the model creates (aws-eks-model §2).
public enum UpdateType: String, Hashable, Sendable, Codable, CaseIterable {
    case versionUpdate = "VersionUpdate"
    case endpointAccessUpdate = "EndpointAccessUpdate"
    case loggingUpdate = "LoggingUpdate"
    case configUpdate = "ConfigUpdate"
    case associateEncryptionConfig = "AssociateEncryptionConfig"
    case vpcConfigUpdate = "VpcConfigUpdate"
}
