import ClusterStateMachine

/// A cluster-level step of the ladder.
enum ClusterStep: Hashable {
    case version, access, publicAccessSources, tags, logging
}

extension OperatorPass {
    /// The cluster-level steps of `updateUpstreamClusterState` (reference §2.5, steps 1–5) in the
    /// profile's order. True when a step ended the pass through `enqueueUpdate`.
    ///
    /// Every value sent is the EKSClusterConfig spec's own `Entry`: origin and `readAt` pass through.
    mutating func updateClusterLadder(upstream: SpecDocument, clusterARN: String) throws(OperatorFailure) -> Bool {
        for (step, endsPass) in Self.clusterSteps(profile.ladder, tagsStepEndsPass: profile.has(.tagsStepEndsPass)) {
            let updated: Bool
            switch step {
            case .version: updated = try updateVersion(upstream)
            case .access: updated = try updateAccess(upstream)
            case .publicAccessSources: updated = try updatePublicAccessSources(upstream)
            case .tags: updated = try updateClusterTags(upstream, arn: clusterARN)
            case .logging: updated = try updateLogging(upstream)
            }
            if updated && endsPass {
                enqueueUpdate()
                return true
            }
        }
        return false
    }

    /// The cluster-level steps in a ladder's order, and whether a step that sent something ends
    /// the pass.
    static func clusterSteps(_ ladder: Profile.Ladder, tagsStepEndsPass: Bool) -> [(ClusterStep, endsPass: Bool)] {
        switch ladder {
        case .v2024:
            // 2024-09 on (commit 3f8c2f11, eks-operator#752): version, access, sources, tags,
            // logging; each step that sends something ends the pass.
            [(.version, true), (.access, true), (.publicAccessSources, true), (.tags, true), (.logging, true)]
        case .v1:
            // eks-operator before v1.9.3: version (returns), tags, then logging, access and sources
            // (each returns). Before v1.2.2 (a41ba647) the tags step does NOT return, so a tags edit
            // reaches the access step in the same pass (reference §2.5 "Order history", §5 Race A
            // step 4.6).
            [(.version, true), (.tags, tagsStepEndsPass), (.logging, true), (.access, true), (.publicAccessSources, true)]
        }
    }

    /// Step 1: `UpdateClusterVersion` when the spec version is greater (semver-tolerant) and the
    /// strings differ. A downgrade is never sent: spec < upstream is silently ignored.
    ///
    /// Before eks-operator v1.9.0 (88abdfcd) the version is sent whenever the strings differ, so a
    /// stale spec after a console upgrade sends a downgrade; AWS answers 400 and the pass fails
    /// here, before every later step, on every retry (reference versions.md §3.4, §6.4).
    func updateVersion(_ upstream: SpecDocument) throws(OperatorFailure) -> Bool {
        guard let entry = spec.live("kubernetesVersion"), let wanted = entry.value?.stringValue,
              let current = upstream.string("kubernetesVersion") else { return false }
        if profile.has(.downgradesSent) {
            guard wanted != current else { return false }
            return try mutate("UpdateClusterVersion") { () throws(EKSError) in
                _ = try aws.updateClusterVersion(name: clusterName, version: entry, clientRequestToken: nil)
            }
        }
        guard let wantedVersion = Semver(tolerant: wanted) else {
            throw OperatorFailure(message: "couldn't parse config version: Invalid character(s) found in \"\(wanted)\"")
        }
        guard let currentVersion = Semver(tolerant: current) else {
            throw OperatorFailure(message: "couldn't parse upstream version: Invalid character(s) found in \"\(current)\"")
        }
        guard wantedVersion > currentVersion, wanted != current else { return false }
        return try mutate("UpdateClusterVersion", context: "error updating cluster version: error updating cluster [\(clusterName)] kubernetes version") { () throws(EKSError) in
            _ = try aws.updateClusterVersion(name: clusterName, version: entry, clientRequestToken: nil)
        }
    }

    /// Step 2: one `UpdateClusterConfig` carrying both endpoint booleans (a nil one is omitted and
    /// AWS keeps its value), sent when a non-nil one differs (`aws.ToBool(upstream) != spec`).
    func updateAccess(_ upstream: SpecDocument) throws(OperatorFailure) -> Bool {
        let publicAccess = spec.live("publicAccess")
        let privateAccess = spec.live("privateAccess")
        func differs(_ entry: Entry?, _ key: FieldPath) -> Bool {
            guard let wanted = entry?.value?.boolValue else { return false }
            return (upstream.bool(key) ?? false) != wanted
        }
        guard differs(publicAccess, "publicAccess") || differs(privateAccess, "privateAccess") else { return false }
        let request = UpdateClusterConfigRequest(name: clusterName, endpointPublicAccess: publicAccess,
                                                 endpointPrivateAccess: privateAccess)
        return try mutate("UpdateClusterConfig", context: "error updating cluster access config: error updating cluster [\(clusterName)] public/private access") { () throws(EKSError) in
            _ = try aws.updateClusterConfig(request)
        }
    }

    /// Step 3: public access CIDRs, compared as normalized sets; an empty spec sends the default.
    func updatePublicAccessSources(_ upstream: SpecDocument) throws(OperatorFailure) -> Bool {
        guard let entry = spec.live("publicAccessSources"), let wanted = entry.value?.stringsValue else { return false }
        let ipv6 = (spec.string("ipFamily") ?? upstream.string("ipFamily"))?.lowercased() == "ipv6"
        let current = upstream.strings("publicAccessSources") ?? []
        guard !SpecDiff.sameElements(SpecDiff.filterPublicAccessSources(wanted, ipv6: ipv6),
                                     SpecDiff.filterPublicAccessSources(current, ipv6: ipv6)) else { return false }
        let cidrs = wanted.isEmpty ? SpecDiff.defaultPublicAccessSources(ipv6: ipv6) : wanted
        let request = UpdateClusterConfigRequest(
            name: clusterName, publicAccessCidrs: Entry(.strings(cidrs), origin: entry.origin, readAt: entry.readAt))
        return try mutate("UpdateClusterConfig", context: "error updating cluster public access sources: error updating cluster [\(clusterName)] public access sources") { () throws(EKSError) in
            _ = try aws.updateClusterConfig(request)
        }
    }

    /// Step 4: the cluster's tags, when the spec manages them.
    func updateClusterTags(_ upstream: SpecDocument, arn: String) throws(OperatorFailure) -> Bool {
        guard spec.map("tags") != nil else { return false }
        return try updateResourceTags("tags", upstream: upstream, arn: arn, context: "error updating cluster tags",
                                      swallowsResourceInUse: true, untagFirst: false)
    }

    /// `UpdateResourceTags`: `TagResource` with the keys to add or change and `UntagResource` with
    /// the keys to delete, both in one step (tags first; node-group tags before eks-operator v1.2.2
    /// untag first). True if either ran.
    ///
    /// Before v1.0.10 the keys to delete include those whose value changed (`tags[key] != val`,
    /// utils/map.go v1.0.1:36): a cluster tag edited in Rancher is tagged, then untagged at once.
    /// That removal carries the provenance of the upstream value it read, not the edit's.
    func updateResourceTags(_ container: FieldPath, upstream: SpecDocument, arn: String, context: String,
                            swallowsResourceInUse: Bool, untagFirst: Bool) throws(OperatorFailure) -> Bool {
        let wanted = spec.map(container) ?? [:]
        let current = upstream.map(container) ?? [:]
        var updated = false
        func tag() throws(OperatorFailure) -> Bool {
            guard let keys = SpecDiff.keyValuesToUpdate(wanted, current) else { return true }
            var tags: [String: Entry] = [:]
            for key in keys { tags[key] = spec[container.appending(key)] }
            let sent = try send("TagResource", context: "\(context): error tagging cluster [\(clusterName)]",
                                swallowsResourceInUse: swallowsResourceInUse) { () throws(EKSError) in
                try aws.tagResource(resourceArn: arn, tags: tags)
            }
            updated = updated || sent
            return sent
        }
        func untag() throws(OperatorFailure) -> Bool {
            let changedDeleted = profile.has(.tagDiffDeletesChangedKeys)
            guard let keys = changedDeleted ? SpecDiff.keysToDeleteOrChange(wanted, current)
                                            : SpecDiff.keysToDelete(wanted, current) else { return true }
            let missing = keys.filter { wanted[$0] == nil }
            let removal = missing.isEmpty
                ? SpecDiff.removal(in: upstream, container: container, keys: keys)
                : SpecDiff.removal(in: spec, container: container, keys: missing)
            let sent = try send("UntagResource", context: "\(context): error untagging cluster [\(clusterName)]",
                                swallowsResourceInUse: swallowsResourceInUse) { () throws(EKSError) in
                try aws.untagResource(resourceArn: arn, tagKeys: keys, removal: removal)
            }
            updated = updated || sent
            return sent
        }
        if untagFirst {
            guard try untag() else { return false }
            guard try tag() else { return false }
        } else {
            guard try tag() else { return false }
            guard try untag() else { return false }
        }
        return updated
    }

    /// Step 5: one `UpdateClusterConfig` with a disable entry (upstream − spec) and an enable entry
    /// (spec − upstream). An empty spec list disables everything.
    func updateLogging(_ upstream: SpecDocument) throws(OperatorFailure) -> Bool {
        guard let entry = spec.live("loggingTypes"), let wanted = entry.value?.stringsValue,
              let diff = SpecDiff.loggingUpdate(spec: wanted, upstream: upstream.strings("loggingTypes") ?? [])
        else { return false }
        let request = UpdateClusterConfigRequest(
            name: clusterName, logging: LoggingRequest(enable: diff.enable, disable: diff.disable, origin: entry))
        return try mutate("UpdateClusterConfig", context: "error updating logging types: error updating cluster [\(clusterName)] logging types") { () throws(EKSError) in
            _ = try aws.updateClusterConfig(request)
        }
    }

    /// `mutate` where the Go call site swallows ResourceInUse, `call` where it does not.
    func send(_ operation: String, context: String?, swallowsResourceInUse: Bool,
              _ body: () throws(EKSError) -> Void) throws(OperatorFailure) -> Bool {
        if swallowsResourceInUse { return try mutate(operation, context: context, body) }
        try call(operation, context: context, body)
        return true
    }
}
