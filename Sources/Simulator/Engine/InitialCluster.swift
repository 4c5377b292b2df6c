import ClusterStateMachine

/// Builds the first event of a run: the cluster on every surface at offset 0.
/// The cluster of a scenario at offset 0, on every surface (AWS, Spec.EKSConfig, UpstreamSpec).
public enum InitialCluster {
    /// The fields Rancher's `BuildEKSUpstreamSpec` copies from `Spec.EKSConfig` (reference §3).
    static let identityFields = ["displayName", "region", "amazonCredentialSecret", "imported",
                                 "subnets", "securityGroups", "serviceRole"]

    public static func observed(_ scenario: Scenario) -> ClusterObserved {
        let aws = scenario.cluster
        var spec = SpecDocument()
        for field in FieldSchema.cluster {
            let path = FieldPath(unchecked: field.name)
            let include = !field.nillable || scenario.managed.includes(field.name)
            if include { spec.replaceSubtree(path, with: aws.subtree(path)) }
        }
        // A registered cluster's spec says so (reference §4.4).
        if scenario.managed == .none {
            spec[FieldPath("imported")] = Entry(.bool(true), origin: .initial, readAt: 0)
        }
        var upstream = aws
        for key in identityFields {
            let path = FieldPath(unchecked: key)
            upstream.replaceSubtree(path, with: spec.subtree(path))
        }
        let statuses = Dictionary(uniqueKeysWithValues: (aws.nodeGroupNames ?? []).map { ($0, NodegroupStatus.active) })
        return ClusterObserved(
            name: scenario.clusterName,
            arn: "arn:aws:eks:\(scenario.region):\(scenario.aws.accountId):cluster/\(scenario.clusterName)",
            aws: aws, nodegroupStatus: statuses, rancherSpec: spec, upstreamSpec: upstream, phase: .active,
            // A cluster created from Rancher (every key managed) has its node groups on Rancher's
            // managed launch template; a registered or partly managed one was made elsewhere.
            rancherTemplateNodegroups: scenario.managed == .all ? aws.nodeGroupNames : nil)
    }
}
