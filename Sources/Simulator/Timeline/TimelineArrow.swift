import ClusterStateMachine

/// A clobber: from where the stale value was read to the action that stored it over a person's
/// write. Clobbers with the same ends are drawn as one arrow that lists them all.
public struct TimelineArrow: Sendable {
    /// Indexes into `Findings.clobbers`.
    public var clobbers: [Int]
    public var fromLane: TimelineLane
    public var fromTime: SimTime
    public var toLane: TimelineLane
    public var toTime: SimTime
    /// The log index of the event that stored the stale value (to find its mark), if known.
    public var toEvent: Int?
    /// True when a victim of these clobbers is lost at the end (drawn red); else transient.
    public var loses: Bool
    /// The numbers (1-based, in `Findings.lost` order) of the lost writes it belongs to.
    public var lostNumbers: [Int]
    /// `actor field` of each victim write.
    public var victims: [String]
    /// When the earliest victim was written: from then (or from the stale read, if later) until
    /// the clobber, the source lane held a value that was already out of date (the stale span).
    public var victimAt: SimTime?
    public var label: String
    public var detail: String
}
