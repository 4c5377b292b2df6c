/// A cluster spec on one surface (AWS, `Spec.EKSConfig`, the EKSClusterConfig spec, `UpstreamSpec`,
/// `AppliedSpec`), stored as field paths to provenanced entries.
///
/// A missing top-level key is nil, meaning unmanaged (reference §1.1: "nil = unmanaged"). Maps and
/// the node group list are a `container` entry plus one entry per child, so each tag, label and node
/// group field carries its own origin.
///
/// Keys are also indexed by group (the top-level key, or `nodeGroups.NAME` for a node group's
/// entries), so a subtree, a node group or a map's children are found without scanning the whole
/// document: reading one node group of N costs the same whatever N.
public struct SpecDocument: Sendable, Codable {
    public private(set) var entries: [String: Entry]
    /// Group key → the keys of `entries` in that group, kept once the document is large (a small
    /// one is scanned: cheaper than keeping an index). Derived from `entries`; not part of equality.
    private var groups: [String: Set<String>]?

    /// Documents with more entries than this are indexed by group.
    static let indexedAbove = 64

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
        if entries.count > Self.indexedAbove { buildIndex() }
    }

    public init(from decoder: Decoder) throws {
        self.init(entries: try decoder.singleValueContainer().decode([String: Entry].self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }

    private mutating func buildIndex() {
        var index: [String: Set<String>] = [:]
        for key in entries.keys { index[Self.group(of: key), default: []].insert(key) }
        groups = index
    }

    /// The group a key is indexed under: `nodeGroups.NAME` for everything inside a node group, else
    /// the top-level key (everything within a path lies in the path's group, or, for `nodeGroups`,
    /// in `nodeGroups` and the node groups' groups).
    static func group(of raw: String) -> String {
        let utf8 = raw.utf8
        guard let dot = utf8.firstIndex(of: UInt8(ascii: ".")) else { return raw }
        let head = raw[..<dot]
        guard head == "nodeGroups" else { return String(head) }
        let rest = utf8[utf8.index(after: dot)...]
        guard let second = rest.firstIndex(of: UInt8(ascii: ".")) else { return raw }
        return String(raw[..<second])
    }

    /// Calls `body` with every key that may lie within `path`: all keys of a small document; in a
    /// large one, those of the path's group (and for `nodeGroups`, of every node group).
    private func forEachCandidate(within path: FieldPath, _ body: (String, Entry) -> Void) {
        guard let groups else {
            for (key, entry) in entries { body(key, entry) }
            return
        }
        if path.raw == "nodeGroups" {
            for (group, members) in groups where group == "nodeGroups" || group.hasPrefix("nodeGroups.") {
                for key in members { if let entry = entries[key] { body(key, entry) } }
            }
            return
        }
        for key in groups[Self.group(of: path.raw)] ?? [] { if let entry = entries[key] { body(key, entry) } }
    }

    private mutating func setEntry(_ key: String, _ entry: Entry?) {
        if let entry {
            if entries.updateValue(entry, forKey: key) == nil {
                if groups != nil {
                    groups![Self.group(of: key), default: []].insert(key)
                } else if entries.count > Self.indexedAbove {
                    buildIndex()
                }
            }
        } else if entries.removeValue(forKey: key) != nil, groups != nil {
            let group = Self.group(of: key)
            groups![group]?.remove(key)
            if groups![group]?.isEmpty == true { groups![group] = nil }
        }
    }

    // MARK: Reading

    /// The entry stored exactly at `path`, tombstones included.
    public subscript(path: FieldPath) -> Entry? {
        get { entries[path.raw] }
        set { setEntry(path.raw, newValue) }
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
        if path.raw == "nodeGroups", let groups {
            // A node group's group key is its own path.
            for group in groups.keys where group.hasPrefix(prefix) {
                if let entry = entries[group], entry.value != nil { result.append((String(group.dropFirst(prefix.count)), entry)) }
            }
            return result.sorted { $0.key < $1.key }
        }
        forEachCandidate(within: path) { raw, entry in
            guard entry.value != nil, raw.hasPrefix(prefix), FieldPath(unchecked: raw).parent == path else { return }
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
        var result: [String: Entry] = [:]
        forEachCandidate(within: path) { raw, entry in
            if FieldPath(unchecked: raw).isWithin(path) { result[raw] = entry }
        }
        return result
    }

    /// The live values under `path`, without provenance: what `reflect.DeepEqual` would compare.
    public func values(under path: FieldPath) -> [String: FieldValue] {
        var result: [String: FieldValue] = [:]
        forEachCandidate(within: path) { raw, entry in
            guard let value = entry.value, FieldPath(unchecked: raw).isWithin(path) else { return }
            result[raw] = value
        }
        return result
    }

    /// True when both documents hold the same values under `path`, whatever their origins.
    public func sameValues(under path: FieldPath, as other: SpecDocument) -> Bool {
        // `values(under: path) == other.values(under: path)` without building either: every live value
        // of this one is live and equal in the other, and both hold as many.
        var live = 0
        var same = true
        forEachCandidate(within: path) { raw, entry in
            guard same, let value = entry.value, FieldPath(unchecked: raw).isWithin(path) else { return }
            live += 1
            if other.entries[raw]?.value != value { same = false }
        }
        guard same else { return false }
        var otherLive = 0
        other.forEachCandidate(within: path) { raw, entry in
            if entry.value != nil, FieldPath(unchecked: raw).isWithin(path) { otherLive += 1 }
        }
        return live == otherLive
    }

    /// The top-level keys under which the two documents hold different values (whatever their
    /// origins): `!sameValues(under: key, as: other)` for every key at once, in one pass over each.
    public func topLevelKeysWithDifferentValues(from other: SpecDocument) -> Set<String> {
        // The usual answer first: every live value of this one is equal in the other and both hold
        // as many, so nothing differs anywhere.
        var live = 0
        var allSame = true
        for (key, entry) in entries {
            guard let value = entry.value else { continue }
            live += 1
            if other.entries[key]?.value != value { allSame = false; break }
        }
        if allSame && live == other.entries.values.reduce(0, { $0 + ($1.value == nil ? 0 : 1) }) { return [] }

        var differ = Set<String>()
        var counts: [String: Int] = [:]
        for (key, entry) in entries {
            guard let value = entry.value else { continue }
            let top = FieldPath(unchecked: key).enclosingTopLevel
            counts[top, default: 0] += 1
            if other.entries[key]?.value != value { differ.insert(top) }
        }
        for (key, entry) in other.entries where entry.value != nil {
            counts[FieldPath(unchecked: key).enclosingTopLevel, default: 0] -= 1
        }
        for (top, count) in counts where count != 0 { differ.insert(top) }
        return differ
    }

    /// True when both documents hold the same values everywhere.
    public func sameValues(as other: SpecDocument) -> Bool {
        // Every live value of one is live and equal in the other, and both hold as many.
        var live = 0
        for (key, entry) in entries {
            guard let value = entry.value else { continue }
            live += 1
            guard other.entries[key]?.value == value else { return false }
        }
        return live == other.entries.values.reduce(0) { $0 + ($1.value == nil ? 0 : 1) }
    }

    /// The top-level keys present, in schema order.
    public var topLevelKeys: [String] {
        Self.schemaKeys.filter { entries[$0] != nil }
    }

    private static let schemaKeys = FieldSchema.cluster.map(\.name)

    // MARK: Writing

    /// True when `raw` holds a `.` byte.
    static func hasDot(_ raw: String) -> Bool {
        raw.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: ".")) } ?? raw.utf8.contains(UInt8(ascii: "."))
    }

    /// Removes every entry under `path`, `path` included.
    public mutating func removeSubtree(_ path: FieldPath) {
        removeEntries(within: [path])
    }

    /// Removes every entry within one of `paths`, looking only at the paths' groups.
    private mutating func removeEntries(within paths: [FieldPath]) {
        var doomed: [String] = []
        if groups == nil {
            // A small document: one pass over its keys for every path (the same entries go as
            // removing each subtree in turn).
            doomed = entries.keys.filter { key in
                let path = FieldPath(unchecked: key)
                return paths.contains { path.isWithin($0) }
            }
        } else {
            for path in paths {
                forEachCandidate(within: path) { raw, _ in if FieldPath(unchecked: raw).isWithin(path) { doomed.append(raw) } }
            }
        }
        // With the index, overlapping paths may name a key twice.
        if doomed.count == entries.count && (groups == nil || Set(doomed).count == entries.count) {
            entries.removeAll(keepingCapacity: true)
            groups = nil
        } else {
            for key in doomed { setEntry(key, nil) }
        }
    }

    /// `replaceSubtree(path, with: source.subtree(path))` for each of `paths`, which must not overlap
    /// (top-level keys, say), in one pass over this document.
    public mutating func replaceSubtrees(_ paths: [FieldPath], from source: SpecDocument) {
        if groups == nil, source.groups == nil, paths.allSatisfy({ !Self.hasDot($0.raw) }) {
            // Small documents and top-level keys: a key without a dot lies within one only by being
            // it, so those go by key; only dotted keys are compared with the paths. (Indexed
            // documents look at the paths' groups alone, below.)
            let nested = entries.keys.filter { key in Self.hasDot(key) && paths.contains { FieldPath(unchecked: key).isWithin($0) } }
            for path in paths { setEntry(path.raw, nil) }
            for key in nested { setEntry(key, nil) }
            for path in paths {
                if let entry = source.entries[path.raw] { setEntry(path.raw, entry) }
            }
            for (key, entry) in source.entries where Self.hasDot(key) && paths.contains(where: { FieldPath(unchecked: key).isWithin($0) }) {
                setEntry(key, entry)
            }
            return
        }
        removeEntries(within: paths)
        for path in paths {
            source.forEachCandidate(within: path) { raw, entry in
                if FieldPath(unchecked: raw).isWithin(path) { setEntry(raw, entry) }
            }
        }
    }

    /// Replaces everything under `path` with `replacement` (whose keys must lie under `path`).
    public mutating func replaceSubtree(_ path: FieldPath, with replacement: [String: Entry]) {
        removeSubtree(path)
        for (key, entry) in replacement { setEntry(key, entry) }
    }

    /// Applies a list of replacements in order.
    public mutating func apply(_ change: SubtreeChange) {
        // One pass for every replaced path: the same entries go as removing each subtree in turn.
        if !change.replaced.isEmpty { removeEntries(within: change.replaced) }
        for (key, entry) in change.entries { setEntry(key, entry) }
    }

    /// Stores a recorded document: its change, then, for a refresh, every entry read at `readAt`.
    public mutating func store(_ stored: DocumentStored) {
        apply(stored.change)
        restamp(stored)
    }

    /// A refresh's read time on every entry it did not store or keep (values and origins unchanged).
    mutating func restamp(_ stored: DocumentStored) {
        guard let readAt = stored.readAt else { return }
        let kept = Set(stored.keptReadAt.map(\.raw))
        var restamped = entries
        for (key, entry) in entries where entry.readAt != readAt && stored.change.entries[key] == nil && !kept.contains(key) {
            restamped[key] = Entry(entry.value, origin: entry.origin, readAt: readAt)
        }
        entries = restamped
    }

    /// The change that turns `self` into `new`, as small as `apply` allows: the entries that are new
    /// or differ, the removed keys as replaced paths (with what they enclose in `new` stored again).
    /// With `ignoringReadAt`, entries differing only in `readAt` are left out (a refresh restamps them).
    public func difference(to new: SpecDocument, ignoringReadAt: Bool = false) -> SubtreeChange {
        difference(to: new) { old, entry in
            ignoringReadAt ? old.value == entry.value && old.origin == entry.origin : old == entry
        }
    }

    /// The change that turns `self` into `new`, storing the entries of `new` for which `same` is false.
    public func difference(to new: SpecDocument, same: (Entry, Entry) -> Bool) -> SubtreeChange {
        var removed: [FieldPath] = []
        for key in entries.keys where new.entries[key] == nil { removed.append(FieldPath(unchecked: key)) }
        removed.sort()
        var stored: [String: Entry] = [:]
        for (key, entry) in new.entries {
            guard let old = entries[key] else { stored[key] = entry; continue }
            if !same(old, entry) { stored[key] = entry }
        }
        // A removed path takes what it encloses with it: store those entries of `new` again.
        for path in removed {
            new.forEachCandidate(within: path) { raw, entry in
                if FieldPath(unchecked: raw).isWithin(path) { stored[raw] = entry }
            }
        }
        return SubtreeChange(replaced: removed, entries: stored)
    }

    /// The schema's top-level keys, sorted: what a whole document replaces.
    public static let sortedTopLevelKeys: [FieldPath] = FieldSchema.cluster.map(\.name).sorted().map(FieldPath.init(unchecked:))

    /// Every origin on this surface, tombstones included: what a person looking at it saw.
    public var origins: Set<WriteID> { Set(entries.values.map(\.origin)) }
}

extension SpecDocument: Hashable {
    public static func == (lhs: SpecDocument, rhs: SpecDocument) -> Bool { lhs.entries == rhs.entries }
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }
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
