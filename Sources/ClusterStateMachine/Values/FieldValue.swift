/// One value stored at a field path.
///
/// Leaves hold scalars or string lists; `container` marks a map or list that exists (a managed
/// `tags` map, a node group, the `nodeGroups` list) whose contents live at child paths.
public enum FieldValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case string(String)
    case strings([String])
    case container

    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var intValue: Int? { if case .int(let i) = self { i } else { nil } }
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var stringsValue: [String]? { if case .strings(let s) = self { s } else { nil } }

    public var description: String {
        switch self {
        case .bool(let b): "\(b)"
        case .int(let i): "\(i)"
        case .string(let s): s
        case .strings(let s): "[" + s.joined(separator: ", ") + "]"
        case .container: "{…}"
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let b = try? container.decode(Bool.self) { self = .bool(b) }
        else if let i = try? container.decode(Int.self) { self = .int(i) }
        else if let s = try? container.decode(String.self) { self = .string(s) }
        else if let s = try? container.decode([String].self) { self = .strings(s) }
        else if (try? container.decode([String: Int].self)) != nil { self = .container }
        else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a field value")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .string(let s): try container.encode(s)
        case .strings(let s): try container.encode(s)
        case .container: try container.encode([String: Int]())
        }
    }
}
