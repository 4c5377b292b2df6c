import ClusterStateMachine

/// Reading records: a JSON value as the type a field should have, nil when it has another.
extension JSONValue {
    var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    var boolValue: Bool? {
        switch self {
        case .bool(let b): b
        case .string(let s): s == "true" ? true : s == "false" ? false : nil
        default: nil
        }
    }
    var int64Value: Int64? {
        switch self {
        case .int(let i): i
        case .double(let d): d == d.rounded() ? Int64(d) : nil
        default: nil
        }
    }
    var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    var objectValue: [(String, JSONValue)]? { if case .object(let o) = self { o } else { nil } }
    var stringArray: [String]? { arrayValue?.compactMap(\.stringValue) }
    var stringMap: [String: String]? {
        objectValue.map { Dictionary($0.compactMap { k, v in v.stringValue.map { (k, $0) } }, uniquingKeysWith: { a, _ in a }) }
    }
}
