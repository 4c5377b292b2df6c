import ClusterStateMachine
import SyncEngine

/// The modeled EKS as one caller uses it: forwards every operation with the caller's name, so the
/// call record says who asked, through the SDK's retries (`SDKRetryMode`), each attempt its own call.
struct ModeledEKSClient: EKSAPI {
    let model: ModeledEKS
    let caller: Actor
    let session: SDKSession

    /// One SDK call: attempts until one is answered, the answer is not retryable, the attempts are
    /// spent or the retry quota is empty. Each attempt is made `session.elapsed` after now.
    private func sdk<T>(_ body: () throws(EKSError) -> T) throws(EKSError) -> T {
        var retry = 0
        while true {
            model.attemptDelay = session.elapsed
            model.attemptNumber = retry + 1
            defer { model.attemptDelay = 0; model.attemptNumber = 1; model.passElapsed(session.elapsed) }
            do {
                let answer = try body()
                session.answered()
                return answer
            } catch {
                session.elapsed += session.latency
                retry += 1
                guard retry < session.parameters.maxAttempts, session.mode.retries(error), session.takeRetryToken() else {
                    throw error
                }
                session.elapsed += session.mode.delay(beforeRetry: retry, uniform: model.context.randomUnit())
            }
        }
    }

    /// The launch template reads follow each DescribeNodegroup of `BuildUpstreamClusterState`.
    private var readsUpstream: Bool { caller == .refresher || caller == .operator }

    func describeCluster(name: String) throws(EKSError) -> ClusterDescription {
        try sdk { () throws(EKSError) in try model.describeCluster(name: name, caller: caller) }
    }

    func describeAddon(clusterName: String, addonName: String) throws(EKSError) -> String {
        try sdk { () throws(EKSError) in try model.describeAddon(clusterName: clusterName, addonName: addonName, caller: caller) }
    }

    func listUpdates(name: String, nodegroupName: String?) throws(EKSError) -> [String] {
        try sdk { () throws(EKSError) in try model.listUpdates(name: name, nodegroupName: nodegroupName, caller: caller) }
    }

    func describeUpdate(name: String, updateId: String, nodegroupName: String?) throws(EKSError) -> UpdateDescription {
        try sdk { () throws(EKSError) in try model.describeUpdate(name: name, updateId: updateId, nodegroupName: nodegroupName, caller: caller) }
    }

    func listNodegroups(clusterName: String) throws(EKSError) -> [String] {
        try sdk { () throws(EKSError) in try model.listNodegroups(clusterName: clusterName, caller: caller) }
    }

    func describeNodegroup(clusterName: String, nodegroupName: String) throws(EKSError) -> NodegroupDescription {
        let group = try sdk { () throws(EKSError) in try model.describeNodegroup(clusterName: clusterName, nodegroupName: nodegroupName, caller: caller) }
        if readsUpstream && model.refreshExtras.launchTemplateReads {
            try sdk { () throws(EKSError) in try model.describeLaunchTemplateVersions(clusterName: clusterName, nodegroupName: nodegroupName, caller: caller) }
        }
        return group
    }

    func updateClusterConfig(_ request: UpdateClusterConfigRequest) throws(EKSError) -> UpdateDescription {
        try sdk { () throws(EKSError) in try model.updateClusterConfig(request, caller: caller) }
    }

    func updateClusterVersion(name: String, version: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        try sdk { () throws(EKSError) in try model.updateClusterVersion(name: name, version: version, clientRequestToken: clientRequestToken, caller: caller) }
    }

    func associateEncryptionConfig(name: String, keyArn: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        try sdk { () throws(EKSError) in try model.associateEncryptionConfig(name: name, keyArn: keyArn, clientRequestToken: clientRequestToken, caller: caller) }
    }

    func tagResource(resourceArn: String, tags: [String: Entry]) throws(EKSError) {
        try sdk { () throws(EKSError) in try model.tagResource(resourceArn: resourceArn, tags: tags, caller: caller) }
    }

    func untagResource(resourceArn: String, tagKeys: [String], removal: Entry) throws(EKSError) {
        try sdk { () throws(EKSError) in try model.untagResource(resourceArn: resourceArn, tagKeys: tagKeys, removal: removal, caller: caller) }
    }

    func createNodegroup(_ request: CreateNodegroupRequest) throws(EKSError) -> NodegroupDescription {
        try sdk { () throws(EKSError) in try model.createNodegroup(request, caller: caller) }
    }

    func deleteNodegroup(clusterName: String, nodegroupName: String, removal: Entry) throws(EKSError) -> NodegroupDescription {
        try sdk { () throws(EKSError) in try model.deleteNodegroup(clusterName: clusterName, nodegroupName: nodegroupName, removal: removal, caller: caller) }
    }

    func updateNodegroupConfig(_ request: UpdateNodegroupConfigRequest) throws(EKSError) -> UpdateDescription {
        try sdk { () throws(EKSError) in try model.updateNodegroupConfig(request, caller: caller) }
    }

    func updateNodegroupVersion(clusterName: String, nodegroupName: String, version: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        try sdk { () throws(EKSError) in try model.updateNodegroupVersion(clusterName: clusterName, nodegroupName: nodegroupName, version: version,
                                         clientRequestToken: clientRequestToken, caller: caller) }
    }

    func deleteCluster(name: String) throws(EKSError) {
        try sdk { () throws(EKSError) in try model.deleteCluster(name: name, caller: caller) }
    }
}

/// One `StartEKSService`'s SDK client state: the retry quota and the wall time its calls took.
final class SDKSession {
    let mode: SDKRetryMode
    let parameters: SDKRetryParameters
    let latency: SimTime
    /// Calls × latency + retry waits so far.
    var elapsed: SimTime = 0
    private var quota: Int?

    init(mode: SDKRetryMode, latency: SimTime) {
        self.mode = mode
        self.parameters = mode.parameters
        self.latency = latency
        self.quota = parameters.quota
    }

    /// A call answered without an error: its latency passes and the quota gains a token.
    func answered() {
        elapsed += latency
        if let q = quota, let cap = parameters.quota { quota = min(cap, q + parameters.successRefill) }
    }

    /// Takes one retry's cost from the quota; false ("retry quota exceeded") when it is short.
    func takeRetryToken() -> Bool {
        guard let q = quota else { return true }
        guard q >= parameters.retryCost else { return false }
        quota = q - parameters.retryCost
        return true
    }
}
