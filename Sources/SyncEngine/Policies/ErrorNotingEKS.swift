import ClusterStateMachine

/// An EKS client that passes every call on and remembers the first error answered, even when the
/// caller swallows it (`error-safe-refresh`).
final class ErrorNotingEKS: EKSAPI {
    private let aws: any EKSAPI
    private(set) var firstError: EKSError?

    init(_ aws: any EKSAPI) { self.aws = aws }

    private func noting<T>(_ call: () throws(EKSError) -> T) throws(EKSError) -> T {
        do {
            return try call()
        } catch {
            if firstError == nil { firstError = error }
            throw error
        }
    }

    func describeCluster(name: String) throws(EKSError) -> ClusterDescription {
        try noting { () throws(EKSError) in try aws.describeCluster(name: name) }
    }
    func listUpdates(name: String, nodegroupName: String?) throws(EKSError) -> [String] {
        try noting { () throws(EKSError) in try aws.listUpdates(name: name, nodegroupName: nodegroupName) }
    }
    func describeUpdate(name: String, updateId: String, nodegroupName: String?) throws(EKSError) -> UpdateDescription {
        try noting { () throws(EKSError) in try aws.describeUpdate(name: name, updateId: updateId, nodegroupName: nodegroupName) }
    }
    func listNodegroups(clusterName: String) throws(EKSError) -> [String] {
        try noting { () throws(EKSError) in try aws.listNodegroups(clusterName: clusterName) }
    }
    func describeNodegroup(clusterName: String, nodegroupName: String) throws(EKSError) -> NodegroupDescription {
        try noting { () throws(EKSError) in try aws.describeNodegroup(clusterName: clusterName, nodegroupName: nodegroupName) }
    }
    func updateClusterConfig(_ request: UpdateClusterConfigRequest) throws(EKSError) -> UpdateDescription {
        try noting { () throws(EKSError) in try aws.updateClusterConfig(request) }
    }
    func updateClusterVersion(name: String, version: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        try noting { () throws(EKSError) in try aws.updateClusterVersion(name: name, version: version, clientRequestToken: clientRequestToken) }
    }
    func associateEncryptionConfig(name: String, keyArn: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        try noting { () throws(EKSError) in try aws.associateEncryptionConfig(name: name, keyArn: keyArn, clientRequestToken: clientRequestToken) }
    }
    func tagResource(resourceArn: String, tags: [String: Entry]) throws(EKSError) {
        try noting { () throws(EKSError) in try aws.tagResource(resourceArn: resourceArn, tags: tags) }
    }
    func untagResource(resourceArn: String, tagKeys: [String], removal: Entry) throws(EKSError) {
        try noting { () throws(EKSError) in try aws.untagResource(resourceArn: resourceArn, tagKeys: tagKeys, removal: removal) }
    }
    func createNodegroup(_ request: CreateNodegroupRequest) throws(EKSError) -> NodegroupDescription {
        try noting { () throws(EKSError) in try aws.createNodegroup(request) }
    }
    func deleteNodegroup(clusterName: String, nodegroupName: String, removal: Entry) throws(EKSError) -> NodegroupDescription {
        try noting { () throws(EKSError) in try aws.deleteNodegroup(clusterName: clusterName, nodegroupName: nodegroupName, removal: removal) }
    }
    func updateNodegroupConfig(_ request: UpdateNodegroupConfigRequest) throws(EKSError) -> UpdateDescription {
        try noting { () throws(EKSError) in try aws.updateNodegroupConfig(request) }
    }
    func updateNodegroupVersion(clusterName: String, nodegroupName: String, version: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        try noting { () throws(EKSError) in try aws.updateNodegroupVersion(clusterName: clusterName, nodegroupName: nodegroupName, version: version, clientRequestToken: clientRequestToken) }
    }
    func deleteCluster(name: String) throws(EKSError) {
        try noting { () throws(EKSError) in try aws.deleteCluster(name: name) }
    }
}
