import ClusterStateMachine

/// `BuildUpstreamClusterState` (eks-operator `controller/external.go`, reference §3): the cluster
/// spec as AWS shows it, built from DescribeCluster and the DescribeNodegroup answers the caller
/// already fetched.
///
/// Entries keep the origin AWS holds and get `readAt = readAt` (the moment of the read). Fields the
/// modeled AWS does not track (launch templates, the EBS CSI add-on, AMI types) are whatever the
/// AWS document holds; no EC2 call is made here, and the caller makes the DescribeAddon call of
/// releases that have it (`Behaviour.describeAddonInRefresh`).
enum UpstreamState {
    /// Builds the upstream spec. Node groups in DELETING are skipped. A node group's `version` is
    /// left out while the group is UPDATING (eks-operator v1.3.0+: the guard "equals the cluster
    /// version or not UPDATING" compares two `*string` pointers, so only "not UPDATING" counts,
    /// versions.md §1.1); before v1.3.0 (`versionWhileUpdating`) it is always copied.
    static func build(cluster: ClusterDescription, nodegroups: [NodegroupDescription], readAt: SimTime,
                      versionWhileUpdating: Bool = false) -> SpecDocument {
        var entries: [String: Entry] = [:]
        for (raw, entry) in cluster.document.entries where !FieldPath(unchecked: raw).hasTopLevel("nodeGroups") {
            entries[raw] = Entry(entry.value, origin: entry.origin, readAt: readAt)
        }
        // Values the Go function always sets, whatever DescribeCluster omitted.
        entries["imported"] = Entry(.bool(true), origin: .initial, readAt: readAt)
        entries["displayName"] = Entry(.string(cluster.name), origin: .initial, readAt: readAt)
        let defaults: [(String, FieldValue)] = [
            ("tags", .container), ("publicAccess", .bool(false)), ("privateAccess", .bool(false)),
            ("publicAccessSources", .strings([])), ("loggingTypes", .strings([])),
        ]
        for (key, value) in defaults where entries[key]?.value == nil {
            entries[key] = Entry(value, origin: entries[key]?.origin ?? .initial, readAt: readAt)
        }

        // The Go code builds a fresh list; ListNodegroups does not say who last added or removed a
        // group, so the list container carries the baseline origin.
        entries["nodeGroups"] = Entry(.container, origin: .initial, readAt: readAt)
        for group in nodegroups where group.status != .deleting {
            let base = FieldPath(unchecked: "nodeGroups").appending(group.name)
            let version = base.appending("version")
            for (raw, entry) in group.document.entries where FieldPath(unchecked: raw).isWithin(base) {
                if raw == version.raw, group.status == .updating, !versionWhileUpdating { continue }
                entries[raw] = Entry(entry.value, origin: entry.origin, readAt: readAt)
            }
            if entries[base.raw]?.value == nil {
                entries[base.raw] = Entry(.container, origin: group.document[base]?.origin ?? .initial, readAt: readAt)
            }
        }
        return SpecDocument(entries: entries)
    }
}

extension SpecDocument {
    /// The entry at `path` when it holds a value (tombstones and absent keys are nil: unmanaged).
    func live(_ path: FieldPath) -> Entry? {
        guard let entry = self[path], entry.value != nil else { return nil }
        return entry
    }

    /// The EKS cluster name: `displayName` (reference §1.1).
    var clusterName: String? { string("displayName") }
}
