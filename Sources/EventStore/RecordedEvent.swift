import Foundation

/// An event as stored: its payload plus the global position and stream version it was given.
public struct RecordedEvent: Sendable, Hashable {
    /// The global position: gapless, starting at 1, in append order across all streams.
    public var position: Int64
    /// The stream the event was appended to.
    public var streamId: String
    /// The event's version within its stream: gapless, starting at 1.
    public var streamVersion: Int64
    /// The stable type name of the event.
    public var type: String
    /// The schema version of this event type's payload.
    public var schemaVersion: Int
    /// The payload exactly as it was appended.
    public var data: Data
    /// Time, actor, causation and run of the event.
    public var metadata: EventMetadata

    /// Creates a recorded event (the store creates these; tests and fakes may too).
    public init(
        position: Int64, streamId: String, streamVersion: Int64, type: String,
        schemaVersion: Int, data: Data, metadata: EventMetadata
    ) {
        self.position = position
        self.streamId = streamId
        self.streamVersion = streamVersion
        self.type = type
        self.schemaVersion = schemaVersion
        self.data = data
        self.metadata = metadata
    }
}
