import ClusterStateMachine

/// Parameters of the modeled AWS, each an undocumented choice made explicit (defaults from
/// aws-eks-model §6 and §9).
public struct AWSModelParameters: Hashable, Sendable {
    /// When DescribeCluster's config fields flip to an update's new values (aws-eks-model §9.1).
    public enum ConfigVisibility: String, Hashable, Sendable, Codable, CaseIterable {
        /// When the update ends `Successful` (the default: the Rancher revert race and the console's
        /// stale-version errors point this way, aws-eks-model R3).
        case atCompletion
        /// As soon as AWS accepts the update; a failed update takes them back.
        case atAcceptance
    }

    /// How long a cluster update (and a node group `ConfigUpdate`) stays InProgress, by type.
    ///
    /// Defaults: EndpointAccessUpdate 2m (the documented minimum is about 2 minutes and typical runs
    /// take 3–8; the short end keeps scenarios readable), LoggingUpdate 30s, VersionUpdate 10m,
    /// ConfigUpdate 1m (node group scaling/labels; no direct source, [U]), AssociateEncryptionConfig
    /// 45m, VpcConfigUpdate 2m ([U]). A type missing here takes `fallbackDuration`.
    public var updateDurations: [UpdateType: SimTime]
    /// How long a node group `VersionUpdate` (UpdateNodegroupVersion) runs: 30m (1–2 nodes).
    public var nodegroupVersionUpdate: SimTime
    /// CreateNodegroup: CREATING → ACTIVE after 4m ([U], typical 3–6 min).
    public var nodegroupCreate: SimTime
    /// DeleteNodegroup: DELETING → gone after 5m ([U], typical 5–10 min).
    public var nodegroupDelete: SimTime
    /// After AWS accepts a cluster update, DescribeCluster keeps saying ACTIVE for this long
    /// (aws-eks-model R3, real 0–10 s). Default 0: UPDATING at once.
    public var statusLag: SimTime
    /// Default `.atCompletion` (aws-eks-model §9.1).
    public var configVisibility: ConfigVisibility
    /// Whether an InProgress cluster update also refuses node group updates (aws-eks-model §9.2,
    /// undocumented). Default false.
    public var nodegroupUpdatesBlockedByClusterUpdate: Bool
    /// The AWS account in ARNs when the cluster's own ARN does not say.
    public var accountId: String

    /// The duration of an update type missing from `updateDurations`.
    public static let fallbackDuration: SimTime = 1 * .minute

    public init() {
        updateDurations = [
            .endpointAccessUpdate: 2 * .minute,
            .loggingUpdate: 30 * .second,
            .versionUpdate: 10 * .minute,
            .configUpdate: 1 * .minute,
            .associateEncryptionConfig: 45 * .minute,
            .vpcConfigUpdate: 2 * .minute,
        ]
        nodegroupVersionUpdate = 30 * .minute
        nodegroupCreate = 4 * .minute
        nodegroupDelete = 5 * .minute
        statusLag = 0
        configVisibility = .atCompletion
        nodegroupUpdatesBlockedByClusterUpdate = false
        accountId = "123456789012"
    }

    /// How long an update of `type` runs; node group version updates have their own duration.
    public func duration(of type: UpdateType, nodegroup: Bool) -> SimTime {
        if nodegroup && type == .versionUpdate { return nodegroupVersionUpdate }
        return updateDurations[type] ?? Self.fallbackDuration
    }
}
