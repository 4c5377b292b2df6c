/// A behaviour that differs between real releases: a named switch, on for the releases that have
/// it. Deciders ask `profile.has(.someBehaviour)`, never a version number; where each switch is on,
/// and why, is `ReleaseTable.switches`.
public enum Behaviour: String, CaseIterable, Hashable, Sendable, Codable {
    // MARK: Rancher (the refresher and the bridge)

    /// The `eks-refresh-cron` job walks every EKS cluster at each fire time; otherwise a
    /// per-cluster timer, `eks-refresh` seconds after the `ke-last-refresh` annotation.
    case cronRefresher
    /// The refresher ignores a failed `ListNodegroups` and builds `nodeGroups: []` (rancher#35804).
    case listNodegroupsErrorIgnored
    /// A failed refresh writes `Updated=False` with `[Syncing error…]`, and the bridge's active
    /// branch returns before recording AppliedSpec while that condition stands.
    case syncingErrorGate
    /// The refresher is a second handler on the bridge's Cluster controller: a tick that falls in
    /// the bridge's 10 s watch runs when the watch ends, right after it.
    case refresherDeferredBehindBridge
    /// A failed refresh stores a nil UpstreamSpec (Spec ≠ AppliedSpec), after which the refresher
    /// stops for Rancher-created clusters, or fails its handler and is retried (Spec == AppliedSpec).
    case upstreamSpecNilOnFailedRefresh
    /// Rancher's workqueue backs off 5 ms·2^n up to 1000 s (client-go's default limiter), not lasso's
    /// 30 s / 2 min.
    case rancherLimiterCap1000s

    // MARK: eks-operator

    /// The ladder order version, tags, logging, access, sources (later: version, access, sources,
    /// tags, logging).
    case oldLadderOrder
    /// The tags step ends the pass when it sent something (before, a tags edit ran on into logging
    /// and access in the same pass).
    case tagsStepEndsPass
    /// Each ladder step treats ResourceInUseException as "not updated" and falls through.
    case resourceInUseFallsThrough
    /// `UpdateClusterVersion` is sent whenever the version strings differ, downgrades included.
    case downgradesSent
    /// `validateUpdate` allows node groups at most one minor version behind (later three).
    case nodeGroupSkewOneMinor
    /// The ListUpdates/DescribeUpdate InProgress gate and `completedUpdateIDs`.
    case listUpdatesGate
    /// The tag diff also untags keys whose value changed, right after tagging them.
    case tagDiffDeletesChangedKeys
    /// UpdateNodegroupConfig always carries a scaling config with only the differing sizes (a
    /// labels-only edit sends `{}` and AWS answers 400), and label removals are dropped when
    /// labels are also added.
    case partialScalingConfig
    /// The node-group tag step ASSIGNS its result to the "properties updated" flag instead of
    /// OR-ing it.
    case nodeGroupTagFlagAssigned
    /// Node-group versions are pushed only for groups on Rancher's managed launch template.
    case nodeGroupVersionManagedTemplateOnly
    /// BuildUpstreamClusterState leaves a node group's version out while the group is UPDATING.
    case upstreamVersionDroppedWhileUpdating
    /// The operator's workqueue backs off 5 ms·2^n up to 1000 s, not lasso's 30 s / 2 min.
    case operatorLimiterCap1000s
    /// BuildUpstreamClusterState calls DescribeAddon (aws-ebs-csi-driver): on every refresh, and in
    /// every operator pass that builds the upstream state.
    case describeAddonInRefresh
    /// AWS calls go through aws-sdk-go-v2 (standard retryer: 3 attempts, backoff up to 20 s, a
    /// 500-token retry quota); before, aws-sdk-go v1 (3 retries, throttle delay 500 ms to 300 s).
    case awsSDKGoV2

    /// One line for `simctl profiles`.
    public var summary: String {
        switch self {
        case .cronRefresher: "refresher is the eks-refresh-cron job (else a per-cluster eks-refresh timer)"
        case .listNodegroupsErrorIgnored: "a failed ListNodegroups reads as no node groups (rancher#35804)"
        case .syncingErrorGate: "a failed refresh sets an Updated condition starting \"[Syncing error\"; the bridge records no AppliedSpec until it clears"
        case .refresherDeferredBehindBridge: "a tick inside the bridge's 10 s watch runs when the watch ends"
        case .upstreamSpecNilOnFailedRefresh: "a failed refresh nulls UpstreamSpec (refresher stops) or fails and retries"
        case .rancherLimiterCap1000s: "Rancher's retries back off up to 1000 s"
        case .oldLadderOrder: "ladder: version, tags, logging, access, sources"
        case .tagsStepEndsPass: "the tags step ends the pass"
        case .resourceInUseFallsThrough: "ResourceInUseException falls through to the next step"
        case .downgradesSent: "UpdateClusterVersion sent whenever versions differ, downgrades included"
        case .nodeGroupSkewOneMinor: "node groups at most one minor behind the cluster"
        case .listUpdatesGate: "waits while ListUpdates/DescribeUpdate shows an update InProgress"
        case .tagDiffDeletesChangedKeys: "a tag whose value changed is tagged, then untagged"
        case .partialScalingConfig: "labels-only node group edits send an empty scaling config (400, rancher#33302)"
        case .nodeGroupTagFlagAssigned: "node-group tag step assigns the 'updated' flag (can end the pass early)"
        case .nodeGroupVersionManagedTemplateOnly: "node-group versions pushed only for Rancher's launch template"
        case .upstreamVersionDroppedWhileUpdating: "a node group's version is left out of the upstream while UPDATING"
        case .operatorLimiterCap1000s: "the operator's retries back off up to 1000 s"
        case .describeAddonInRefresh: "every refresh, and the operator's upstream read, also calls DescribeAddon"
        case .awsSDKGoV2: "AWS calls through aws-sdk-go-v2 (else aws-sdk-go v1)"
        }
    }
}
