import ClusterStateMachine

/// The EKS operations the eks-operator, Rancher's refresher and a person in the console use.
///
/// One value of a conforming type speaks for one caller (operator, refresher or console), so the
/// modeled AWS can log who asked what. Values travel with their provenance (`Entry`): the real API
/// has no such thing, but the simulator needs to know whose write a value came from.
public protocol EKSAPI {
    func describeCluster(name: String) throws(EKSError) -> ClusterDescription
    /// Cluster-level update ids, or a node group's with `nodegroupName`; stable, not chronological (R8).
    func listUpdates(name: String, nodegroupName: String?) throws(EKSError) -> [String]
    func describeUpdate(name: String, updateId: String, nodegroupName: String?) throws(EKSError) -> UpdateDescription
    func listNodegroups(clusterName: String) throws(EKSError) -> [String]
    func describeNodegroup(clusterName: String, nodegroupName: String) throws(EKSError) -> NodegroupDescription
    func updateClusterConfig(_ request: UpdateClusterConfigRequest) throws(EKSError) -> UpdateDescription
    func updateClusterVersion(name: String, version: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription
    func associateEncryptionConfig(name: String, keyArn: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription
    /// Adds or overwrites tags at once; no Update record (R6).
    func tagResource(resourceArn: String, tags: [String: Entry]) throws(EKSError)
    /// Removes tags at once; `removal` is the provenance of the decision to remove them.
    func untagResource(resourceArn: String, tagKeys: [String], removal: Entry) throws(EKSError)
    func createNodegroup(_ request: CreateNodegroupRequest) throws(EKSError) -> NodegroupDescription
    func deleteNodegroup(clusterName: String, nodegroupName: String, removal: Entry) throws(EKSError) -> NodegroupDescription
    func updateNodegroupConfig(_ request: UpdateNodegroupConfigRequest) throws(EKSError) -> UpdateDescription
    func updateNodegroupVersion(clusterName: String, nodegroupName: String, version: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription
    func deleteCluster(name: String) throws(EKSError)
    /// The add-on's ARN (`CheckEBSAddon` asks for `aws-ebs-csi-driver`).
    func describeAddon(clusterName: String, addonName: String) throws(EKSError) -> String
}

extension EKSAPI {
    /// Test doubles that do not model add-ons answer as EKS does for a cluster without it.
    public func describeAddon(clusterName: String, addonName: String) throws(EKSError) -> String {
        throw .resourceNotFound("No addon: \(addonName) found in cluster: \(clusterName)")
    }
}
