import Simulator
import SyncEngine

/// What a release's refresh costs beyond the engine's own calls (DescribeCluster, ListNodegroups,
/// DescribeNodegroup × N and, where the release has it, DescribeAddon; real-inputs.md §2).
enum ReleaseCalls {
    /// Launch template reads: one EC2 DescribeLaunchTemplateVersions per node group on Rancher's
    /// managed launch template, i.e. every group of a cluster created from Rancher (`managed: all`).
    static func extras(for profile: Profile, managed: Managed) -> RefreshExtras {
        RefreshExtras(launchTemplateReads: managed == .all)
    }
}
