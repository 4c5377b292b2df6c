import ClusterStateMachine

/// Every API attempt of a unit's clusters: by operation, throttled or not, and per simulated second.
final class CallStatistics {
    /// The operations a fleet's components call (EKS, and EC2's DescribeLaunchTemplateVersions).
    static let knownOperations = [
        "DescribeCluster", "ListNodegroups", "DescribeNodegroup", "DescribeAddon", "DescribeLaunchTemplateVersions",
        "ListUpdates", "DescribeUpdate", "UpdateClusterConfig", "UpdateClusterVersion", "AssociateEncryptionConfig",
        "TagResource", "UntagResource", "CreateNodegroup", "DeleteNodegroup", "UpdateNodegroupConfig",
        "UpdateNodegroupVersion", "DeleteCluster",
    ]

    private(set) var byOperation: [String: Int] = [:]
    private(set) var throttledByOperation: [String: Int] = [:]
    /// Attempts per second of [0, duration); later ones (the settling tail) are counted by
    /// operation but not per second.
    private(set) var perSecond: [Int]

    init(seconds: Int) { perSecond = Array(repeating: 0, count: seconds) }

    func count(_ operation: String, at: SimTime, throttled: Bool) {
        byOperation[operation, default: 0] += 1
        if throttled { throttledByOperation[operation, default: 0] += 1 }
        let second = Int(at / SimTime.second)
        if second >= 0 && second < perSecond.count { perSecond[second] += 1 }
    }
}
