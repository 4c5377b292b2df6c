/// Calls a refresh (and the operator's read of the upstream state) makes that the sync engine does
/// not make itself (real-inputs.md §2, "What one refresh costs"). DescribeAddon is the engine's
/// own (`Behaviour.describeAddonInRefresh`).
public struct RefreshExtras: Hashable, Sendable {
    /// EC2 DescribeLaunchTemplateVersions after each DescribeNodegroup (node groups on Rancher's
    /// managed launch template: every group of a cluster created from Rancher).
    public var launchTemplateReads: Bool

    public init(launchTemplateReads: Bool) {
        self.launchTemplateReads = launchTemplateReads
    }

    /// One cluster alone, as scenarios model it: no EC2 calls.
    public static let none = RefreshExtras(launchTemplateReads: false)
}
