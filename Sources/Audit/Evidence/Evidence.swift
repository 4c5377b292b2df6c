import ClusterStateMachine

/// Every record about one cluster, read, normalised, sorted and attributed.
public struct Evidence: Sendable {
    public var clusterName: String
    public var region: String
    /// The cluster's EKS calls in time order, with who made them.
    public var attribution: Attribution
    public var edits: [RancherEdit]
    public var descriptions: AWSDescriptions
    public var rancherObject: RancherObject?
    /// Records skipped: other services' (by event source), other clusters', and Rancher audit
    /// records that are not an EKS edit.
    public var skippedServices: [String: Int]
    public var otherClusters: Int
    public var rancherSkipped: Int
    public var rancherWithoutBody: Int

    public var calls: [AttributedCall] { attribution.calls }

    /// Reads everything; bad input is an `AuditError` naming the file and the record.
    public static func gather(_ input: AuditInput) throws(AuditError) -> Evidence {
        let trail = try CloudTrailReader.read(paths: input.cloudTrail)
        let audit = try RancherAuditReader.read(paths: input.rancherAudit)
        let descriptions = try AWSDescriptions.read(describeCluster: input.describeCluster, nodegroups: input.describeNodegroups,
                                                    updates: input.describeUpdates)
        let objects = try RancherObject.read(paths: input.rancherObjects)
        let trailFiles = input.cloudTrail.joined(separator: ", ")

        let named = Set(trail.records.compactMap(\.clusterName))
        let cluster: String
        if let given = input.cluster {
            cluster = given
        } else if let described = descriptions.cluster?["name"]?.stringValue {
            cluster = described
        } else if named.count == 1 {
            cluster = named.first!
        } else if named.isEmpty {
            throw AuditError(file: trailFiles, message: "no EKS record names a cluster (records read: \(trail.records.count) EKS, \(trail.skipped.values.reduce(0, +)) of other services)")
        } else {
            throw AuditError(file: trailFiles, message: "the records name several clusters (\(named.sorted().joined(separator: ", "))); choose one with --cluster")
        }
        let mine = trail.records.filter { $0.clusterName == cluster }
        guard !mine.isEmpty else {
            throw AuditError(file: trailFiles, message: "no EKS record of cluster \(cluster) (the records name \(named.isEmpty ? "no cluster" : named.sorted().joined(separator: ", ")))")
        }
        if let described = descriptions.cluster?["name"]?.stringValue, described != cluster, let file = descriptions.clusterFile {
            throw AuditError(file: file, location: "cluster.name", message: "describes cluster \(described), but the audit is of \(cluster)")
        }
        let edits = audit.edits.filter { edit in
            edit.eksConfig["displayName"]?.stringValue.map { $0 == cluster } ?? true
        }.sorted { ($0.at, $0.file, $0.line) < ($1.at, $1.file, $1.line) }
        let region = descriptions.cluster?["arn"]?.stringValue.flatMap(EKSArn.region)
            ?? mine.compactMap { $0.request["resourceArn"]?.stringValue.flatMap(EKSArn.region) }.first
            ?? objects.first?.spec?["region"]?.stringValue ?? "us-west-2"
        return Evidence(
            clusterName: cluster, region: region,
            attribution: Attribution(records: mine, rancherPrincipal: input.rancherPrincipal),
            edits: edits, descriptions: descriptions, rancherObject: objects.first { $0.kind == "Cluster" } ?? objects.first,
            skippedServices: trail.skipped, otherClusters: trail.records.count - mine.count,
            rancherSkipped: audit.skipped + (audit.edits.count - edits.count), rancherWithoutBody: audit.withoutBody)
    }
}
