import ClusterStateMachine
import SyncEngine

/// What the modeled EKS knows at one call: the folded AWS state, the time and the parameters.
///
/// Every decision reads this and nothing else; the model keeps no state of its own.
struct EKSView {
    let aws: AWSClusterState
    let now: SimTime
    let parameters: AWSModelParameters
    /// The model's resource names when it had them at hand (see `ModeledEKS.resourceNames`).
    var knownNames: EKSResourceNames? = nil

    // MARK: Existence

    /// True when the cluster exists: observed, and not deleted (DeleteCluster removes every value).
    var clusterExists: Bool {
        !aws.name.isEmpty && aws.visible.entries.values.contains { $0.value != nil }
    }

    /// The cluster `name`, or 404 `No cluster found for name: <n>.`.
    func requireCluster(_ name: String) throws(EKSError) {
        guard clusterExists, name == aws.name else { throw .clusterNotFound(name) }
    }

    /// Names of the node groups that exist (CREATING, ACTIVE, UPDATING and DELETING ones), sorted.
    /// A node group whose entry is a tombstone was deleted and does not exist.
    var nodegroupNames: [String] { aws.visible.nodeGroupNames ?? [] }

    func nodegroupExists(_ name: String) -> Bool {
        aws.visible.value(at: Self.nodegroupPath(name)) == .container
    }

    /// The node group `name`, or 404 `No node group found for name: <ng>.`.
    func requireNodegroup(_ name: String) throws(EKSError) {
        guard nodegroupExists(name) else { throw .nodegroupNotFound(name) }
    }

    /// A node group's status; one observed without a status is ACTIVE.
    func nodegroupStatus(_ name: String) -> NodegroupStatus { aws.nodegroupStatus[name] ?? .active }

    static func nodegroupPath(_ name: String) -> FieldPath { FieldPath(unchecked: "nodeGroups.\(name)") }

    // MARK: The cluster lock (aws-eks-model R1, R2)

    /// What holds the cluster lock: an InProgress cluster update (by id), or else a hidden platform
    /// update (R2), which no API lists and no message names.
    enum ClusterLock: Equatable {
        case update(String)
        case platformUpdate
    }

    var clusterLock: ClusterLock? {
        if let update = aws.inProgressClusterUpdates.first { return .update(update.id) }
        return aws.hiddenLockUntil == nil ? nil : .platformUpdate
    }

    // MARK: What Describe* show

    /// The document DescribeCluster and DescribeNodegroup show (see `ModeledEKS.describedDocument`).
    var described: SpecDocument { ModeledEKS.describedDocument(of: aws, parameters: parameters) }

    /// `described.subtree(path)`, built from that subtree alone: a DescribeNodegroup does not copy
    /// the other node groups while an update is InProgress.
    func described(within path: FieldPath) -> [String: Entry] {
        let visible = aws.visible.subtree(path)
        let updates = parameters.configVisibility == .atAcceptance ? aws.inProgressUpdates : []
        // Nothing applied: the subtree is already the answer.
        guard !updates.isEmpty else { return visible }
        var doc = SpecDocument(entries: visible)
        for update in updates { doc.apply(update.change) }
        return doc.subtree(path)
    }

    // MARK: Current values (the true state, which validation reads)

    var kubernetesVersion: String { aws.visible.string("kubernetesVersion") ?? "" }
    var publicAccess: Bool { aws.visible.bool("publicAccess") ?? true }
    var privateAccess: Bool { aws.visible.bool("privateAccess") ?? false }
    /// `publicAccessCidrs`; AWS reports `["0.0.0.0/0"]` when none was set (aws-eks-model §2).
    var publicAccessCidrs: [String] { Self.cidrsOrDefault(aws.visible.strings("publicAccessSources")) }
    var loggingTypes: Set<String> { Set(aws.visible.strings("loggingTypes") ?? []) }

    static let defaultCidrs = ["0.0.0.0/0"]

    static func cidrsOrDefault(_ cidrs: [String]?) -> [String] {
        guard let cidrs, !cidrs.isEmpty else { return defaultCidrs }
        return cidrs
    }

    /// A node group's version; one without a version is on the cluster's.
    func nodegroupVersion(_ name: String) -> String {
        aws.visible.string(Self.nodegroupPath(name).appending("version")) ?? kubernetesVersion
    }

    func nodegroupInt(_ name: String, _ field: String) -> Int? {
        aws.visible.int(Self.nodegroupPath(name).appending(field))
    }

    // MARK: ARNs

    var arns: EKSResourceNames { knownNames ?? EKSResourceNames(aws: aws, parameters: parameters) }
}

extension ModeledEKS {
    /// The cluster as DescribeCluster and DescribeNodegroup show it: the values AWS holds, plus, with
    /// `configVisibility == .atAcceptance`, the changes of the updates still InProgress (a failed one
    /// simply stops being shown). Tombstones are kept: they carry the provenance of removals.
    public static func describedDocument(of aws: AWSClusterState, parameters: AWSModelParameters) -> SpecDocument {
        var doc = aws.visible
        if parameters.configVisibility == .atAcceptance {
            for update in aws.inProgressUpdates { doc.apply(update.change) }
        }
        return doc
    }
}
