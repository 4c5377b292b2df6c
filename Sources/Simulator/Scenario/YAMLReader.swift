import ClusterStateMachine
import Yams

/// Reads composed YAML nodes with errors that name the file, line and column.
public struct YAMLReader: Sendable {
    public let file: String

    public init(file: String) { self.file = file }

    public func error(_ node: Node?, _ message: String) -> ScenarioError {
        ScenarioError(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message: message)
    }

    /// The pairs of a mapping, checked against the allowed keys, without duplicates.
    public func mapping(_ node: Node, _ what: String, allowed: [String]? = nil) throws(ScenarioError) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            throw error(node, "\(what): expected a mapping (key: value)")
        }
        var seen = Set<String>()
        var result: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw error(keyNode, "\(what): keys must be plain text")
            }
            let key = scalar.string
            if let allowed, !allowed.contains(key) {
                throw error(keyNode, "\(what): unknown key \"\(key)\"; expected one of \(allowed.joined(separator: ", "))")
            }
            guard seen.insert(key).inserted else {
                throw error(keyNode, "\(what): duplicate key \"\(key)\"")
            }
            result.append((key, keyNode, value))
        }
        return result
    }

    public func sequence(_ node: Node, _ what: String) throws(ScenarioError) -> [Node] {
        guard case .sequence(let seq) = node else {
            throw error(node, "\(what): expected a list")
        }
        return Array(seq)
    }

    public func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node { return node.null != nil || (s.style == .plain && s.string.isEmpty) }
        return false
    }

    public func string(_ node: Node, _ what: String) throws(ScenarioError) -> String {
        guard case .scalar(let s) = node, !isNull(node) else {
            throw error(node, "\(what): expected text")
        }
        return s.string
    }

    public func bool(_ node: Node, _ what: String) throws(ScenarioError) -> Bool {
        guard case .scalar = node, let b = node.bool else {
            throw error(node, "\(what): expected true or false")
        }
        return b
    }

    public func int(_ node: Node, _ what: String) throws(ScenarioError) -> Int {
        guard case .scalar = node, let i = node.int else {
            throw error(node, "\(what): expected a whole number")
        }
        return i
    }

    public func number(_ node: Node, _ what: String) throws(ScenarioError) -> Double {
        guard case .scalar = node, let d = node.float ?? node.int.map(Double.init) else {
            throw error(node, "\(what): expected a number")
        }
        return d
    }

    /// A duration like `90s`, `2m30s`, `1h5m`, `250ms`; `allowNegative` accepts a leading `-`.
    public func duration(_ node: Node, _ what: String, allowNegative: Bool = false) throws(ScenarioError) -> SimTime {
        let text = try string(node, what)
        if text.hasPrefix("-") {
            guard allowNegative else {
                let kind = what.hasSuffix(".at") ? "an offset from the start" : "a duration"
                throw error(node, "\(what): \"\(text)\" is negative; expected \(kind) like 90s, 2m30s, 1h5m, 250ms")
            }
            if let d = DurationText.parse(String(text.dropFirst())) { return -d }
        } else if let d = DurationText.parse(text) {
            return d
        }
        throw error(node, "\(what): \"\(text)\" is not a duration; expected one like 90s, 2m30s, 1h5m, 250ms")
    }

    public func strings(_ node: Node, _ what: String) throws(ScenarioError) -> [String] {
        var result: [String] = []
        for item in try sequence(node, what) { result.append(try string(item, what + " item")) }
        return result
    }

    /// Any YAML value as JSON (for `expect.final`).
    public func json(_ node: Node) throws(ScenarioError) -> JSONValue {
        switch node {
        case .scalar(let s):
            if isNull(node) { return .null }
            if s.style == .plain {
                if let b = node.bool { return .bool(b) }
                if let i = node.int { return .int(Int64(i)) }
            }
            return .string(s.string)
        case .sequence(let seq):
            var items: [JSONValue] = []
            for item in seq { items.append(try json(item)) }
            return .array(items)
        case .mapping:
            var pairs: [(String, JSONValue)] = []
            for (key, _, value) in try mapping(node, "value") { pairs.append((key, try json(value))) }
            return .object(pairs)
        case .alias:
            throw error(node, "YAML aliases are not supported in scenarios")
        }
    }
}
