/// Who made a change: the two kinds of people and the four machine components.
public enum Actor: String, Hashable, Sendable, Codable, CaseIterable {
    /// A person editing the cluster in Rancher (`Spec.EKSConfig`).
    case rancher
    /// A person using the EKS console, CLI or Terraform (AWS API calls).
    case console
    /// Rancher's controller copying `Spec.EKSConfig` into the EKSClusterConfig and recording AppliedSpec.
    case bridge
    /// The eks-operator reconciling the EKSClusterConfig against AWS.
    case `operator`
    /// Rancher's periodic refresh of `UpstreamSpec` and managed `Spec.EKSConfig` fields from AWS.
    case refresher
    /// AWS EKS itself: updates completing, statuses changing, faults.
    case aws

    /// True for the two people.
    public var isPerson: Bool { self == .rancher || self == .console }
}
