/// A path naming a field, as scenario steps and reports spell it (`spec/CONTRACT.md`, "Field paths").
///
/// `privateAccess`, `tags`, `tags.env`, `nodeGroups.ng1`, `nodeGroups.ng1.desiredSize`,
/// `nodeGroups.ng1.labels.KEY`. A map key is everything after its map's name, so tag keys may
/// contain dots (`tags.kubernetes.io/role`).
public struct FieldPath: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The printed path.
    public let raw: String

    /// Wraps an already valid path without checking it.
    public init(unchecked raw: String) { self.raw = raw }

    public init(stringLiteral value: String) { self.raw = value }

    /// Parses and validates `text` against `FieldSchema`.
    public init(parsing text: String) throws(FieldPathError) {
        var rest = Substring(text)
        guard let top = Self.segment(&rest), let field = FieldSchema.clusterField(String(top)) else {
            throw FieldPathError(path: text, reason: "unknown field \"\(text.split(separator: ".").first ?? "")\"; expected one of \(FieldSchema.cluster.map(\.name).joined(separator: ", "))")
        }
        switch field.kind {
        case .map:
            if rest.isEmpty && text.hasSuffix(".") {
                throw FieldPathError(path: text, reason: "empty map key")
            }
        case .nodeGroups:
            if !rest.isEmpty {
                guard let name = Self.segment(&rest), !name.isEmpty else {
                    throw FieldPathError(path: text, reason: "expected nodeGroups.NAME")
                }
                if !rest.isEmpty {
                    guard let sub = Self.segment(&rest), let ngField = FieldSchema.nodeGroupField(String(sub)) else {
                        throw FieldPathError(path: text, reason: "unknown node group field; expected one of \(FieldSchema.nodeGroup.map(\.name).joined(separator: ", "))")
                    }
                    if ngField.kind != .map && !rest.isEmpty {
                        throw FieldPathError(path: text, reason: "\(sub) has no sub-fields")
                    }
                    if ngField.kind == .map && rest.isEmpty && text.hasSuffix(".") {
                        throw FieldPathError(path: text, reason: "empty map key")
                    }
                }
            }
        default:
            if !rest.isEmpty || text.hasSuffix(".") {
                throw FieldPathError(path: text, reason: "\(top) has no sub-fields")
            }
        }
        self.raw = text
    }

    private static func segment(_ rest: inout Substring) -> Substring? {
        guard !rest.isEmpty else { return nil }
        if let dot = rest.firstIndex(of: ".") {
            let head = rest[..<dot]
            rest = rest[rest.index(after: dot)...]
            return head
        }
        defer { rest = rest[rest.endIndex...] }
        return rest
    }

    public var description: String { raw }

    /// The top-level key (`tags` for `tags.env`).
    public var topLevel: String {
        if let dots = asciiDots { return dots.count == 0 ? raw : String(raw[..<dots.first]) }
        if let dot = raw.firstIndex(of: ".") { return String(raw[..<dot]) } else { return raw }
    }

    /// True when the top-level key is `key` (`topLevel == key`, without building it).
    public func hasTopLevel(_ key: String) -> Bool {
        guard let dots = asciiDots else { return topLevel == key }
        return dots.count == 0 ? raw == key : raw.utf8[..<dots.first].elementsEqual(key.utf8)
    }

    /// The schema's top-level key this path lies within (`isWithin`), else `topLevel`. For ASCII
    /// paths the two are the same; a non-ASCII one is matched against the schema as `isWithin` would.
    var enclosingTopLevel: String {
        if asciiDots != nil { return topLevel }
        return FieldSchema.cluster.first { isWithin(FieldPath(unchecked: $0.name)) }?.name ?? topLevel
    }

    /// Where the first three dots of an ASCII path are (`count` of them found, at most 3; the others
    /// are `endIndex`). Nil when the path holds a non-ASCII byte: a dot followed by a combining mark is
    /// one Character, so such paths are split Character-wise as before. The fast path exists because
    /// `parent`, `isMapEntry` and `isWithin` run for every entry of every document a refresh compares.
    private var asciiDots: (count: Int, first: String.Index, second: String.Index, third: String.Index)? {
        let utf8 = raw.utf8
        let scanned = utf8.withContiguousStorageIfAvailable { bytes -> (Int, Int, Int, Int)? in
            var count = 0
            var dots = (bytes.count, bytes.count, bytes.count)
            for (i, byte) in bytes.enumerated() {
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: "."), count < 3 {
                    switch count {
                    case 0: dots.0 = i
                    case 1: dots.1 = i
                    default: dots.2 = i
                    }
                    count += 1
                }
            }
            return (count, dots.0, dots.1, dots.2)
        }
        // A string without contiguous UTF-8 (bridged) takes the Character-wise path.
        guard let found = scanned, let (count, a, b, c) = found else { return nil }
        let start = utf8.startIndex
        return (count, utf8.index(start, offsetBy: a), utf8.index(start, offsetBy: b), utf8.index(start, offsetBy: c))
    }

    /// The path with `key` appended (`tags` + `env`).
    public func appending(_ key: String) -> FieldPath { FieldPath(unchecked: raw + "." + key) }

    /// The enclosing path (`tags` for `tags.env`, `nodeGroups.ng1` for `nodeGroups.ng1.labels`),
    /// nil for a top-level key. Map keys may contain dots, so this follows the schema.
    public var parent: FieldPath? {
        if let dots = asciiDots {
            guard dots.count > 0 else { return nil }
            let head = raw.utf8[..<dots.first]
            if head.elementsEqual("nodeGroups".utf8) {
                switch dots.count {
                case 1: return FieldPath(unchecked: "nodeGroups")
                case 2: return FieldPath(unchecked: String(raw[..<dots.second]))
                default: return FieldPath(unchecked: String(raw[..<dots.third]))
                }
            }
            return FieldPath(unchecked: String(raw[..<dots.first]))
        }
        let parts = raw.split(separator: ".", maxSplits: 3, omittingEmptySubsequences: false)
        switch (parts.first, parts.count) {
        case (_, 1): return nil
        case ("nodeGroups", 2), ("tags", _): return FieldPath(unchecked: String(parts[0]))
        case ("nodeGroups", 3): return FieldPath(unchecked: "nodeGroups.\(parts[1])")
        case ("nodeGroups", _): return FieldPath(unchecked: "nodeGroups.\(parts[1]).\(parts[2])")
        default: return FieldPath(unchecked: String(parts[0]))
        }
    }

    /// True when `self` is `other` or lies inside it. A map entry has no children, whatever dots
    /// its key holds: `tags.team.owner` is a tag of its own, not inside the tag `team`.
    public func isWithin(_ other: FieldPath) -> Bool {
        if raw == other.raw { return true }
        // The byte after the prefix first: it rules out most paths without comparing strings.
        let utf8 = raw.utf8, count = other.raw.utf8.count
        guard utf8.count > count, utf8[utf8.index(utf8.startIndex, offsetBy: count)] == UInt8(ascii: "."),
              raw.hasPrefix(other.raw) else { return false }
        return !other.isMapEntry
    }

    /// True for one entry of a map: `tags.KEY`, `nodeGroups.NAME.labels.KEY`, `nodeGroups.NAME.tags.KEY`.
    public var isMapEntry: Bool {
        // A top-level key (no dot) never is; answering without splitting keeps `isWithin` cheap when a
        // whole document is replaced, one top-level key at a time.
        if let dots = asciiDots {
            guard dots.count > 0 else { return false }
            let head = raw.utf8[..<dots.first]
            if head.elementsEqual("tags".utf8) { return true }
            guard dots.count == 3, head.elementsEqual("nodeGroups".utf8) else { return false }
            return FieldSchema.nodeGroupField(String(raw[raw.utf8.index(after: dots.second)..<dots.third]))?.kind == .map
        }
        guard raw.utf8.contains(UInt8(ascii: ".")) else { return false }
        let parts = raw.split(separator: ".", maxSplits: 3, omittingEmptySubsequences: false)
        switch parts.first {
        case "tags": return parts.count >= 2
        case "nodeGroups": return parts.count == 4 && FieldSchema.nodeGroupField(String(parts[2]))?.kind == .map
        default: return false
        }
    }

    /// True when one of the two paths lies within the other: a path touches its parents and children.
    public func touches(_ other: FieldPath) -> Bool { isWithin(other) || other.isWithin(self) }

    /// The field this path names, for leaves and containers alike.
    public var field: FieldSpec? {
        let parts = raw.split(separator: ".", maxSplits: 3, omittingEmptySubsequences: false)
        guard let top = FieldSchema.clusterField(String(parts[0])) else { return nil }
        switch (top.kind, parts.count) {
        case (_, 1): return top
        case (.map, _): return FieldSpec(String(parts[1...].joined(separator: ".")), .string)
        case (.nodeGroups, 2): return FieldSpec(String(parts[1]), .map)
        case (.nodeGroups, 3): return FieldSchema.nodeGroupField(String(parts[2]))
        case (.nodeGroups, _):
            return FieldSpec(String(parts[3]), .string)
        default: return nil
        }
    }

    /// The node group this path lies in, if any.
    public var nodeGroupName: String? {
        let parts = raw.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count >= 2 && parts[0] == "nodeGroups" ? String(parts[1]) : nil
    }

    public static func < (lhs: FieldPath, rhs: FieldPath) -> Bool { lhs.raw < rhs.raw }

    public init(from decoder: Decoder) throws {
        raw = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }
}

/// A field path that does not name a field of `EKSClusterConfigSpec`.
public struct FieldPathError: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "invalid field path \"\(path)\": \(reason)" }
}
