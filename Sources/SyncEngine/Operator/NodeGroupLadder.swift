import ClusterStateMachine

extension OperatorPass {
    /// Steps 6–10 of `updateUpstreamClusterState` (reference §2.5): node groups created and deleted
    /// in one pass, then at most one action per existing group, then "set active".
    ///
    /// Launch templates are modeled only as "on Rancher's managed template or not"
    /// (`rancherTemplate`): a `version` difference is an `UpdateNodegroupVersion` (for every group
    /// before eks-operator v1.2.2), and differences in fields that would need a new template
    /// version (instance type, disk size, ...) are not acted on. The EBS CSI add-on step (9) is not
    /// modeled.
    mutating func updateNodeGroups(upstream: SpecDocument, order: [String], arns: [String: String],
                                   rancherTemplate: Set<String> = []) throws(OperatorFailure) {
        // 6. Unmanaged node groups: the cluster is done.
        guard let wanted = spec.nodeGroupNames else {
            if status.phase != .active { setPhase(.active) }
            return
        }

        // 7. Create the groups only the spec has, delete those only AWS has: all in this pass.
        var changing = false
        for name in wanted where !order.contains(name) {
            // Set before creating, "because creating the nodegroup may not be immediate".
            if status.phase != .updating { setPhase(.updating) }
            let request = CreateNodegroupRequest(clusterName: clusterName, nodegroupName: name,
                                                 document: SpecDocument(entries: spec.subtree(.nodeGroup(name))))
            _ = try call("CreateNodegroup", context: "error creating nodegroup") { () throws(EKSError) in
                try aws.createNodegroup(request)
            }
            changing = true
        }
        for name in order where !wanted.contains(name) {
            try deleteNodeGroup(name)
            changing = true
        }
        if changing {
            // The Go code persists launch-template bookkeeping with UpdateStatus here (its watch
            // event re-triggers the reconcile); without templates that is `enqueueUpdate`.
            enqueueUpdate()
            return
        }

        // 8. Per group, in ListNodegroups order: version, else labels/scaling, else tags.
        var updateNodegroupProperties = false
        for name in order {
            let group = FieldPath.nodeGroup(name)
            // eks-operator v1.2.2+ (1ff95b0b) sends a version only to groups on Rancher's managed
            // launch template; console-created and imported groups never get one (versions.md §4.2).
            let versionAllowed = !profile.has(.nodeGroupVersionManagedTemplateOnly) || rancherTemplate.contains(name)
            if versionAllowed, let version = nodegroupVersionUpdate(name, upstream: upstream) {
                updateNodegroupProperties = true
                _ = try mutate("UpdateNodegroupVersion") { () throws(EKSError) in
                    _ = try aws.updateNodegroupVersion(clusterName: clusterName, nodegroupName: name,
                                                       version: version, clientRequestToken: nil)
                }
                continue
            }
            if let request = nodegroupConfigUpdate(name, upstream: upstream) {
                updateNodegroupProperties = true
                _ = try call("UpdateNodegroupConfig") { () throws(EKSError) in _ = try aws.updateNodegroupConfig(request) }
                continue
            }
            let tags = group.appending("tags")
            if spec.map(tags) != nil {
                // The node-group tag flag bug (reference §2.5, eks-operator v1.2.2+): the Go code
                // ASSIGNS the result (`updateNodegroupProperties, err = UpdateResourceTags(…)`)
                // instead of OR-ing it, so a later group with tags and no tag diff resets a `true`
                // set by an earlier group, and the pass can fall through to "set active" while
                // groups are changing. Before v1.2.2 the flag is only ever set, and the group's
                // tags are untagged first, then tagged (v1.0.6:1218-1240).
                let assigned = profile.has(.nodeGroupTagFlagAssigned)
                let tagged = try updateResourceTags(
                    tags, upstream: upstream, arn: arns[name] ?? "", context: "error updating cluster tags",
                    swallowsResourceInUse: false, untagFirst: !assigned)
                updateNodegroupProperties = assigned ? tagged : (updateNodegroupProperties || tagged)
            }
        }
        if updateNodegroupProperties {
            enqueueUpdate()
            return
        }

        // 10. No new updates: `active` is the operator's signal that spec == AWS.
        if status.phase != .active { setPhase(.active) }
    }

    /// `deleteNodeGroup`: DescribeNodegroup (gone: nothing to do), then DeleteNodegroup unless it is
    /// already DELETING. The removal's provenance is the spec's effective entry for the group: its
    /// tombstone, or the `nodeGroups` list it is absent from.
    mutating func deleteNodeGroup(_ name: String) throws(OperatorFailure) {
        let current: NodegroupDescription
        do {
            current = try aws.describeNodegroup(clusterName: clusterName, nodegroupName: name)
        } catch {
            if error.code == "ResourceNotFoundException" || error.code == "NotFoundException" { return }
            throw failure(error, operation: "DescribeNodegroup", context: nil)
        }
        guard current.status != .deleting else { return }
        let path = FieldPath.nodeGroup(name)
        let removal = spec.effectiveEntry(at: path) ?? spec["nodeGroups"] ?? Entry(nil, origin: .initial, readAt: 0)
        _ = try call("DeleteNodegroup") { () throws(EKSError) in
            try aws.deleteNodegroup(clusterName: clusterName, nodegroupName: name, removal: removal)
        }
    }

    /// Step 8a: the version to send when the spec's differs from upstream. An empty spec version
    /// means "the cluster's version" (and carries the cluster version's provenance).
    func nodegroupVersionUpdate(_ name: String, upstream: SpecDocument) -> Entry? {
        let path = FieldPath.nodeGroup(name).appending("version")
        guard let entry = spec.live(path) else { return nil }
        var desired = entry
        if entry.value == .string(""), let cluster = spec.live("kubernetesVersion") { desired = cluster }
        let wanted = desired.value?.stringValue ?? ""
        return (upstream.string(path) ?? "") != wanted ? desired : nil
    }

    /// `getNodegroupConfigUpdate` (TestGetNodegroupConfigUpdate): labels when the spec manages them,
    /// each non-nil scaling value (all of them are sent, any one differing triggers the call).
    ///
    /// Before eks-operator v1.0.10 (v1.0.6:1165-1216): the scaling config is always sent, holding
    /// only the sizes that differ, so a labels-only edit sends `{}` and AWS answers 400
    /// (rancher#33302); and the label additions replace the removals in the payload.
    func nodegroupConfigUpdate(_ name: String, upstream: SpecDocument) -> UpdateNodegroupConfigRequest? {
        let partial = profile.has(.partialScalingConfig)
        let group = FieldPath.nodeGroup(name)
        var request = UpdateNodegroupConfigRequest(clusterName: clusterName, nodegroupName: name)
        var send = false
        let labels = group.appending("labels")
        if let wanted = spec.map(labels) {
            let current = upstream.map(labels) ?? [:]
            let remove = SpecDiff.keysToDelete(wanted, current)
            let add = SpecDiff.keyValuesToUpdate(wanted, current)
            if remove != nil || add != nil {
                send = true
                for key in add ?? [] { request.addOrUpdateLabels[key] = spec[labels.appending(key)] }
                if let remove, !(partial && add != nil) {
                    request.removeLabels = remove
                    request.labelRemoval = SpecDiff.removal(in: spec, container: labels, keys: remove)
                }
            }
        }
        let scaling: [(String, WritableKeyPath<UpdateNodegroupConfigRequest, Entry?>)] = [
            ("desiredSize", \.desiredSize), ("minSize", \.minSize), ("maxSize", \.maxSize),
        ]
        for (field, keyPath) in scaling {
            let path = group.appending(field)
            guard let entry = spec.live(path) else { continue }
            let differs = (upstream.int(path) ?? 0) != (entry.value?.intValue ?? 0)
            if differs || !partial { request[keyPath: keyPath] = entry }
            if differs { send = true }
        }
        request.scalingConfigSent = partial || request.minSize != nil || request.maxSize != nil || request.desiredSize != nil
        return send ? request : nil
    }
}
