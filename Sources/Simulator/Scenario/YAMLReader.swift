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
                throw error(keyNode, "\(what): unknown key \"\(key)\"\(Suggestion.expected(key, among: allowed, list: "one of " + allowed.joined(separator: ", ")))")
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

    /// A whole number up to `limit` (`maximumNumber` unless told); negative numbers are the caller's to refuse.
    public func int(_ node: Node, _ what: String, upTo limit: Int = YAMLReader.maximumNumber) throws(ScenarioError) -> Int {
        guard case .scalar(let s) = node, let i = node.int else {
            if case .scalar(let s) = node, Self.isWholeNumber(s.string) {
                throw error(node, "\(what): \(s.string) is too large; expected a whole number up to \(limit)")
            }
            throw error(node, "\(what): expected a whole number")
        }
        guard i <= limit && i >= -limit else {
            throw error(node, "\(what): \(s.string) is too large; expected a whole number up to \(limit)")
        }
        return i
    }

    /// A finite number up to `maximumNumber` (`.inf` and `.nan` are YAML numbers, but not rates).
    public func number(_ node: Node, _ what: String) throws(ScenarioError) -> Double {
        guard case .scalar(let s) = node, let d = node.float ?? node.int.map(Double.init) else {
            throw error(node, "\(what): expected a number")
        }
        guard d.isFinite, abs(d) <= Double(Self.maximumNumber) else {
            throw error(node, "\(what): \(s.string) is not a number up to \(Self.maximumNumber)")
        }
        return d
    }

    /// The largest whole number a scenario may write (sizes, rates, seconds): a million.
    public static let maximumNumber = 1_000_000

    static func isWholeNumber(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A duration like `90s`, `2m30s`, `1h5m`, `250ms`, at most `DurationText.maximum`;
    /// `allowNegative` accepts a leading `-`.
    public func duration(_ node: Node, _ what: String, allowNegative: Bool = false) throws(ScenarioError) -> SimTime {
        let text = try string(node, what)
        switch DurationText.parse(text, allowNegative: allowNegative) {
        case .success(let d): return d
        case .failure(.negative):
            let kind = what.hasSuffix(".at") ? "an offset from the start" : "a duration"
            throw error(node, "\(what): \"\(text)\" is negative; expected \(kind) like 90s, 2m30s, 1h5m, 250ms")
        case .failure(.tooLong):
            throw error(node, "\(what): \"\(text)\" is too long; expected a duration \(DurationText.limitText)")
        case .failure(.notADuration):
            throw error(node, "\(what): \"\(text)\" is not a duration; expected one like 90s, 2m30s, 1h5m, 250ms")
        }
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
