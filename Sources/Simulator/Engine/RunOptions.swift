import ClusterStateMachine

/// How to run a scenario: as written, or with one step moved (for `simctl sweep`).
public struct RunOptions: Hashable, Sendable {
    /// The step to move, and by how much (added to its `at`).
    public var movedStep: Int?
    public var offset: SimTime
    /// A run stops with `settled == false` after this many events (a flapping system).
    public var maxEvents: Int
    /// False: events are folded (and observed) but not kept in `log` (a fleet's memory).
    public var keepsLog: Bool
    /// True: no refresher tick is queued; a fleet's cron walk calls `runRefresherVisit`.
    public var refresherDrivenExternally: Bool

    public init(movedStep: Int? = nil, offset: SimTime = 0, maxEvents: Int = 200_000, keepsLog: Bool = true,
                refresherDrivenExternally: Bool = false) {
        self.movedStep = movedStep
        self.offset = offset
        self.maxEvents = maxEvents
        self.keepsLog = keepsLog
        self.refresherDrivenExternally = refresherDrivenExternally
    }
}

/// A time comparison the scheduler made between work that moves with the swept step and work
/// that does not: the outcome can only change where the two times cross.
public struct Crossing: Hashable, Sendable {
    /// The moved item's time and what it was.
    public var movingAt: SimTime
    public var moving: WorkKind
    /// The fixed item's time and what it was.
    public var fixedAt: SimTime
    public var fixed: WorkKind
}
