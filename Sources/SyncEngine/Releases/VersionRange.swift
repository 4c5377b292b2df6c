/// A half-open range of versions of one component, `[from, until)`; nil bounds are open.
public struct VersionRange: Hashable, Sendable, CustomStringConvertible {
    public let from: ReleaseVersion?
    public let until: ReleaseVersion?

    public init(from: ReleaseVersion? = nil, until: ReleaseVersion? = nil) {
        self.from = from
        self.until = until
    }

    /// True when `from <= version < until` (an open bound always holds).
    public func contains(_ version: ReleaseVersion) -> Bool {
        (from.map { version >= $0 } ?? true) && (until.map { version < $0 } ?? true)
    }

    /// `v1.0.1 to before v1.0.10`, `v2.5.8 on`, `before v1.9.0`.
    public var description: String {
        switch (from, until) {
        case let (from?, until?): "v\(from) to before v\(until)"
        case let (from?, nil): "v\(from) on"
        case let (nil, until?): "before v\(until)"
        case (nil, nil): "every version"
        }
    }
}
