import ClusterStateMachine

/// Something that happened at a moment, drawn as a glyph in its lane with a short label (the
/// whole story in its tooltip). A burst of like events merged into one mark has several times.
public struct TimelineMark: Sendable {
    /// The shape drawn.
    public enum Glyph: String, Sendable {
        /// A person's write.
        case write
        /// A change to Spec.EKSConfig (Rancher edit or refresher sync).
        case change
        /// A refresher tick.
        case tick
        /// A component doing something (a push, a call, a status).
        case action
        /// A call AWS refused.
        case error
        /// A fault a scenario injected.
        case fault
        /// The state at offset 0.
        case initial
        /// Where a clobber's stale value was read.
        case staleRead
    }

    /// How loudly it is drawn.
    public enum Emphasis: String, Sendable {
        case normal
        /// A person's write that is lost at the end.
        case lost
        /// A person's write AWS refused (not lost).
        case refused
        /// A person's write that was reverted for a while but survived.
        case reverted
        /// The action that destroyed a person's value.
        case clobber
        /// Bookkeeping, drawn quietly.
        case quiet
    }

    public var lane: TimelineLane
    /// When it happened; several times for a merged burst, in order.
    public var times: [SimTime]
    public var glyph: Glyph
    public var label: String
    /// The tooltip: every detail, one line per event.
    public var detail: String
    public var color: String
    public var emphasis: Emphasis
    /// `data-*` attributes (without the prefix) that name what the mark shows, for tools and tests.
    public var data: [(String, String)]
    /// Marks with the same key next to each other in a lane are merged into one (nil: never).
    public var mergeKey: String?
    /// The indexes in the run's log of the events it shows.
    public var events: [Int]

    public var at: SimTime { times[0] }

    public init(lane: TimelineLane, at: SimTime, glyph: Glyph, label: String, detail: String, color: String,
                emphasis: Emphasis = .normal, data: [(String, String)] = [], mergeKey: String? = nil, event: Int? = nil) {
        self.lane = lane
        self.times = [at]
        self.glyph = glyph
        self.label = label
        self.detail = detail
        self.color = color
        self.emphasis = emphasis
        self.data = data
        self.mergeKey = mergeKey
        self.events = event.map { [$0] } ?? []
    }
}
