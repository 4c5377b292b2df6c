import ClusterStateMachine
import SyncEngine

/// The errors the modeled EKS answers, with the real code, HTTP status and message text where the
/// reference has them (aws-eks-model §1, §3, §4). `[U]` marks a text the reference does not have:
/// the code and status follow the modeled error shapes, the wording is ours.
extension EKSError {
    // MARK: Not found

    /// 404 `No cluster found for name: <n>.` (aws-eks-model §4 DescribeCluster).
    static func clusterNotFound(_ name: String) -> EKSError {
        .resourceNotFound("No cluster found for name: \(name).")
    }

    /// 404 `No node group found for name: <ng>.` (aws-eks-model §4 DescribeNodegroup).
    static func nodegroupNotFound(_ name: String) -> EKSError {
        .resourceNotFound("No node group found for name: \(name).")
    }

    /// 404 for an unknown update id, or a node group update asked for without its node group. [U] text.
    static func updateNotFound(_ id: String) -> EKSError {
        .resourceNotFound("No update found for ID: \(id)")
    }

    /// 404 NotFoundException for a tag operation on a resource that does not exist (aws-eks-model §4
    /// TagResource; moto's text, which it says it took from the real API).
    static func taggedResourceNotFound() -> EKSError { .notFound("Resource was not found") }

    /// 400 BadRequestException: a malformed ARN or tag in a tag operation. [U] text.
    static func badRequest(_ message: String) -> EKSError {
        EKSError(code: "BadRequestException", httpStatus: 400, message: message)
    }

    // MARK: Locks

    /// 409 `Cannot <RejectedType> because cluster <name> currently has update <id> in progress`
    /// (aws-eks-model R1). A hidden or internal update is named by no id: public reports quote
    /// `… currently has an update in progress` (containers-roadmap #1511, #2677; versions.md §5.1),
    /// which lacks the `currently has update` that eks-operator's recordError filters on.
    static func clusterUpdateInProgress(rejected: String, cluster: String, lock: EKSView.ClusterLock) -> EKSError {
        switch lock {
        case .update(let id):
            .resourceInUse("Cannot \(rejected) because cluster \(cluster) currently has update \(id) in progress")
        case .platformUpdate:
            .resourceInUse("Cannot \(rejected) because cluster \(cluster) currently has an update in progress")
        }
    }

    /// 409 `Nodegroup cannot be updated as it is currently not in Active State` (aws-eks-model R4).
    static let nodegroupNotActive = EKSError.resourceInUse("Nodegroup cannot be updated as it is currently not in Active State")

    /// 409 for DeleteNodegroup on a node group that is creating, updating or already deleting. [U] text.
    static let nodegroupNotDeletable = EKSError.resourceInUse("Nodegroup cannot be deleted as it is currently not in Active State")

    /// 400 InvalidRequestException `Cluster '<name>' is not in ACTIVE status` (aws-eks-model R5).
    static func clusterNotActive(_ name: String) -> EKSError {
        .invalidRequest("Cluster '\(name)' is not in ACTIVE status")
    }

    /// 409 `NodeGroup already exists with name <ng> and cluster name <c>` (aws-eks-model §4 CreateNodegroup).
    static func nodegroupExists(_ nodegroup: String, cluster: String) -> EKSError {
        .resourceInUse("NodeGroup already exists with name \(nodegroup) and cluster name \(cluster)")
    }

    /// 409 `Cluster has nodegroups attached` (aws-eks-model R9).
    static let clusterHasNodegroups = EKSError.resourceInUse("Cluster has nodegroups attached")

    // MARK: UpdateClusterConfig

    /// 400 `Only one type of update can be allowed.` (aws-eks-model §0.3).
    static let onlyOneType = EKSError.invalidParameter("Only one type of update can be allowed.")

    /// 400 for an UpdateClusterConfig that carries no field group at all. [U] text.
    static let noUpdateRequested = EKSError.invalidParameter("No update parameters were provided")

    /// 400 `Cluster is already at the desired configuration with endpointPrivateAccess: X ,
    /// endpointPublicAccess: Y, and Public Endpoint Restrictions: [..]` (aws-eks-model §0.4; the space
    /// before the comma is real; several CIDRs are joined with ", " like Java's List.toString [U]).
    static func endpointNoOp(privateAccess: Bool, publicAccess: Bool, cidrs: [String]) -> EKSError {
        .invalidParameter("Cluster is already at the desired configuration with endpointPrivateAccess: \(privateAccess) , endpointPublicAccess: \(publicAccess), and Public Endpoint Restrictions: [\(cidrs.joined(separator: ", "))]")
    }

    /// 400 when both endpoints would be disabled (aws-eks-model §4: rejected, message unknown). [U] text.
    static let bothEndpointsDisabled = EKSError.invalidParameter("At least one of endpointPublicAccess or endpointPrivateAccess must be enabled")

    /// 400 `No changes needed for the logging config provided` (aws-eks-model §0.4).
    static let loggingNoOp = EKSError.invalidParameter("No changes needed for the logging config provided")

    /// 400 `Log type(s) not provided` (aws-eks-model §4, rancher/eks-operator#938).
    static let logTypesNotProvided = EKSError.invalidParameter("Log type(s) not provided")

    /// 400 for a log type outside the LogType enum. [U] text.
    static func invalidLogTypes(_ types: [String]) -> EKSError {
        .invalidParameter("Invalid log type(s): \(types.joined(separator: ", ")). Valid log types are \(LogTypes.all.joined(separator: ", "))")
    }

    /// 400 for a request value of the wrong shape (a non-boolean endpoint flag, ...). [U] text.
    static func invalidValue(_ field: String) -> EKSError {
        .invalidParameter("Invalid value provided for \(field)")
    }

    // MARK: Versions

    /// 400 `Unsupported Kubernetes minor version update from A to B`: same version, downgrade or a
    /// skipped minor (aws-eks-model §0.4, R7).
    static func unsupportedMinorUpdate(from: String, to: String) -> EKSError {
        .invalidParameter("Unsupported Kubernetes minor version update from \(from) to \(to)")
    }

    /// 400 `unsupported Kubernetes version` for a version EKS does not know (aws-eks-model §4).
    static let unsupportedVersion = EKSError.invalidParameter("unsupported Kubernetes version")

    /// 400 InvalidRequestException: node groups must reach the cluster's minor before it upgrades
    /// (aws-eks-model R7; the type is the reference's guess, the text is [U]).
    static func nodegroupsBehind(_ names: [String], clusterVersion: String) -> EKSError {
        .invalidRequest("Nodegroups [\(names.joined(separator: ", "))] must be updated to match cluster version \(clusterVersion) before updating cluster version")
    }

    /// 400 `Nodegroup Kubernetes version should be equal to Cluster kubernetes version X or NodeGroup
    /// kubernetes version Y` (aws-eks-model R4 evidence, aws-controllers-k8s/community#2957).
    static func nodegroupVersionMismatch(cluster: String, nodegroup: String) -> EKSError {
        .invalidParameter("Nodegroup Kubernetes version should be equal to Cluster kubernetes version \(cluster) or NodeGroup kubernetes version \(nodegroup)")
    }

    /// 400 for a CreateNodegroup whose version is not the cluster's (aws-eks-model R7). [U] text,
    /// shaped after the update message.
    static func createVersionMismatch(cluster: String) -> EKSError {
        .invalidParameter("Nodegroup Kubernetes version should be equal to Cluster kubernetes version \(cluster)")
    }

    /// 400 for a node group upgrade that skips a minor version (aws-eks-model R7). [U] text.
    static func nodegroupMinorSkip(from: String, to: String) -> EKSError {
        .invalidParameter("Nodegroup Kubernetes version can only be upgraded one minor version at a time, from \(from) to \(to) is not allowed")
    }

    /// 400 `Encryption is already enabled on the cluster` (aws-eks-model §4; the error code is [U]).
    static let encryptionAlreadyEnabled = EKSError.invalidParameter("Encryption is already enabled on the cluster")

    // MARK: Scaling

    /// 400 `Either all or at least one of minSize, maxSize, desiredSize must be provided`
    /// (aws-eks-model §4 UpdateNodegroupConfig, rancher/rancher#33302).
    static let emptyScaling = EKSError.invalidParameter("Either all or at least one of minSize, maxSize, desiredSize must be provided")

    /// 400 `Minimum capacity 2 can't be greater than desired size 1` (aws-eks-model §4).
    static func minAboveDesired(min: Int, desired: Int) -> EKSError {
        .invalidParameter("Minimum capacity \(min) can't be greater than desired size \(desired)")
    }

    /// 400 when desired exceeds max. [U] text, shaped after the min/desired message.
    static func desiredAboveMax(desired: Int, max: Int) -> EKSError {
        .invalidParameter("Desired capacity \(desired) can't be greater than max size \(max)")
    }

    /// 400 for a size below its floor (min ≥ 0, max ≥ 1, desired ≥ 0, aws-eks-model §2). [U] text in
    /// AWS's usual validation wording.
    static func sizeBelowFloor(_ field: String, value: Int, floor: Int) -> EKSError {
        .invalidParameter("1 validation error detected: Value '\(value)' at 'scalingConfig.\(field)' failed to satisfy constraint: Member must have value greater than or equal to \(floor)")
    }
}

/// The LogType enum (aws-eks-model §2), in the order EKS lists them.
enum LogTypes {
    static let all = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
}
