import ClusterStateMachine
import SyncEngine

extension ModeledEKS {
    /// aws-eks-model R1 (one cluster update at a time, across every update type) and R2 (a hidden
    /// platform update holds the same lock): 409 ResourceInUseException
    /// `Cannot <RejectedType> because cluster <name> currently has update <id> in progress`.
    func requireClusterUnlocked(_ view: EKSView, rejected: UpdateType) throws(EKSError) {
        if let lock = view.clusterLock {
            throw .clusterUpdateInProgress(rejected: rejected.rawValue, cluster: view.aws.name, lock: lock)
        }
    }

    /// aws-eks-model R4: a node group update needs an ACTIVE node group (409 `Nodegroup cannot be
    /// updated as it is currently not in Active State`); with `nodegroupUpdatesBlockedByClusterUpdate`
    /// (§9.2, off by default) an InProgress cluster update refuses it too, with R1's message. [U]
    func requireNodegroupUpdatable(_ view: EKSView, _ name: String, rejected: UpdateType) throws(EKSError) {
        guard view.nodegroupStatus(name) == .active else { throw .nodegroupNotActive }
        if parameters.nodegroupUpdatesBlockedByClusterUpdate {
            try requireClusterUnlocked(view, rejected: rejected)
        }
    }

    /// aws-eks-model R10 (idempotency, [U]): a request that repeats the `clientRequestToken` of an
    /// update this operation already accepted gets that update back, as it is now, instead of a 409
    /// or a second update. A token of a refused request was never stored and counts as new.
    func replay(_ view: EKSView, token: String?, action: String, nodegroup: String?) -> Accepted<UpdateDescription>? {
        guard let token, let original = view.aws.update(token: token, where: {
            $0.action == action && $0.nodegroupName == nodegroup
        }) else { return nil }
        return Accepted(response: UpdateDescription(original),
                        summary: "update \(original.id) \(original.status.rawValue) (replay of clientRequestToken \(token))")
    }

    /// Accepts an update: a new `AWSUpdate` InProgress with an id from the run's generator, armed to
    /// fail when the `failNextUpdate` fault is set, and its timers: the status lag (aws-eks-model R3;
    /// cluster updates only, none when the lag is 0) and the completion after the type's duration.
    func acceptUpdate(
        _ view: EKSView, type: UpdateType, nodegroup: String?, params: [AWSUpdate.Param], change: SubtreeChange,
        caller: Actor, action: String, token: String?
    ) -> Accepted<UpdateDescription> {
        let id = context.randomUUID()
        let lagged = nodegroup == nil && parameters.statusLag > 0
        let update = AWSUpdate(
            id: id, type: type, nodegroupName: nodegroup, params: params, createdAt: view.now, requestedBy: caller,
            action: action, clientRequestToken: token, change: change, statusVisible: !lagged,
            willFail: view.aws.failNextUpdate)
        var timers: [Accepted<UpdateDescription>.Timer] = []
        if lagged { timers.append(.init(kind: .awsStatusVisible(id), delay: parameters.statusLag, source: .statusLag)) }
        timers.append(.init(kind: .awsUpdateDone(id), delay: parameters.duration(of: type, nodegroup: nodegroup != nil),
                            source: .update(type, nodegroup: nodegroup != nil)))
        return Accepted(response: UpdateDescription(update), summary: "update \(id) \(type.rawValue) InProgress",
                        events: [.awsUpdateStarted(update)], timers: timers)
    }
}

extension Dictionary where Key == String, Value == String {
    /// Adds `value` under `key` when there is one.
    mutating func add(_ key: String, _ value: String?) {
        if let value { self[key] = value }
    }
}
