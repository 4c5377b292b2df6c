import ClusterStateMachine

/// Rancher's `BuildEKSUpstreamSpec` (reference §4.2 step 2): reads AWS, builds the upstream spec
/// with `includeManagedLaunchTemplate=false`, then overwrites the identity fields with the values
/// of the current `Spec.EKSConfig`, so those keys never differ in the refresher's diff.
enum EKSUpstreamSpec {
    /// The seven keys copied from `Spec.EKSConfig` over what AWS shows (reference §3, last paragraph).
    static let identityKeys = [
        "displayName", "region", "amazonCredentialSecret", "imported", "subnets", "securityGroups", "serviceRole",
    ]
    static let identityPaths = identityKeys.map(FieldPath.init(unchecked:))

    /// DescribeCluster, ListNodegroups, DescribeNodegroup × N, and DescribeAddon where the release
    /// makes it; the first error ends the read.
    ///
    /// Rancher 2.5.0–2.5.11 never checks ListNodegroups' error (`ngs, err := …` with no check,
    /// eksupstreamrefresh v2.5.7:207-210): a failed call reads as "no node groups", which the
    /// refresher then copies into a managed `nodeGroups` (rancher#35804, fixed by 8ab060920d).
    static func read(spec: SpecDocument, clusterName: String, aws: any EKSAPI, now: SimTime,
                     profile: Profile) throws(EKSError) -> SpecDocument {
        let cluster = try aws.describeCluster(name: clusterName)
        let names: [String]
        do {
            names = try aws.listNodegroups(clusterName: clusterName)
        } catch {
            guard profile.has(.listNodegroupsErrorIgnored) else { throw error }
            names = []
        }
        var groups: [NodegroupDescription] = []
        for name in names {
            groups.append(try aws.describeNodegroup(clusterName: clusterName, nodegroupName: name))
        }
        if profile.has(.describeAddonInRefresh) {
            // CheckEBSAddon: "not found" means no add-on; any other error fails the refresh.
            do {
                _ = try aws.describeAddon(clusterName: clusterName, addonName: "aws-ebs-csi-driver")
            } catch where error.code == "ResourceNotFoundException" {}
        }
        var upstream = UpstreamState.build(cluster: cluster, nodegroups: groups, readAt: now,
                                           versionWhileUpdating: !profile.has(.upstreamVersionDroppedWhileUpdating))
        upstream.replaceSubtrees(identityPaths, from: spec)
        return upstream
    }
}
