/// Calls a refresh (and the operator's read of the upstream state) makes beyond DescribeCluster,
/// ListNodegroups and DescribeNodegroup × N (real-inputs.md §2, "What one refresh costs").
public struct RefreshExtras: Hashable, Sendable {
    /// DescribeAddon(aws-ebs-csi-driver) after ListNodegroups (N + 3 instead of N + 2).
    public var describeAddon: Bool
    /// EC2 DescribeLaunchTemplateVersions after each DescribeNodegroup (node groups on Rancher's
    /// managed launch template: every group of a cluster created from Rancher).
    public var launchTemplateReads: Bool

    public init(describeAddon: Bool, launchTemplateReads: Bool) {
        self.describeAddon = describeAddon
        self.launchTemplateReads = launchTemplateReads
    }

    /// One cluster alone, as scenarios model it: N + 2 calls.
    public static let none = RefreshExtras(describeAddon: false, launchTemplateReads: false)
}
