import ClusterStateMachine

/// Rancher's `BuildEKSUpstreamSpec` (reference §4.2 step 2): reads AWS, builds the upstream spec
/// with `includeManagedLaunchTemplate=false`, then overwrites the identity fields with the values
/// of the current `Spec.EKSConfig`, so those keys never differ in the refresher's diff.
enum EKSUpstreamSpec {
    /// The seven keys copied from `Spec.EKSConfig` over what AWS shows (reference §3, last paragraph).
    static let identityKeys = [
        "displayName", "region", "amazonCredentialSecret", "imported", "subnets", "securityGroups", "serviceRole",
    ]

    /// DescribeCluster, ListNodegroups, DescribeNodegroup × N; the first error ends the read.
    static func read(spec: SpecDocument, clusterName: String, aws: any EKSAPI, now: SimTime) throws(EKSError) -> SpecDocument {
        let cluster = try aws.describeCluster(name: clusterName)
        var groups: [NodegroupDescription] = []
        for name in try aws.listNodegroups(clusterName: clusterName) {
            groups.append(try aws.describeNodegroup(clusterName: clusterName, nodegroupName: name))
        }
        var upstream = UpstreamState.build(cluster: cluster, nodegroups: groups, readAt: now)
        for key in identityKeys {
            let path = FieldPath(unchecked: key)
            upstream.replaceSubtree(path, with: spec.subtree(path))
        }
        return upstream
    }
}
