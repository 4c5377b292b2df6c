import ClusterStateMachine

/// The diff rules of the operator's ladder (`utils/map.go`, `pkg/eks/update.go`, reference §2.5).
enum SpecDiff {
    /// `GetKeyValuesToUpdate(spec, upstream)`: nil if the spec map is empty; the whole spec if
    /// upstream is empty; otherwise the keys whose upstream value differs or is missing. Sorted.
    static func keyValuesToUpdate(_ spec: [String: String], _ upstream: [String: String]) -> [String]? {
        guard !spec.isEmpty else { return nil }
        guard !upstream.isEmpty else { return spec.keys.sorted() }
        let keys = spec.filter { upstream[$0.key] != $0.value }.keys.sorted()
        return keys.isEmpty ? nil : keys
    }

    /// `GetKeysToDelete(spec, upstream)`: the upstream keys missing from the spec, nil if none.
    /// A non-nil **empty** spec map therefore removes everything (reference §2.5 "Tag diff").
    static func keysToDelete(_ spec: [String: String], _ upstream: [String: String]) -> [String]? {
        let keys = upstream.keys.filter { spec[$0] == nil }.sorted()
        return keys.isEmpty ? nil : keys
    }

    /// `GetKeysToDelete` before eks-operator v1.0.10: the upstream keys the spec lacks **or holds
    /// with another value**; every upstream key when the spec map is empty; nil if none.
    static func keysToDeleteOrChange(_ spec: [String: String], _ upstream: [String: String]) -> [String]? {
        let keys = upstream.filter { spec.isEmpty || spec[$0.key] != $0.value }.keys.sorted()
        return keys.isEmpty ? nil : keys
    }

    /// `getLoggingTypesUpdate`: disable what upstream has and the spec lacks, enable what the spec
    /// has and upstream lacks, in list order; nil when both are empty.
    static func loggingUpdate(spec: [String], upstream: [String]) -> (disable: [String], enable: [String])? {
        let disable = upstream.filter { !spec.contains($0) }
        let enable = spec.filter { !upstream.contains($0) }
        return disable.isEmpty && enable.isEmpty ? nil : (disable, enable)
    }

    /// The CIDRs that mean "open to all" for the cluster's IP family.
    static func defaultPublicAccessSources(ipv6: Bool) -> [String] {
        ipv6 ? ["0.0.0.0/0", "::/0"] : ["0.0.0.0/0"]
    }

    /// `filterPublicAccessSources`: the all-open default is normalized to `[]` before comparing.
    static func filterPublicAccessSources(_ sources: [String], ipv6: Bool) -> [String] {
        let open = defaultPublicAccessSources(ipv6: ipv6)
        if sources.isEmpty || (sources.count == open.count && Set(sources) == Set(open)) { return [] }
        return sources
    }

    /// `CompareStringSliceElements`: a length check plus membership, order-insensitive.
    static func sameElements(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && a.allSatisfy(b.contains)
    }

    /// One provenance for several removed keys under `container` (`tags`, a node group's `labels`):
    /// the EKS API model takes one per call. Each key's effective entry is its tombstone (an
    /// explicit unset) or the container's entry ("absent since the map was written"); the latest
    /// read wins.
    static func removal(in spec: SpecDocument, container: FieldPath, keys: [String]) -> Entry {
        let entries = keys.compactMap { spec.effectiveEntry(at: container.appending($0)) }
        return entries.max { ($0.readAt, $0.origin) < ($1.readAt, $1.origin) }
            ?? spec[container] ?? Entry(nil, origin: .initial, readAt: 0)
    }
}
