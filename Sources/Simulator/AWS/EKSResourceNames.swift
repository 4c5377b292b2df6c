import ClusterStateMachine
import SyncEngine

/// The ARNs of the cluster and its node groups, and which resource an ARN names.
struct EKSResourceNames {
    /// What a tag operation's ARN names.
    enum Resource: Equatable {
        case cluster
        case nodegroup(String)
    }

    let region: String
    let account: String
    let clusterName: String
    let clusterArn: String
    /// True when region and account were read from the cluster's ARN (they depend on nothing else).
    let fromArn: Bool

    init(aws: AWSClusterState, parameters: AWSModelParameters) {
        let parts = aws.arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if parts.count == 6, parts[0] == "arn", parts[2] == "eks" {
            region = String(parts[3])
            account = String(parts[4])
            fromArn = true
        } else {
            fromArn = false
            region = aws.visible.string("region") ?? "us-west-2"
            account = parameters.accountId
        }
        clusterName = aws.name
        clusterArn = aws.arn.isEmpty
            ? ModeledEKS.clusterArn(region: region, accountId: account, name: aws.name) : aws.arn
    }

    /// `arn:aws:eks:REGION:ACCT:nodegroup/CLUSTER/NAME/UUID`; the UUID is derived from the cluster and
    /// node group names, so a node group re-created under the same name gets the same ARN. [U]
    func nodegroupArn(_ name: String) -> String {
        "arn:aws:eks:\(region):\(account):nodegroup/\(clusterName)/\(name)/\(StableIdentifier.uuid("nodegroup/\(clusterName)/\(name)"))"
    }

    /// The resource `arn` names. A string that is not an EKS ARN is 400 BadRequestException ([U]
    /// text); an ARN of no existing resource is 404 NotFoundException (aws-eks-model §4 TagResource).
    func resolve(_ arn: String, in view: EKSView) throws(EKSError) -> Resource {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "eks", !parts[5].isEmpty else {
            throw .badRequest("Invalid ARN: \(arn)")
        }
        let resource = parts[5].split(separator: "/", omittingEmptySubsequences: false)
        if resource.first == "cluster", arn == clusterArn, view.clusterExists { return .cluster }
        if resource.count == 4, resource[0] == "nodegroup", view.clusterExists {
            let name = String(resource[2])
            if view.nodegroupExists(name), arn == nodegroupArn(name) { return .nodegroup(name) }
        }
        throw .taggedResourceNotFound()
    }

    /// The path under which a resource's tags live.
    func tagsPath(_ resource: Resource) -> FieldPath {
        switch resource {
        case .cluster: "tags"
        case .nodegroup(let name): EKSView.nodegroupPath(name).appending("tags")
        }
    }
}

extension ModeledEKS {
    /// `arn:aws:eks:<region>:<account>:cluster/<name>` (aws-eks-model §2).
    public static func clusterArn(region: String, accountId: String, name: String) -> String {
        "arn:aws:eks:\(region):\(accountId):cluster/\(name)"
    }
}
