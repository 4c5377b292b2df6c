import ClusterStateMachine
import SyncEngine

/// A person changing the cluster in the EKS console (or CLI, Terraform): the AWS calls the console
/// makes for a change, each of which AWS may refuse (aws-eks-model §8).
///
/// One UpdateClusterVersion for the version, one UpdateClusterConfig per update type (endpoint
/// access, logging), TagResource/UntagResource for tags, and per node group CreateNodegroup,
/// DeleteNodegroup, UpdateNodegroupConfig (scaling and labels together), UpdateNodegroupVersion and
/// its tag calls. The write's basis is what DescribeCluster showed.
struct ConsolePerson {
    let step: Int
    let clusterName: String

    func edit(set: [(FieldPath, WriteValue)], unset: [FieldPath], in sim: SimulationContext, aws: any EKSAPI) {
        let shown = sim.state.aws.visible
        let basis = shown.origins.sorted()
        var ids: [FieldPath: WriteID] = [:]
        for (path, value) in set { ids[path] = mint(path, value, basis: basis, in: sim) }
        for path in unset { ids[path] = mint(path, nil, basis: basis, in: sim) }
        ConsoleCalls(sim: sim, aws: aws, clusterName: clusterName, ids: ids, shown: shown, now: sim.now)
            .make(set: set, unset: unset)
    }

    private func mint(_ path: FieldPath, _ value: WriteValue?, basis: [WriteID], in sim: SimulationContext) -> WriteID {
        let id = sim.state.nextWriteID
        sim.emit(.writeMade(Write(id: id, actor: .console, step: step, path: path, value: value, at: sim.now, basis: basis)), by: .console)
        return id
    }
}

/// The calls of one console step, each carrying the provenance of the writes it applies.
private struct ConsoleCalls {
    let sim: SimulationContext
    let aws: any EKSAPI
    let clusterName: String
    let ids: [FieldPath: WriteID]
    let shown: SpecDocument
    let now: SimTime

    func entry(_ path: FieldPath, _ value: FieldValue?) -> Entry { Entry(value, origin: ids[path]!, readAt: now) }

    /// Makes one call; a refusal is recorded against the writes it carried.
    func call(_ operation: String, _ paths: [FieldPath], _ body: () throws(EKSError) -> Void) {
        do { try body() } catch {
            sim.emit(.writeRefused(WriteRefused(writes: paths.compactMap { ids[$0] }.sorted(), operation: operation,
                                                error: error.description)), by: .console)
        }
    }

    func make(set: [(FieldPath, WriteValue)], unset: [FieldPath]) {
        let values = Dictionary(set, uniquingKeysWith: { a, _ in a })

        if let v = values["kubernetesVersion"], case .leaf(let value) = v {
            call("UpdateClusterVersion", ["kubernetesVersion"]) { () throws(EKSError) in
                _ = try aws.updateClusterVersion(name: clusterName, version: entry("kubernetesVersion", value), clientRequestToken: nil)
            }
        }
        let endpoint: [FieldPath] = ["publicAccess", "privateAccess", "publicAccessSources"]
        if endpoint.contains(where: { values[$0] != nil }) {
            var request = UpdateClusterConfigRequest(name: clusterName)
            if values["publicAccess"] != nil || values["privateAccess"] != nil {
                // The console's networking page sends both endpoint switches together.
                request.endpointPublicAccess = leafEntry("publicAccess", values) ?? shown[FieldPath("publicAccess")]
                request.endpointPrivateAccess = leafEntry("privateAccess", values) ?? shown[FieldPath("privateAccess")]
            }
            request.publicAccessCidrs = leafEntry("publicAccessSources", values)
            call("UpdateClusterConfig", endpoint) { () throws(EKSError) in _ = try aws.updateClusterConfig(request) }
        }
        if let v = values["loggingTypes"], case .leaf(.strings(let wanted)) = v {
            let current = Set(shown.strings("loggingTypes") ?? [])
            let request = UpdateClusterConfigRequest(name: clusterName, logging: LoggingRequest(
                enable: Set(wanted).subtracting(current).sorted(), disable: current.subtracting(wanted).sorted(),
                origin: entry("loggingTypes", .strings(Set(wanted).sorted()))))
            call("UpdateClusterConfig", ["loggingTypes"]) { () throws(EKSError) in _ = try aws.updateClusterConfig(request) }
        }
        tagCalls(base: "tags", arn: sim.state.aws.arn, set: set, unset: unset)
        for name in Set((set.map(\.0) + unset).compactMap(\.nodeGroupName)).sorted() {
            nodeGroupCalls(name, set: set, unset: unset)
        }
    }

    private func leafEntry(_ path: FieldPath, _ values: [FieldPath: WriteValue]) -> Entry? {
        guard case .leaf(let v)? = values[path] else { return nil }
        return entry(path, v)
    }

    private func nodeGroupCalls(_ name: String, set: [(FieldPath, WriteValue)], unset: [FieldPath]) {
        let base = FieldPath(unchecked: "nodeGroups.\(name)")
        if let (path, value) = set.first(where: { $0.0 == base }) {
            let id = entry(path, nil).origin
            var doc = SpecDocument()
            doc.replaceSubtree(base, with: value.entries(at: base, origin: id, readAt: entry(path, nil).readAt))
            call("CreateNodegroup", [base]) { () throws(EKSError) in
                _ = try aws.createNodegroup(CreateNodegroupRequest(clusterName: clusterName, nodegroupName: name, document: doc))
            }
            return
        }
        if unset.contains(base) {
            call("DeleteNodegroup", [base]) { () throws(EKSError) in
                _ = try aws.deleteNodegroup(clusterName: clusterName, nodegroupName: name, removal: entry(base, nil))
            }
            return
        }
        var config = UpdateNodegroupConfigRequest(clusterName: clusterName, nodegroupName: name)
        var configPaths: [FieldPath] = []
        for (path, value) in set where path.isWithin(base) {
            let field = String(path.raw.dropFirst(base.raw.count + 1))
            switch (field, value) {
            case ("desiredSize", .leaf(let v)): config.desiredSize = entry(path, v); configPaths.append(path)
            case ("minSize", .leaf(let v)): config.minSize = entry(path, v); configPaths.append(path)
            case ("maxSize", .leaf(let v)): config.maxSize = entry(path, v); configPaths.append(path)
            case ("version", .leaf(let v)):
                call("UpdateNodegroupVersion", [path]) { () throws(EKSError) in
                    _ = try aws.updateNodegroupVersion(clusterName: clusterName, nodegroupName: name, version: entry(path, v), clientRequestToken: nil)
                }
            case ("labels", .map(let labels)):
                let current = shown.map(base.appending("labels")) ?? [:]
                for (k, v) in labels { if case .leaf(let fv) = v { config.addOrUpdateLabels[k] = entry(path, fv) } }
                config.removeLabels = current.keys.filter { labels[$0] == nil }.sorted()
                config.labelRemoval = entry(path, nil)
                configPaths.append(path)
            case (_, .leaf(let v)) where field.hasPrefix("labels."):
                config.addOrUpdateLabels[String(field.dropFirst(7))] = entry(path, v)
                configPaths.append(path)
            default: break
            }
        }
        for path in unset where path.isWithin(base.appending("labels")) && path != base.appending("labels") {
            config.removeLabels.append(String(path.raw.dropFirst(base.raw.count + 8)))
            config.labelRemoval = entry(path, nil)
            configPaths.append(path)
        }
        if !configPaths.isEmpty {
            call("UpdateNodegroupConfig", configPaths) { () throws(EKSError) in _ = try aws.updateNodegroupConfig(config) }
        }
        let tagBase = base.appending("tags")
        if (set.map(\.0) + unset).contains(where: { $0.isWithin(tagBase) }) {
            call("DescribeNodegroup", []) { () throws(EKSError) in
                let arn = try aws.describeNodegroup(clusterName: clusterName, nodegroupName: name).arn
                tagCalls(base: tagBase, arn: arn, set: set, unset: unset)
            }
        }
    }

    /// TagResource for new or changed keys, UntagResource for removed ones, on one resource.
    private func tagCalls(base: FieldPath, arn: String, set: [(FieldPath, WriteValue)], unset: [FieldPath]) {
        var add: [String: Entry] = [:], addPaths: [FieldPath] = []
        // Removals grouped by the write that asked for them, so each tombstone keeps its own origin.
        var removals: [(keys: [String], removal: Entry, path: FieldPath)] = []
        for (path, value) in set where path.isWithin(base) {
            if path == base, case .map(let all) = value {
                for (k, v) in all { if case .leaf(let fv) = v { add[k] = entry(path, fv) } }
                let gone = (shown.map(base) ?? [:]).keys.filter { all[$0] == nil }.sorted()
                if !gone.isEmpty { removals.append((gone, entry(path, nil), path)) }
                addPaths.append(path)
            } else if case .leaf(let fv) = value {
                add[String(path.raw.dropFirst(base.raw.count + 1))] = entry(path, fv)
                addPaths.append(path)
            }
        }
        for path in unset where path.isWithin(base) && path != base {
            removals.append(([String(path.raw.dropFirst(base.raw.count + 1))], entry(path, nil), path))
        }
        if !add.isEmpty {
            call("TagResource", addPaths) { () throws(EKSError) in try aws.tagResource(resourceArn: arn, tags: add) }
        }
        for (keys, removal, path) in removals {
            call("UntagResource", [path]) { () throws(EKSError) in try aws.untagResource(resourceArn: arn, tagKeys: keys, removal: removal) }
        }
    }
}
