import Simulator
import SyncEngine

/// What a release's refresh costs beyond DescribeCluster + ListNodegroups + DescribeNodegroup × N
/// (real-inputs.md §2, "What one refresh costs").
enum ReleaseCalls {
    /// DescribeAddon(aws-ebs-csi-driver) came with eks-operator v1.9 (the 2024 ladder's releases;
    /// Rancher 2.5.x has N + 2 calls). Launch template reads: one per node group on Rancher's
    /// managed launch template, i.e. every group of a cluster created from Rancher (`managed: all`).
    static func extras(for profile: Profile, managed: Managed) -> RefreshExtras {
        RefreshExtras(describeAddon: profile.ladder == .v2024, launchTemplateReads: managed == .all)
    }
}
