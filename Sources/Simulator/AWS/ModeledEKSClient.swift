import ClusterStateMachine
import SyncEngine

/// The modeled EKS as one caller uses it: forwards every operation with the caller's name, so the
/// call record says who asked.
struct ModeledEKSClient: EKSAPI {
    let model: ModeledEKS
    let caller: Actor

    func describeCluster(name: String) throws(EKSError) -> ClusterDescription {
        try model.describeCluster(name: name, caller: caller)
    }

    func describeAddon(clusterName: String, addonName: String) throws(EKSError) -> String {
        try model.describeAddon(clusterName: clusterName, addonName: addonName, caller: caller)
    }

    func listUpdates(name: String, nodegroupName: String?) throws(EKSError) -> [String] {
        try model.listUpdates(name: name, nodegroupName: nodegroupName, caller: caller)
    }

    func describeUpdate(name: String, updateId: String, nodegroupName: String?) throws(EKSError) -> UpdateDescription {
        try model.describeUpdate(name: name, updateId: updateId, nodegroupName: nodegroupName, caller: caller)
    }

    func listNodegroups(clusterName: String) throws(EKSError) -> [String] {
        try model.listNodegroups(clusterName: clusterName, caller: caller)
    }

    func describeNodegroup(clusterName: String, nodegroupName: String) throws(EKSError) -> NodegroupDescription {
        try model.describeNodegroup(clusterName: clusterName, nodegroupName: nodegroupName, caller: caller)
    }

    func updateClusterConfig(_ request: UpdateClusterConfigRequest) throws(EKSError) -> UpdateDescription {
        try model.updateClusterConfig(request, caller: caller)
    }

    func updateClusterVersion(name: String, version: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        try model.updateClusterVersion(name: name, version: version, clientRequestToken: clientRequestToken, caller: caller)
    }

    func associateEncryptionConfig(name: String, keyArn: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        try model.associateEncryptionConfig(name: name, keyArn: keyArn, clientRequestToken: clientRequestToken, caller: caller)
    }

    func tagResource(resourceArn: String, tags: [String: Entry]) throws(EKSError) {
        try model.tagResource(resourceArn: resourceArn, tags: tags, caller: caller)
    }

    func untagResource(resourceArn: String, tagKeys: [String], removal: Entry) throws(EKSError) {
        try model.untagResource(resourceArn: resourceArn, tagKeys: tagKeys, removal: removal, caller: caller)
    }

    func createNodegroup(_ request: CreateNodegroupRequest) throws(EKSError) -> NodegroupDescription {
        try model.createNodegroup(request, caller: caller)
    }

    func deleteNodegroup(clusterName: String, nodegroupName: String, removal: Entry) throws(EKSError) -> NodegroupDescription {
        try model.deleteNodegroup(clusterName: clusterName, nodegroupName: nodegroupName, removal: removal, caller: caller)
    }

    func updateNodegroupConfig(_ request: UpdateNodegroupConfigRequest) throws(EKSError) -> UpdateDescription {
        try model.updateNodegroupConfig(request, caller: caller)
    }

    func updateNodegroupVersion(clusterName: String, nodegroupName: String, version: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        try model.updateNodegroupVersion(clusterName: clusterName, nodegroupName: nodegroupName, version: version,
                                         clientRequestToken: clientRequestToken, caller: caller)
    }

    func deleteCluster(name: String) throws(EKSError) {
        try model.deleteCluster(name: name, caller: caller)
    }
}
