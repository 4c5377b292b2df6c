/// What an append expects the stream's current version to be (optimistic concurrency).
public enum ExpectedVersion: Sendable, Hashable, CustomStringConvertible {
    /// Append whatever the stream's version is, creating the stream if needed.
    case any
    /// The stream must not exist yet (it has no events).
    case noStream
    /// The stream's last event must have exactly this version; `.exact(0)` means the same as `.noStream`.
    case exact(Int64)

    /// Whether a stream whose current version is `actual` (nil: no stream) satisfies this expectation.
    public func isSatisfied(by actual: Int64?) -> Bool {
        switch self {
        case .any: return true
        case .noStream: return actual == nil
        case .exact(let version): return (actual ?? 0) == version
        }
    }

    public var description: String {
        switch self {
        case .any: return "any version"
        case .noStream: return "no stream"
        case .exact(let version): return "version \(version)"
        }
    }
}
