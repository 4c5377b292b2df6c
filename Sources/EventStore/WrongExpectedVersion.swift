/// An append was refused because the stream's version was not the one expected; nothing was written.
public struct WrongExpectedVersion: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stream the append targeted.
    public let streamId: String
    /// What the caller expected.
    public let expected: ExpectedVersion
    /// The stream's actual version, or nil when the stream does not exist.
    public let actual: Int64?

    /// Creates the error (the store throws it; fakes may too).
    public init(streamId: String, expected: ExpectedVersion, actual: Int64?) {
        self.streamId = streamId
        self.expected = expected
        self.actual = actual
    }

    public var description: String {
        let found = actual.map { "it is at version \($0)" } ?? "it does not exist"
        return "wrong expected version for stream '\(streamId)': expected \(expected), but \(found); nothing was appended"
    }
}
