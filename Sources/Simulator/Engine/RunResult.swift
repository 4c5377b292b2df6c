import ClusterStateMachine

/// What one run produced: the event log, the final state, and what the scheduler compared.
public struct RunResult: Sendable {
    public var scenario: Scenario
    public var options: RunOptions
    public var log: [TimedEvent]
    /// For each event, the index in `log` of the work it happened under.
    public var causes: [Int?]
    public var state: ClusterState
    /// False when the run stopped (at `until`, or after `maxEvents`) with work still to come.
    public var settled: Bool
    public var crossings: [Crossing]
    /// The time of the last work run.
    public var endedAt: SimTime

    public init(scenario: Scenario, options: RunOptions, log: [TimedEvent], causes: [Int?], state: ClusterState,
                settled: Bool, crossings: [Crossing], endedAt: SimTime) {
        self.scenario = scenario
        self.options = options
        self.log = log
        self.causes = causes
        self.state = state
        self.settled = settled
        self.crossings = crossings
        self.endedAt = endedAt
    }

    /// The RFC 3339 time of an offset.
    public func timestamp(_ t: SimTime) -> String {
        RFC3339.format(epochSeconds: scenario.startEpochSeconds, plusMilliseconds: t)
    }

    /// The clock time (`11:03:00`) of an offset.
    public func clock(_ t: SimTime) -> String {
        RFC3339.clockTime(epochSeconds: scenario.startEpochSeconds, plusMilliseconds: t)
    }
}
