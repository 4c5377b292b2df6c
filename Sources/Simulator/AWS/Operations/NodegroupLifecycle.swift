import ClusterStateMachine
import SyncEngine

extension ModeledEKS {
    /// CreateNodegroup (aws-eks-model §4). The node group's document is stored at once with status
    /// CREATING; it turns ACTIVE after `nodegroupCreate`. Order: not found, request validation (the
    /// document describes this node group; sizes; the version is the cluster's, R7), the name is free
    /// (409 `NodeGroup already exists with name <ng> and cluster name <c>`), then R5: the cluster must
    /// be ACTIVE (400 InvalidRequestException `Cluster '<c>' is not in ACTIVE status`).
    ///
    /// R5 reads the true lock, not the lagged status DescribeCluster shows: any InProgress cluster
    /// update, or a hidden platform update, refuses the creation even while DescribeCluster still says
    /// ACTIVE. [U] A document without a version gets the cluster's, with the creation's provenance.
    func createNodegroup(_ r: CreateNodegroupRequest, caller: Actor) throws(EKSError) -> NodegroupDescription {
        let path = EKSView.nodegroupPath(r.nodegroupName)
        var request = ["clusterName": r.clusterName, "nodegroupName": r.nodegroupName]
        for (key, entry) in r.document.entries { request[key] = RequestText.entry(entry) }
        request.add("clientRequestToken", r.clientRequestToken)
        return try perform("CreateNodegroup", caller: caller, request: request, fields: [path]) { view throws(EKSError) in
            try view.requireCluster(r.clusterName)
            guard let creation = r.document[path], creation.value == .container, !r.nodegroupName.isEmpty,
                  !r.nodegroupName.contains("."),
                  r.document.entries.keys.allSatisfy({ FieldPath(unchecked: $0).isWithin(path) })
            else { throw .invalidValue("nodegroup") }
            let doc = r.document
            let min = doc.int(path.appending("minSize")), max = doc.int(path.appending("maxSize"))
            let desired = doc.int(path.appending("desiredSize"))
            for (field, value, floor) in [("minSize", min, 0), ("maxSize", max, 1), ("desiredSize", desired, 0)] {
                if let value, value < floor { throw .sizeBelowFloor(field, value: value, floor: floor) }
            }
            if let min, let desired, min > desired { throw .minAboveDesired(min: min, desired: desired) }
            if let desired, let max, desired > max { throw .desiredAboveMax(desired: desired, max: max) }
            let clusterVersion = view.kubernetesVersion
            if let version = doc[path.appending("version")], version.value?.stringValue != clusterVersion {
                throw .createVersionMismatch(cluster: clusterVersion)
            }
            if view.nodegroupExists(r.nodegroupName) { throw .nodegroupExists(r.nodegroupName, cluster: view.aws.name) }
            if view.clusterLock != nil { throw .clusterNotActive(view.aws.name) }

            var entries = doc.entries
            if entries[path.appending("version").raw] == nil {
                entries[path.appending("version").raw] = Entry(.string(clusterVersion), origin: creation.origin, readAt: creation.readAt)
            }
            if view.aws.visible["nodeGroups"] == nil {
                entries["nodeGroups"] = Entry(.container, origin: creation.origin, readAt: creation.readAt)
            }
            let event = ClusterEvent.awsResourcesChanged(ResourcesChanged(
                change: SubtreeChange(replaced: [path], entries: entries), nodegroupStatus: [r.nodegroupName: .creating],
                requestedBy: caller, action: "CreateNodegroup"))
            let stored = SpecDocument(entries: entries.filter { FieldPath(unchecked: $0.key).isWithin(path) })
            let description = NodegroupDescription(name: r.nodegroupName, arn: view.arns.nodegroupArn(r.nodegroupName),
                                                   status: .creating, document: stored)
            return Accepted(response: description, summary: "nodegroup \(r.nodegroupName) CREATING", events: [event],
                            timers: [.init(kind: .awsNodegroupDone(r.nodegroupName), delay: parameters.nodegroupCreate, source: .nodegroupCreate)])
        }
    }

    /// DeleteNodegroup (aws-eks-model §4): the node group goes DELETING at once and, after
    /// `nodegroupDelete`, is replaced by a tombstone at `nodeGroups.NAME` carrying `removal`'s
    /// provenance (404 afterwards). A node group that is creating, updating or already deleting is
    /// 409 ResourceInUseException ([U]: the reference only says the error is modeled).
    func deleteNodegroup(clusterName: String, nodegroupName: String, removal: Entry, caller: Actor) throws(EKSError) -> NodegroupDescription {
        let path = EKSView.nodegroupPath(nodegroupName)
        var request = ["clusterName": clusterName, "nodegroupName": nodegroupName]
        request.add("removal", RequestText.entry(removal))
        return try perform("DeleteNodegroup", caller: caller, request: request, fields: [path]) { view throws(EKSError) in
            try view.requireCluster(clusterName)
            try view.requireNodegroup(nodegroupName)
            switch view.nodegroupStatus(nodegroupName) {
            case .creating, .updating, .deleting: throw .nodegroupNotDeletable
            default: break
            }
            let tombstone = Entry(nil, origin: removal.origin, readAt: removal.readAt)
            let event = ClusterEvent.awsResourcesChanged(ResourcesChanged(
                change: SubtreeChange(), nodegroupStatus: [nodegroupName: .deleting], requestedBy: caller,
                action: "DeleteNodegroup", deletionsRequested: [nodegroupName: tombstone]))
            let description = NodegroupDescription(
                name: nodegroupName, arn: view.arns.nodegroupArn(nodegroupName), status: .deleting,
                document: Self.read(view.described.subtree(path), at: view.now))
            return Accepted(response: description, summary: "nodegroup \(nodegroupName) DELETING", events: [event],
                            timers: [.init(kind: .awsNodegroupDone(nodegroupName), delay: parameters.nodegroupDelete, source: .nodegroupDelete)])
        }
    }

    /// DeleteCluster (aws-eks-model §4): 409 `Cluster has nodegroups attached` while any node group
    /// exists (R9), 409 with R1's message (`Cannot delete because ...`) while an update holds the lock
    /// ([U]). The cluster then disappears at once: every value is removed and later calls answer 404.
    /// [U] No DELETING phase is modeled.
    func deleteCluster(name: String, caller: Actor) throws(EKSError) {
        let fields = context.state.aws.visible.topLevelKeys.map(FieldPath.init(unchecked:))
        try perform("DeleteCluster", caller: caller, request: ["name": name], fields: fields) { view throws(EKSError) in
            try view.requireCluster(name)
            if !view.nodegroupNames.isEmpty { throw .clusterHasNodegroups }
            if let lock = view.clusterLock {
                throw .clusterUpdateInProgress(rejected: "delete", cluster: view.aws.name, lock: lock)
            }
            let keys = Set(view.aws.visible.entries.keys.map { FieldPath(unchecked: $0).topLevel })
            let event = ClusterEvent.awsResourcesChanged(ResourcesChanged(
                change: SubtreeChange(replaced: keys.sorted().map(FieldPath.init(unchecked:))), requestedBy: caller,
                action: "DeleteCluster"))
            return Accepted(response: (), summary: "cluster \(name) deleted", events: [event])
        }
    }
}
