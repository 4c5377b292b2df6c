import ClusterStateMachine
@testable import SyncEngine
import XCTest

/// A virtual clock that stands still.
struct TestClock: SimulationClock {
    var now: SimTime = 0
    /// 2025-01-01T10:58:00Z, the start of the docs' Race A.
    var startEpochSeconds: Int64 = 1_735_729_080
}

/// A scripted EKS API for tests: answers reads from a small fixed model, records every call, and
/// fails calls as scripted. Mutations are recorded, not applied: one operator pass reads AWS once.
final class FakeEKS: EKSAPI {
    enum Call: Equatable {
        case describeCluster
        case listUpdates
        case describeUpdate(String)
        case listNodegroups
        case describeNodegroup(String)
        case updateClusterConfig(UpdateClusterConfigRequest)
        case updateClusterVersion(Entry)
        case associateEncryptionConfig
        case tagResource(arn: String, tags: [String: Entry])
        case untagResource(arn: String, keys: [String], removal: Entry)
        case createNodegroup(CreateNodegroupRequest)
        case deleteNodegroup(String, removal: Entry)
        case updateNodegroupConfig(UpdateNodegroupConfigRequest)
        case updateNodegroupVersion(String, Entry)
        case deleteCluster
        case describeAddon

        var isMutation: Bool {
            switch self {
            case .describeCluster, .listUpdates, .describeUpdate, .listNodegroups, .describeNodegroup, .describeAddon: false
            default: true
            }
        }

        /// A short name for assertions: `TagResource`, `Access`, `UpdateNodegroupConfig ng1`.
        var kind: String {
            switch self {
            case .tagResource: "TagResource"
            case .untagResource: "UntagResource"
            case .updateClusterConfig(let r): r.logging != nil ? "Logging" : r.publicAccessCidrs != nil ? "Sources" : "Access"
            case .updateClusterVersion: "Version"
            case .createNodegroup(let r): "CreateNodegroup \(r.nodegroupName)"
            case .deleteNodegroup(let name, _): "DeleteNodegroup \(name)"
            case .updateNodegroupConfig(let r): "UpdateNodegroupConfig \(r.nodegroupName)"
            case .updateNodegroupVersion(let name, _): "UpdateNodegroupVersion \(name)"
            case .describeNodegroup(let name): "DescribeNodegroup \(name)"
            default: "\(self)"
            }
        }
    }

    var cluster: ClusterDescription
    var nodegroups: [NodegroupDescription]
    var updates: [UpdateDescription] = []
    /// Errors to answer, per operation name (`UpdateClusterConfig`, ...), consumed in order.
    var failures: [String: [EKSError]] = [:]
    private(set) var calls: [Call] = []

    var mutations: [Call] { calls.filter(\.isMutation) }

    /// AWS showing `document` (top-level fields and `nodeGroups.*`), every node group ACTIVE.
    init(_ document: SpecDocument, status: ClusterStatus = .active) {
        var clusterEntries = document.entries.filter { FieldPath(unchecked: $0.key).topLevel != "nodeGroups" }
        clusterEntries["displayName"] = nil
        cluster = ClusterDescription(name: "demo", arn: Fixture.clusterARN, status: status,
                                     document: SpecDocument(entries: clusterEntries))
        nodegroups = (document.nodeGroupNames ?? []).map { name in
            NodegroupDescription(name: name, arn: Fixture.nodegroupARN(name), status: .active,
                                 document: SpecDocument(entries: document.subtree(.nodeGroup(name))))
        }
    }

    func setNodegroupStatus(_ name: String, _ status: NodegroupStatus) {
        if let i = nodegroups.firstIndex(where: { $0.name == name }) { nodegroups[i].status = status }
    }

    private func record(_ call: Call, _ operation: String) throws(EKSError) {
        calls.append(call)
        if var queue = failures[operation], !queue.isEmpty {
            let error = queue.removeFirst()
            failures[operation] = queue
            throw error
        }
    }

    private func accepted(_ type: UpdateType) -> UpdateDescription {
        UpdateDescription(id: "u\(calls.count)", type: type, status: .inProgress, params: [], createdAt: 0, errors: [])
    }

    func describeAddon(clusterName: String, addonName: String) throws(EKSError) -> String {
        try record(.describeAddon, "DescribeAddon")
        throw .resourceNotFound("No addon: \(addonName) found in cluster: \(clusterName)")
    }

    func describeCluster(name: String) throws(EKSError) -> ClusterDescription {
        try record(.describeCluster, "DescribeCluster")
        return cluster
    }

    func listUpdates(name: String, nodegroupName: String?) throws(EKSError) -> [String] {
        try record(.listUpdates, "ListUpdates")
        return updates.map(\.id)
    }

    func describeUpdate(name: String, updateId: String, nodegroupName: String?) throws(EKSError) -> UpdateDescription {
        try record(.describeUpdate(updateId), "DescribeUpdate")
        guard let update = updates.first(where: { $0.id == updateId }) else { throw .resourceNotFound("No update found") }
        return update
    }

    func listNodegroups(clusterName: String) throws(EKSError) -> [String] {
        try record(.listNodegroups, "ListNodegroups")
        return nodegroups.map(\.name)
    }

    func describeNodegroup(clusterName: String, nodegroupName: String) throws(EKSError) -> NodegroupDescription {
        try record(.describeNodegroup(nodegroupName), "DescribeNodegroup")
        guard let group = nodegroups.first(where: { $0.name == nodegroupName }) else {
            throw .resourceNotFound("No node group found for name: \(nodegroupName).")
        }
        return group
    }

    func updateClusterConfig(_ request: UpdateClusterConfigRequest) throws(EKSError) -> UpdateDescription {
        try record(.updateClusterConfig(request), "UpdateClusterConfig")
        return accepted(request.logging != nil ? .loggingUpdate : .endpointAccessUpdate)
    }

    func updateClusterVersion(name: String, version: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        try record(.updateClusterVersion(version), "UpdateClusterVersion")
        return accepted(.versionUpdate)
    }

    func associateEncryptionConfig(name: String, keyArn: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        try record(.associateEncryptionConfig, "AssociateEncryptionConfig")
        return accepted(.associateEncryptionConfig)
    }

    func tagResource(resourceArn: String, tags: [String: Entry]) throws(EKSError) {
        try record(.tagResource(arn: resourceArn, tags: tags), "TagResource")
    }

    func untagResource(resourceArn: String, tagKeys: [String], removal: Entry) throws(EKSError) {
        try record(.untagResource(arn: resourceArn, keys: tagKeys, removal: removal), "UntagResource")
    }

    func createNodegroup(_ request: CreateNodegroupRequest) throws(EKSError) -> NodegroupDescription {
        try record(.createNodegroup(request), "CreateNodegroup")
        return NodegroupDescription(name: request.nodegroupName, arn: Fixture.nodegroupARN(request.nodegroupName),
                                    status: .creating, document: request.document)
    }

    func deleteNodegroup(clusterName: String, nodegroupName: String, removal: Entry) throws(EKSError) -> NodegroupDescription {
        try record(.deleteNodegroup(nodegroupName, removal: removal), "DeleteNodegroup")
        return NodegroupDescription(name: nodegroupName, arn: Fixture.nodegroupARN(nodegroupName), status: .deleting,
                                    document: SpecDocument())
    }

    func updateNodegroupConfig(_ request: UpdateNodegroupConfigRequest) throws(EKSError) -> UpdateDescription {
        try record(.updateNodegroupConfig(request), "UpdateNodegroupConfig")
        return accepted(.configUpdate)
    }

    func updateNodegroupVersion(clusterName: String, nodegroupName: String, version: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        try record(.updateNodegroupVersion(nodegroupName, version), "UpdateNodegroupVersion")
        return accepted(.versionUpdate)
    }

    func deleteCluster(name: String) throws(EKSError) {
        try record(.deleteCluster, "DeleteCluster")
    }
}

/// Documents and states for tests.
enum Fixture {
    static let clusterARN = "arn:aws:eks:us-west-2:123456789012:cluster/demo"
    static func nodegroupARN(_ name: String) -> String { "arn:aws:eks:us-west-2:123456789012:nodegroup/demo/\(name)/0" }

    /// The CONTRACT.md example cluster, every field managed, by field path.
    static var baseline: [String: FieldValue] {
        [
            "displayName": .string("demo"), "region": .string("us-west-2"), "imported": .bool(false),
            "amazonCredentialSecret": .string("cattle-global-data:cc-1"),
            "kubernetesVersion": .string("1.29"), "publicAccess": .bool(true), "privateAccess": .bool(false),
            "publicAccessSources": .strings([]), "loggingTypes": .strings([]),
            "subnets": .strings(["subnet-1", "subnet-2"]), "securityGroups": .strings([]),
            "tags": .container, "tags.team": .string("platform"),
            "nodeGroups": .container, "nodeGroups.ng1": .container, "nodeGroups.ng1.version": .string("1.29"),
            "nodeGroups.ng1.desiredSize": .int(2), "nodeGroups.ng1.minSize": .int(1), "nodeGroups.ng1.maxSize": .int(3),
            "nodeGroups.ng1.labels": .container, "nodeGroups.ng1.tags": .container,
        ]
    }

    /// A document of `values`, every entry with `origin` and `readAt`; `entries` (tombstones,
    /// other origins) are stored as given on top.
    static func doc(_ values: [String: FieldValue], origin: WriteID = .initial, readAt: SimTime = 0,
                    entries: [String: Entry] = [:]) -> SpecDocument {
        var all = values.mapValues { Entry($0, origin: origin, readAt: readAt) }
        all.merge(entries) { _, given in given }
        return SpecDocument(entries: all)
    }

    /// `values` with some paths changed; a nil value removes the path and everything under it.
    static func with(_ changes: [String: FieldValue?], _ values: [String: FieldValue] = baseline) -> [String: FieldValue] {
        var result = values
        for (path, value) in changes where value == nil {
            result = result.filter { !FieldPath(unchecked: $0.key).isWithin(FieldPath(unchecked: path)) }
        }
        for (path, value) in changes {
            if let value { result[path] = value }
        }
        return result
    }

    /// One operator reconcile of a settled cluster whose spec is `spec`, against `aws`.
    static func reconcile(_ profile: Profile = .eksOperator2024, spec: SpecDocument, aws: FakeEKS,
                          phase: OperatorPhase = .active, now: SimTime = 0,
                          adjust: (inout ClusterState) -> Void = { _ in }) -> Decision {
        var state = state(spec: spec, phase: phase)
        adjust(&state)
        return SyncEngine(profile: profile, refresh: RefreshSettings())
            .run(.operatorReconcile, state: state, aws: aws, clock: TestClock(now: now))
    }

    /// A settled cluster: Spec.EKSConfig, the EKSClusterConfig spec and AppliedSpec all `spec`.
    static func state(spec: SpecDocument, phase: OperatorPhase = .active, upstream: SpecDocument? = nil) -> ClusterState {
        var state = ClusterState()
        state.aws = AWSClusterState(name: "demo", arn: clusterARN, visible: upstream ?? spec)
        state.rancher = RancherState(spec: spec, upstreamSpec: upstream ?? spec, phase: phase)
        return state
    }
}

extension Decision {
    /// The `OperatorStatusUpdated` events, in order.
    var statusWrites: [OperatorStatus] {
        events.compactMap { if case .operatorStatusUpdated(let s) = $0 { s } else { nil } }
    }
}

extension FieldPath {
    static func ng(_ name: String, _ field: String) -> FieldPath { FieldPath(unchecked: "nodeGroups.\(name).\(field)") }
}

/// A tiny AWS for the end-to-end checks of `RaceTests`: one cluster update at a time (60 s, its
/// values visible only when done), ResourceInUse while one runs, immediate tags, node groups
/// always ACTIVE and unchanged. The project's AWS model is `Simulator/AWS`.
final class MiniAWS: EKSAPI {
    var visible: SpecDocument
    var now: SimTime = 0
    private var inFlight: (id: String, entries: [String: Entry], doneAt: SimTime)?
    private var count = 0

    init(_ document: SpecDocument) { visible = document }

    func settle() {
        if let update = inFlight, update.doneAt <= now {
            for (path, entry) in update.entries { visible[FieldPath(unchecked: path)] = entry }
            inFlight = nil
        }
    }

    private func start(_ entries: [String: Entry]) throws(EKSError) -> UpdateDescription {
        if let update = inFlight {
            throw .resourceInUse("Cannot update because cluster demo currently has update \(update.id) in progress")
        }
        count += 1
        inFlight = ("u\(count)", entries, now + 60 * .second)
        return UpdateDescription(id: "u\(count)", type: .endpointAccessUpdate, status: .inProgress, params: [], createdAt: now, errors: [])
    }

    func describeCluster(name: String) throws(EKSError) -> ClusterDescription {
        ClusterDescription(name: "demo", arn: Fixture.clusterARN, status: inFlight == nil ? .active : .updating,
                           document: SpecDocument(entries: visible.entries.filter { FieldPath(unchecked: $0.key).topLevel != "nodeGroups" }))
    }

    func listUpdates(name: String, nodegroupName: String?) throws(EKSError) -> [String] { inFlight.map { [$0.id] } ?? [] }

    func describeUpdate(name: String, updateId: String, nodegroupName: String?) throws(EKSError) -> UpdateDescription {
        UpdateDescription(id: updateId, type: .endpointAccessUpdate, status: inFlight?.id == updateId ? .inProgress : .successful,
                          params: [], createdAt: 0, errors: [])
    }

    func listNodegroups(clusterName: String) throws(EKSError) -> [String] { visible.nodeGroupNames ?? [] }

    func describeNodegroup(clusterName: String, nodegroupName: String) throws(EKSError) -> NodegroupDescription {
        NodegroupDescription(name: nodegroupName, arn: Fixture.nodegroupARN(nodegroupName), status: .active,
                             document: SpecDocument(entries: visible.subtree(.nodeGroup(nodegroupName))))
    }

    func updateClusterConfig(_ request: UpdateClusterConfigRequest) throws(EKSError) -> UpdateDescription {
        var entries: [String: Entry] = [:]
        entries["publicAccess"] = request.endpointPublicAccess
        entries["privateAccess"] = request.endpointPrivateAccess
        entries["publicAccessSources"] = request.publicAccessCidrs
        if let logging = request.logging {
            let types = (visible.strings("loggingTypes") ?? []).filter { !logging.disable.contains($0) } + logging.enable
            entries["loggingTypes"] = Entry(.strings(types), origin: logging.origin.origin, readAt: logging.origin.readAt)
        }
        return try start(entries)
    }

    func updateClusterVersion(name: String, version: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        try start(["kubernetesVersion": version])
    }

    func associateEncryptionConfig(name: String, keyArn: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription {
        throw .invalidRequest("not modeled")
    }

    func tagResource(resourceArn: String, tags: [String: Entry]) throws(EKSError) {
        for (key, entry) in tags { visible[FieldPath(unchecked: "tags." + key)] = entry }
    }

    func untagResource(resourceArn: String, tagKeys: [String], removal: Entry) throws(EKSError) {
        for key in tagKeys { visible[FieldPath(unchecked: "tags." + key)] = Entry(nil, origin: removal.origin, readAt: removal.readAt) }
    }

    func createNodegroup(_ request: CreateNodegroupRequest) throws(EKSError) -> NodegroupDescription { throw .invalidRequest("not modeled") }
    func deleteNodegroup(clusterName: String, nodegroupName: String, removal: Entry) throws(EKSError) -> NodegroupDescription { throw .invalidRequest("not modeled") }
    func updateNodegroupConfig(_ request: UpdateNodegroupConfigRequest) throws(EKSError) -> UpdateDescription { throw .invalidRequest("not modeled") }
    func updateNodegroupVersion(clusterName: String, nodegroupName: String, version: Entry, clientRequestToken: String?) throws(EKSError) -> UpdateDescription { throw .invalidRequest("not modeled") }
    func deleteCluster(name: String) throws(EKSError) { throw .invalidRequest("not modeled") }
}
