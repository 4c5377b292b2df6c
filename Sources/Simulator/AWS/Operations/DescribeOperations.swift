import ClusterStateMachine
import SyncEngine

extension ModeledEKS {
    /// DescribeCluster (aws-eks-model §4): the described document without the `nodeGroups` subtree,
    /// every entry stamped `readAt = now` (this read is the copy's source), and the status: UPDATING
    /// only once an InProgress cluster update's status is visible (R3; a hidden platform update
    /// leaves it ACTIVE, R2). With `configVisibility == .atCompletion` the values stay old until the
    /// update succeeds.
    func describeCluster(name: String, caller: Actor) throws(EKSError) -> ClusterDescription {
        let fields = EKSView(aws: context.awsState, now: context.now, parameters: parameters).described.topLevelKeys
            .filter { $0 != "nodeGroups" }.map(FieldPath.init(unchecked:))
        return try perform("DescribeCluster", caller: caller, request: ["name": name], fields: fields) { view throws(EKSError) in
            try view.requireCluster(name)
            let shown = view.described.entries.filter { !FieldPath(unchecked: $0.key).isWithin("nodeGroups") }
            let status = view.aws.status
            let description = ClusterDescription(name: view.aws.name, arn: view.arns.clusterArn, status: status,
                                                 document: Self.read(shown, at: view.now))
            return Accepted(response: description, summary: status.rawValue)
        }
    }

    /// DescribeNodegroup (aws-eks-model §4): the `nodeGroups.NAME` subtree, stamped like
    /// DescribeCluster's, and the node group's status. A deleted node group (a tombstone) is 404
    /// `No node group found for name: NAME.`.
    func describeNodegroup(clusterName: String, nodegroupName: String, caller: Actor) throws(EKSError) -> NodegroupDescription {
        let path = EKSView.nodegroupPath(nodegroupName)
        return try perform("DescribeNodegroup", caller: caller,
                           request: ["clusterName": clusterName, "nodegroupName": nodegroupName], fields: [path]) { view throws(EKSError) in
            try view.requireCluster(clusterName)
            try view.requireNodegroup(nodegroupName)
            let status = view.nodegroupStatus(nodegroupName)
            let description = NodegroupDescription(
                name: nodegroupName, arn: view.arns.nodegroupArn(nodegroupName), status: status,
                document: Self.read(view.described(within: path), at: view.now),
                onRancherLaunchTemplate: view.aws.rancherTemplateNodegroups.contains(nodegroupName))
            return Accepted(response: description, summary: status.rawValue)
        }
    }

    /// DescribeAddon. Add-ons are not modeled: every cluster has the `aws-ebs-csi-driver` add-on
    /// ACTIVE (an undocumented choice: what matters to the sync is that the refresher of
    /// eks-operator v1.9.1+ makes the call, which counts against API budgets and can be throttled).
    func describeAddon(clusterName: String, addonName: String, caller: Actor) throws(EKSError) -> String {
        try perform("DescribeAddon", caller: caller, request: ["clusterName": clusterName, "addonName": addonName],
                    fields: []) { view throws(EKSError) in
            try view.requireCluster(clusterName)
            let arn = "arn:aws:eks:\(view.arns.region):\(view.arns.account):addon/\(clusterName)/\(addonName)/"
                + StableIdentifier.uuid("addon/\(clusterName)/\(addonName)")
            return Accepted(response: arn, summary: "ACTIVE")
        }
    }

    /// ListNodegroups: the names of the node groups that exist (DELETING ones included), sorted.
    func listNodegroups(clusterName: String, caller: Actor) throws(EKSError) -> [String] {
        try perform("ListNodegroups", caller: caller, request: ["clusterName": clusterName], fields: ["nodeGroups"]) { view throws(EKSError) in
            try view.requireCluster(clusterName)
            let names = view.nodegroupNames
            return Accepted(response: names, summary: RequestText.list(names))
        }
    }

    /// ListUpdates (aws-eks-model R8, §4): every update of the cluster (without `nodegroupName`) or of
    /// one node group, whatever its status, sorted by id: stable, and not chronological since ids are
    /// random. A hidden platform update is never listed (R2).
    func listUpdates(name: String, nodegroupName: String?, caller: Actor) throws(EKSError) -> [String] {
        var request = ["name": name]
        request.add("nodegroupName", nodegroupName)
        return try perform("ListUpdates", caller: caller, request: request, fields: []) { view throws(EKSError) in
            try view.requireCluster(name)
            if let nodegroupName { try view.requireNodegroup(nodegroupName) }
            let ids = view.aws.updates.filter { $0.nodegroupName == nodegroupName }.map(\.id).sorted()
            return Accepted(response: ids, summary: "\(ids.count) update id(s)")
        }
    }

    /// DescribeUpdate (aws-eks-model §4): an update of the cluster, or of the node group named; an
    /// unknown id, or a node group update asked for without its node group, is 404 ([U] text).
    func describeUpdate(name: String, updateId: String, nodegroupName: String?, caller: Actor) throws(EKSError) -> UpdateDescription {
        var request = ["name": name, "updateId": updateId]
        request.add("nodegroupName", nodegroupName)
        return try perform("DescribeUpdate", caller: caller, request: request, fields: []) { view throws(EKSError) in
            try view.requireCluster(name)
            if let nodegroupName { try view.requireNodegroup(nodegroupName) }
            guard let update = view.aws.update(updateId), update.nodegroupName == nodegroupName else {
                throw .updateNotFound(updateId)
            }
            return Accepted(response: UpdateDescription(update), summary: "update \(update.id) \(update.status.rawValue)")
        }
    }

    /// Entries as a reader copies them: same values and origins, read now.
    static func read(_ entries: [String: Entry], at now: SimTime) -> SpecDocument {
        SpecDocument(entries: entries.mapValues { Entry($0.value, origin: $0.origin, readAt: now) })
    }
}
