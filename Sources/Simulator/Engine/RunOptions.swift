import ClusterStateMachine

/// How to run a scenario: as written, or with one or two steps moved or a timing parameter
/// tracked (for `simctl sweep`).
public struct RunOptions: Hashable, Sendable {
    /// The step to move, and by how much (added to its `at`). Its work moves at rate `x`.
    public var movedStep: Int?
    public var offset: SimTime
    /// A second step to move (two-step sweeps), by `secondOffset`. Its work moves at rate `y`.
    public var secondStep: Int?
    public var secondOffset: SimTime
    /// The timing parameter being swept: the scenario already holds its value; the run records how
    /// each work item's time depends on it (rate `x`) and the comparisons between them.
    public var parameter: TimingParameter?
    /// A run stops with `settled == false` after this many events (a flapping system).
    public var maxEvents: Int
    /// False: events are folded (and observed) but not kept in `log` (a fleet's memory).
    public var keepsLog: Bool
    /// True: no refresher tick is queued; a fleet's cron walk calls `runRefresherVisit`.
    public var refresherDrivenExternally: Bool

    public init(movedStep: Int? = nil, offset: SimTime = 0, secondStep: Int? = nil, secondOffset: SimTime = 0,
                parameter: TimingParameter? = nil, maxEvents: Int = 200_000, keepsLog: Bool = true,
                refresherDrivenExternally: Bool = false) {
        self.movedStep = movedStep
        self.offset = offset
        self.secondStep = secondStep
        self.secondOffset = secondOffset
        self.parameter = parameter
        self.maxEvents = maxEvents
        self.keepsLog = keepsLog
        self.refresherDrivenExternally = refresherDrivenExternally
    }

    /// True when the run records crossings (something is swept).
    var tracksCrossings: Bool { movedStep != nil || secondStep != nil || parameter != nil }

    /// How far step `i` is moved, and the rate its work moves at.
    func shift(ofStep i: Int) -> (SimTime, Rate) {
        if movedStep == i { return (offset, Rate(x: 1)) }
        if secondStep == i { return (secondOffset, Rate(y: 1)) }
        return (0, .zero)
    }
}
