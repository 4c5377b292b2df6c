extension ModeledEKS {
    /// Every EKS operation the model answers (and records as `AWSCalled`), for checking a
    /// throttling step's `operation`.
    static let operations = [
        "AssociateEncryptionConfig", "CreateNodegroup", "DeleteCluster", "DeleteNodegroup", "DescribeAddon", "DescribeCluster",
        "DescribeNodegroup", "DescribeUpdate", "ListNodegroups", "ListUpdates", "TagResource", "UntagResource",
        "UpdateClusterConfig", "UpdateClusterVersion", "UpdateNodegroupConfig", "UpdateNodegroupVersion",
    ]
}
