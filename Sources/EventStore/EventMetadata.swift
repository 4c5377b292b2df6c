/// Who caused an event, when (in simulated time), and in which run.
public struct EventMetadata: Sendable, Hashable, Codable {
    /// Simulated milliseconds since the scenario start.
    public var time: Int64
    /// The actor or component that produced the event (for example `console` or `operator`).
    public var actor: String
    /// The position of the event that caused this one, if any.
    public var causationId: Int64?
    /// The id of the run (see `RunRecord`) the event belongs to.
    public var runId: Int64

    /// Creates metadata for a new event.
    public init(time: Int64, actor: String, causationId: Int64? = nil, runId: Int64) {
        self.time = time
        self.actor = actor
        self.causationId = causationId
        self.runId = runId
    }
}
