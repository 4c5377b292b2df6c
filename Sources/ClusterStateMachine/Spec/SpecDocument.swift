/// A cluster spec on one surface (AWS, `Spec.EKSConfig`, the EKSClusterConfig spec, `UpstreamSpec`,
/// `AppliedSpec`), stored as field paths to provenanced entries.
///
/// A missing top-level key is nil, meaning unmanaged (reference §1.1: "nil = unmanaged"). Maps and
/// the node group list are a `container` entry plus one entry per child, so each tag, label and node
/// group field carries its own origin.
public struct SpecDocument: Hashable, Sendable, Codable {
    public private(set) var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    public init(from decoder: Decoder) throws {
        entries = try decoder.singleValueContainer().decode([String: Entry].self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }

    // MARK: Reading

    /// The entry stored exactly at `path`, tombstones included.
    public subscript(path: FieldPath) -> Entry? {
        get { entries[path.raw] }
        set { entries[path.raw] = newValue }
    }

    /// The live value at `path`: nil when absent or removed.
    public func value(at path: FieldPath) -> FieldValue? { entries[path.raw]?.value }

    /// The entry that decides what `path` holds: the entry at `path`, or else the absence implied by
    /// its nearest existing container (a tag missing from a managed map is "absent since the map was
    /// written"). Nil when no container encloses it.
    public func effectiveEntry(at path: FieldPath) -> Entry? {
        if let entry = entries[path.raw] { return entry }
        var current = path.parent
        while let p = current {
            if let container = entries[p.raw] {
                return Entry(nil, origin: container.origin, readAt: container.readAt)
            }
            current = p.parent
        }
        return nil
    }

    /// True when the top-level key has a value: Rancher manages it.
    public func isManaged(_ key: String) -> Bool { entries[key]?.value != nil }

    public func bool(_ path: FieldPath) -> Bool? { value(at: path)?.boolValue }
    public func int(_ path: FieldPath) -> Int? { value(at: path)?.intValue }
    public func string(_ path: FieldPath) -> String? { value(at: path)?.stringValue }
    public func strings(_ path: FieldPath) -> [String]? { value(at: path)?.stringsValue }

    /// The live children of the container at `path` with their entries, sorted by key.
    public func children(of path: FieldPath) -> [(key: String, entry: Entry)] {
        let prefix = path.raw + "."
        var result: [(key: String, entry: Entry)] = []
        for (raw, entry) in entries where entry.value != nil && raw.hasPrefix(prefix)
            && FieldPath(unchecked: raw).parent == path {
            result.append((String(raw.dropFirst(prefix.count)), entry))
        }
        return result.sorted { $0.key < $1.key }
    }

    /// The map at `path` (`tags`, `nodeGroups.ng1.labels`), nil when it does not exist (unmanaged).
    public func map(_ path: FieldPath) -> [String: String]? {
        guard value(at: path) == .container else { return nil }
        var result: [String: String] = [:]
        for (key, entry) in children(of: path) {
            if case .string(let s)? = entry.value { result[key] = s }
        }
        return result
    }

    /// Names of the node groups that exist, sorted; nil when `nodeGroups` is unmanaged.
    public var nodeGroupNames: [String]? {
        guard value(at: "nodeGroups") == .container else { return nil }
        return children(of: "nodeGroups").filter { $0.entry.value == .container }.map(\.key)
    }

    /// Every entry under `path`, `path` itself included.
    public func subtree(_ path: FieldPath) -> [String: Entry] {
        entries.filter { FieldPath(unchecked: $0.key).isWithin(path) }
    }

    /// The live values under `path`, without provenance: what `reflect.DeepEqual` would compare.
    public func values(under path: FieldPath) -> [String: FieldValue] {
        var result: [String: FieldValue] = [:]
        for (raw, entry) in entries {
            guard let value = entry.value, FieldPath(unchecked: raw).isWithin(path) else { continue }
            result[raw] = value
        }
        return result
    }

    /// True when both documents hold the same values under `path`, whatever their origins.
    public func sameValues(under path: FieldPath, as other: SpecDocument) -> Bool {
        values(under: path) == other.values(under: path)
    }

    /// True when both documents hold the same values everywhere.
    public func sameValues(as other: SpecDocument) -> Bool {
        entries.compactMapValues(\.value) == other.entries.compactMapValues(\.value)
    }

    /// The top-level keys present, in schema order.
    public var topLevelKeys: [String] {
        FieldSchema.cluster.map(\.name).filter { entries[$0] != nil }
    }

    // MARK: Writing

    /// Removes every entry under `path`, `path` included.
    public mutating func removeSubtree(_ path: FieldPath) {
        removeEntries { $0.isWithin(path) }
    }

    /// Removes every entry whose path satisfies `doomed`.
    ///
    /// The keys are collected before anything is removed: removing while iterating `entries.keys`
    /// would copy the whole dictionary, since the keys view keeps the old storage alive. When every
    /// entry goes (a whole document replaced), the storage is emptied without a lookup per key.
    private mutating func removeEntries(where doomed: (FieldPath) -> Bool) {
        let keys = entries.keys.filter { doomed(FieldPath(unchecked: $0)) }
        if keys.count == entries.count {
            entries.removeAll(keepingCapacity: true)
        } else {
            for key in keys { entries[key] = nil }
        }
    }

    /// Replaces everything under `path` with `replacement` (whose keys must lie under `path`).
    public mutating func replaceSubtree(_ path: FieldPath, with replacement: [String: Entry]) {
        removeSubtree(path)
        entries.merge(replacement) { _, new in new }
    }

    /// Applies a list of replacements in order.
    public mutating func apply(_ change: SubtreeChange) {
        // One pass for every replaced path: the same entries go as removing each subtree in turn.
        if !change.replaced.isEmpty {
            removeEntries { path in change.replaced.contains { path.isWithin($0) } }
        }
        entries.merge(change.entries) { _, new in new }
    }

    /// Every origin on this surface, tombstones included: what a person looking at it saw.
    public var origins: Set<WriteID> { Set(entries.values.map(\.origin)) }
}

/// A change to one surface: drop everything under `replaced`, then store `entries`.
public struct SubtreeChange: Hashable, Sendable, Codable {
    public var replaced: [FieldPath]
    public var entries: [String: Entry]

    public init(replaced: [FieldPath] = [], entries: [String: Entry] = [:]) {
        self.replaced = replaced
        self.entries = entries
    }

    /// Every path the change touches.
    public var paths: [FieldPath] {
        (replaced + entries.keys.map(FieldPath.init(unchecked:))).sorted()
    }

    public var isEmpty: Bool { replaced.isEmpty && entries.isEmpty }
}
