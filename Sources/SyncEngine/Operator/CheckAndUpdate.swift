import ClusterStateMachine

extension OperatorPass {
    /// `checkAndUpdate` for phases `active` and `updating`, in the exact order of reference §2.4.
    mutating func checkAndUpdate() throws(OperatorFailure) {
        // 1. validateUpdate: a failing spec is "a failing update until resolved".
        if let problem = Self.validateUpdate(spec, clusterName: clusterName,
                                             oneMinorSkew: profile.has(.nodeGroupSkewOneMinor)) {
            setPhase(.updating)
            throw OperatorFailure(message: problem)
        }

        // 2. DescribeCluster.
        let cluster = try call("DescribeCluster") { () throws(EKSError) in try aws.describeCluster(name: clusterName) }

        // 3. The cluster is UPDATING: wait (set `updating` and return, or poll in 30 s).
        if cluster.status == .updating {
            waitForUpdates()
            return
        }

        // 4. The ListUpdates/DescribeUpdate InProgress gate (PR #1166, eks-operator v1.10.3+).
        if profile.has(.listUpdatesGate), try clusterUpdateInProgress() {
            waitForUpdates()
            return
        }

        // 5. Node groups: any UPDATING, DELETING or CREATING group means wait.
        let names = try call("ListNodegroups") { () throws(EKSError) in try aws.listNodegroups(clusterName: clusterName) }
        var groups: [NodegroupDescription] = []
        for name in names {
            let group = try call("DescribeNodegroup") { () throws(EKSError) in
                try aws.describeNodegroup(clusterName: clusterName, nodegroupName: name)
            }
            if group.status == .updating || group.status == .deleting || group.status == .creating {
                if status.phase != .updating { setPhase(.updating) }
                enqueueAfter(timings.operatorPoll)
                return
            }
            groups.append(group)
        }

        // 6. Launch-template version clean-up: launch templates are not modeled.
        // 7. BuildUpstreamClusterState. From eks-operator v1.9.1 it checks the EBS CSI add-on
        // (CheckEBSAddon, the refresher's read calls the same function): "not found" means no
        // add-on; any other error fails the pass (versions.md §1.1, real-inputs.md §2).
        if profile.has(.describeAddonInRefresh) {
            do {
                _ = try aws.describeAddon(clusterName: clusterName, addonName: "aws-ebs-csi-driver")
            } catch where error.code == "ResourceNotFoundException" {
            } catch {
                throw failure(error, operation: "DescribeAddon", context: nil)
            }
        }
        let upstream = UpstreamState.build(cluster: cluster, nodegroups: groups, readAt: now,
                                           versionWhileUpdating: !profile.has(.upstreamVersionDroppedWhileUpdating))
        applyPolicy(upstream: upstream)

        // 8. updateUpstreamClusterState: the ladder.
        if try updateClusterLadder(upstream: upstream, clusterARN: cluster.arn) { return }
        try updateNodeGroups(upstream: upstream, order: groups.map(\.name),
                             arns: Dictionary(groups.map { ($0.name, $0.arn) }) { first, _ in first },
                             rancherTemplate: Set(groups.filter(\.onRancherLaunchTemplate).map(\.name)))
    }

    /// `GetClusterUpdates`: ListUpdates (cluster-level only), then DescribeUpdate for every id not
    /// yet in `completedUpdateIDs`. Successful, Failed and Cancelled updates count as completed.
    ///
    /// The Go code appends the new ids to the **cached** object in place, without DeepCopy
    /// (reference §2.4 step 4): they are persisted only if a later `UpdateStatus` in the same pass
    /// copies the object (the wait below, `enqueueUpdate`, "set active", `recordError`); otherwise
    /// the next pass describes them again. Here the ids go into the pass's working status, which
    /// only a status write persists. (The real informer cache also keeps the in-place edit until
    /// the object is next replaced; that only saves DescribeUpdate calls and is not modeled.)
    mutating func clusterUpdateInProgress() throws(OperatorFailure) -> Bool {
        let ids = try call("ListUpdates") { () throws(EKSError) in try aws.listUpdates(name: clusterName, nodegroupName: nil) }
        var completed: [String] = []
        var inProgress = false
        for id in ids where !status.completedUpdateIDs.contains(id) {
            let update = try call("DescribeUpdate") { () throws(EKSError) in
                try aws.describeUpdate(name: clusterName, updateId: id, nodegroupName: nil)
            }
            if update.status == .inProgress {
                inProgress = true
            } else {
                completed.append(id)
            }
        }
        status.completedUpdateIDs += completed
        return inProgress
    }

    /// `validateUpdate`: unique node group names, and node group versions at most three minor
    /// versions behind the cluster's (blang/semver on "X.Y" + ".0"); before eks-operator v1.9.3,
    /// equal or exactly one minor behind (`clusterVersion.Minor-version.Minor == 1`, v1.0.6:402).
    static func validateUpdate(_ spec: SpecDocument, clusterName: String, oneMinorSkew: Bool = false) -> String? {
        var clusterVersion: Semver?
        if let text = spec.string("kubernetesVersion") {
            guard let parsed = Semver(strict: text + ".0") else {
                return "invalid version format for cluster [\(clusterName)]: \(text)"
            }
            clusterVersion = parsed
        }
        // Node group names are the keys of the spec document, so the uniqueness check of the Go
        // code ("node group name [x] is not unique") cannot fail in the model.
        var errors: [String] = []
        for name in spec.nodeGroupNames ?? [] {
            guard let text = spec.string(FieldPath.nodeGroup(name).appending("version")) else { continue }
            guard let version = Semver(strict: text + ".0") else {
                errors.append("invalid version format for node group [\(name)]: \(text)")
                continue
            }
            guard let cluster = clusterVersion, cluster != version else { continue }
            // `clusterVersion.Minor-version.Minor <= 3` (or `== 1`) on uint64: a node group newer
            // than the cluster underflows and fails the check too.
            if oneMinorSkew {
                if cluster.minor >= version.minor && cluster.minor - version.minor == 1 { continue }
                errors.append("versions for cluster [\(spec.string("kubernetesVersion") ?? "")] and nodegroup [\(text)] not compatible: all nodegroup kubernetes versionsmust be equal to or one minor version lower than the cluster kubernetes version")
                continue
            }
            if cluster.minor >= version.minor && cluster.minor - version.minor <= 3 { continue }
            errors.append("versions for cluster [\(spec.string("kubernetesVersion") ?? "")] and node group [\(text)] are not compatible: the node group version may only be up to three minor versions older than the cluster version")
        }
        return errors.isEmpty ? nil : errors.joined(separator: ";")
    }
}

extension FieldPath {
    /// `nodeGroups.NAME`.
    static func nodeGroup(_ name: String) -> FieldPath { FieldPath(unchecked: "nodeGroups." + name) }
}
