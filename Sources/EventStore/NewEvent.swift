import Foundation

/// An encoded event about to be appended to a stream.
public struct NewEvent: Sendable, Hashable {
    /// The stable type name of the event.
    public var type: String
    /// The schema version of this event type's payload.
    public var schemaVersion: Int
    /// The payload, JSON encoded (stored as TEXT, byte for byte).
    public var data: Data
    /// Time, actor, causation and run of the event.
    public var metadata: EventMetadata

    /// Creates an event to append.
    public init(type: String, schemaVersion: Int, data: Data, metadata: EventMetadata) {
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
        self.metadata = metadata
    }
}
