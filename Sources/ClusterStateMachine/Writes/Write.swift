/// A person's change: one step, one field path, one value (ARCHITECTURE.md "Lost writes, precisely").
public struct Write: Hashable, Sendable, Codable {
    public var id: WriteID
    public var actor: Actor
    /// The scenario step (0-based) that made it.
    public var step: Int
    public var path: FieldPath
    /// The value written; nil for an `unset`.
    public var value: WriteValue?
    public var at: SimTime
    /// The origins the person saw when making it: the Rancher form or what DescribeCluster showed.
    public var basis: [WriteID]

    public init(id: WriteID, actor: Actor, step: Int, path: FieldPath, value: WriteValue?, at: SimTime, basis: [WriteID]) {
        self.id = id
        self.actor = actor
        self.step = step
        self.path = path
        self.value = value
        self.at = at
        self.basis = basis
    }
}

/// The value of a write as the scenario spelled it: a leaf value, or a whole map or node group.
public indirect enum WriteValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case leaf(FieldValue)
    case map([String: WriteValue])

    public var description: String {
        switch self {
        case .leaf(let v): v.description
        case .map(let m):
            "{" + m.keys.sorted().map { "\($0): \(m[$0]!)" }.joined(separator: ", ") + "}"
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let map = try? container.decode([String: WriteValue].self), !map.isEmpty {
            self = .map(map)
        } else {
            self = .leaf(try container.decode(FieldValue.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .leaf(let v): try container.encode(v)
        case .map(let m): try container.encode(m)
        }
    }
}
