/// A value as stored on one surface, with its provenance.
///
/// `value == nil` is a tombstone: the key was removed (an untagged tag, a deleted node group), and
/// the removal itself carries the origin of the write that asked for it.
public struct Entry: Hashable, Sendable, Codable {
    /// The stored value, or nil for a removal.
    public var value: FieldValue?
    /// The person's write this value came from.
    public var origin: WriteID
    /// When this value was last read from its source: the write itself, or the last copy from AWS.
    /// A clobber's "stale read" is this time.
    public var readAt: SimTime

    public init(_ value: FieldValue?, origin: WriteID, readAt: SimTime) {
        self.value = value
        self.origin = origin
        self.readAt = readAt
    }

    enum CodingKeys: String, CodingKey { case value = "v", origin = "o", readAt = "r" }
}
