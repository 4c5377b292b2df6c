import ClusterStateMachine
import SyncEngine

extension ModeledEKS {
    /// UpdateNodegroupConfig (aws-eks-model §4): labels and scaling in one ConfigUpdate scoped to the
    /// node group, which goes UPDATING until it ends. Order: not found, request validation (something
    /// to change; sizes within their floors; min ≤ desired ≤ max on the resulting sizes), then R4.
    /// A request that changes nothing is accepted (§9.3, [U]).
    ///
    /// The request type cannot tell an absent scaling object from an empty one, so a request with no
    /// labels and no sizes stands for the empty `scalingConfig` the console would send:
    /// `Either all or at least one of minSize, maxSize, desiredSize must be provided`.
    func updateNodegroupConfig(_ r: UpdateNodegroupConfigRequest, caller: Actor) throws(EKSError) -> UpdateDescription {
        let base = EKSView.nodegroupPath(r.nodegroupName)
        var request = ["clusterName": r.clusterName, "nodegroupName": r.nodegroupName]
        for key in r.addOrUpdateLabels.keys.sorted() { request["labels.addOrUpdate.\(key)"] = RequestText.entry(r.addOrUpdateLabels[key]) }
        if !r.removeLabels.isEmpty { request["labels.remove"] = RequestText.list(r.removeLabels) }
        request.add("labels.removal", RequestText.entry(r.labelRemoval))
        request.add("minSize", RequestText.entry(r.minSize))
        request.add("maxSize", RequestText.entry(r.maxSize))
        request.add("desiredSize", RequestText.entry(r.desiredSize))
        if r.scalingConfigSent && r.minSize == nil && r.maxSize == nil && r.desiredSize == nil { request["scalingConfig"] = "{}" }
        request.add("clientRequestToken", r.clientRequestToken)
        var fields: [FieldPath] = []
        for key in Set(r.addOrUpdateLabels.keys).union(r.removeLabels) { fields.append(base.appending("labels").appending(key)) }
        if r.minSize != nil { fields.append(base.appending("minSize")) }
        if r.maxSize != nil { fields.append(base.appending("maxSize")) }
        if r.desiredSize != nil { fields.append(base.appending("desiredSize")) }

        return try perform("UpdateNodegroupConfig", caller: caller, request: request, fields: fields) { view throws(EKSError) in
            try view.requireCluster(r.clusterName)
            try view.requireNodegroup(r.nodegroupName)
            if let original = replay(view, token: r.clientRequestToken, action: "UpdateNodegroupConfig", nodegroup: r.nodegroupName) {
                return original
            }
            let noSize = r.minSize == nil && r.maxSize == nil && r.desiredSize == nil
            if noSize && (r.scalingConfigSent || (r.addOrUpdateLabels.isEmpty && r.removeLabels.isEmpty)) {
                throw .emptyScaling
            }
            func size(_ entry: Entry?, _ field: String) throws(EKSError) -> Int? {
                guard let entry else { return nil }
                guard let n = entry.value?.intValue else { throw .invalidValue("scalingConfig.\(field)") }
                return n
            }
            let sentMin = try size(r.minSize, "minSize")
            let sentMax = try size(r.maxSize, "maxSize")
            let sentDesired = try size(r.desiredSize, "desiredSize")
            for (field, value, floor) in [("minSize", sentMin, 0), ("maxSize", sentMax, 1), ("desiredSize", sentDesired, 0)] {
                if let value, value < floor { throw .sizeBelowFloor(field, value: value, floor: floor) }
            }
            for key in r.addOrUpdateLabels.keys.sorted() where r.addOrUpdateLabels[key]?.value?.stringValue == nil {
                throw .invalidValue("labels.addOrUpdateLabels.\(key)")
            }
            let ng = r.nodegroupName
            if let min = sentMin ?? view.nodegroupInt(ng, "minSize"), let desired = sentDesired ?? view.nodegroupInt(ng, "desiredSize"),
               min > desired {
                throw .minAboveDesired(min: min, desired: desired)
            }
            if let desired = sentDesired ?? view.nodegroupInt(ng, "desiredSize"), let max = sentMax ?? view.nodegroupInt(ng, "maxSize"),
               desired > max {
                throw .desiredAboveMax(desired: desired, max: max)
            }
            try requireNodegroupUpdatable(view, ng, rejected: .configUpdate)

            var entries: [String: Entry] = [:]
            var params: [AWSUpdate.Param] = []
            let labels = base.appending("labels")
            if !r.addOrUpdateLabels.isEmpty {
                let keys = r.addOrUpdateLabels.keys.sorted()
                for key in keys { entries[labels.appending(key).raw] = r.addOrUpdateLabels[key] }
                if view.aws.visible[labels] == nil, let first = r.addOrUpdateLabels[keys[0]] {
                    entries[labels.raw] = Entry(.container, origin: first.origin, readAt: first.readAt)
                }
                params.append(.init(type: "LabelsToAdd", value: JSONValue.object(keys.map {
                    ($0, .string(r.addOrUpdateLabels[$0]?.value?.stringValue ?? ""))
                }).description))
            }
            if !r.removeLabels.isEmpty {
                // A removal without provenance would be a caller bug; it falls back to `initial`.
                let removal = r.labelRemoval ?? Entry(nil, origin: .initial, readAt: view.now)
                for key in r.removeLabels where r.addOrUpdateLabels[key] == nil {
                    entries[labels.appending(key).raw] = Entry(nil, origin: removal.origin, readAt: removal.readAt)
                }
                params.append(.init(type: "LabelsToRemove", value: JSONValue.array(r.removeLabels.map(JSONValue.string)).description))
            }
            for (field, entry, value) in [("minSize", r.minSize, sentMin), ("maxSize", r.maxSize, sentMax),
                                          ("desiredSize", r.desiredSize, sentDesired)] {
                guard let entry, let value else { continue }
                entries[base.appending(field).raw] = entry
                params.append(.init(type: String(field.prefix(1).uppercased() + field.dropFirst()), value: "\(value)"))
            }
            return acceptUpdate(view, type: .configUpdate, nodegroup: ng, params: params,
                                change: SubtreeChange(entries: entries), caller: caller,
                                action: "UpdateNodegroupConfig", token: r.clientRequestToken)
        }
    }

    /// UpdateNodegroupVersion (aws-eks-model §4): a node group VersionUpdate with params `Version`
    /// and `ReleaseVersion`. R7: the target is the cluster's version or the node group's own (an AMI
    /// refresh), else 400 `Nodegroup Kubernetes version should be equal to Cluster kubernetes version
    /// X or NodeGroup kubernetes version Y` (this also refuses downgrades and targets above the
    /// cluster); an upgrade goes one minor at a time ([U] text). Then R4.
    func updateNodegroupVersion(clusterName: String, nodegroupName: String, version: Entry, clientRequestToken: String?,
                                caller: Actor) throws(EKSError) -> UpdateDescription {
        let path = EKSView.nodegroupPath(nodegroupName).appending("version")
        var request = ["clusterName": clusterName, "nodegroupName": nodegroupName]
        request.add("version", RequestText.entry(version))
        request.add("clientRequestToken", clientRequestToken)
        return try perform("UpdateNodegroupVersion", caller: caller, request: request, fields: [path]) { view throws(EKSError) in
            try view.requireCluster(clusterName)
            try view.requireNodegroup(nodegroupName)
            if let original = replay(view, token: clientRequestToken, action: "UpdateNodegroupVersion", nodegroup: nodegroupName) {
                return original
            }
            guard let text = version.value?.stringValue, let target = KubernetesVersion(text) else {
                throw .unsupportedVersion
            }
            let clusterText = view.kubernetesVersion
            let ngText = view.nodegroupVersion(nodegroupName)
            let cluster = KubernetesVersion(clusterText)
            let current = KubernetesVersion(ngText)
            guard target == cluster || target == current else {
                throw .nodegroupVersionMismatch(cluster: clusterText, nodegroup: ngText)
            }
            if let current, target != current, !current.isNextMinor(target) {
                throw .nodegroupMinorSkip(from: ngText, to: text)
            }
            try requireNodegroupUpdatable(view, nodegroupName, rejected: .versionUpdate)

            // The AMI release is a fixed, made-up build of the target version. [U]
            let params = [AWSUpdate.Param(type: "Version", value: text),
                          AWSUpdate.Param(type: "ReleaseVersion", value: "\(text).0-20240415")]
            return acceptUpdate(view, type: .versionUpdate, nodegroup: nodegroupName, params: params,
                                change: SubtreeChange(entries: [path.raw: version]), caller: caller,
                                action: "UpdateNodegroupVersion", token: clientRequestToken)
        }
    }
}
