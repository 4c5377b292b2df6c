/// The identity of a person's write, or `initial` for the values the cluster had at offset 0.
///
/// Every stored value carries the `WriteID` it came from (its origin). Copies made by the
/// refresher, the bridge or the eks-operator pass the origin along and never mint a new one.
public struct WriteID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: Int

    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// The origin of every value the cluster had when the scenario started.
    public static let initial = WriteID(0)

    public var isInitial: Bool { rawValue == 0 }

    public var description: String { isInitial ? "initial" : "w\(rawValue)" }

    public static func < (lhs: WriteID, rhs: WriteID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
