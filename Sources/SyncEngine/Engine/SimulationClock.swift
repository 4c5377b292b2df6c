import ClusterStateMachine

/// The only way the sync engine learns the time: the simulator's virtual clock.
public protocol SimulationClock {
    /// Milliseconds since the scenario's start.
    var now: SimTime { get }
    /// The scenario's start as Unix seconds (UTC), for wall-clock-aligned cron schedules.
    var startEpochSeconds: Int64 { get }
}
