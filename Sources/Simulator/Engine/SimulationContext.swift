import ClusterStateMachine

/// What the modeled AWS and the people need from the running simulation: the folded state, the
/// virtual time, a way to record events (appended and folded at once) and to schedule work.
public protocol SimulationContext: AnyObject {
    /// The state folded from every event so far.
    var state: ClusterState { get }
    /// `state.aws`, without copying the rest of the state (the modeled AWS reads it on every call).
    var awsState: AWSClusterState { get }
    /// The virtual clock's time.
    var now: SimTime { get }
    /// Appends `event` to the log and folds it into `state` before returning.
    func emit(_ event: ClusterEvent, by actor: Actor)
    /// Queues work `delay` after now (the item moves with the current work in a sweep).
    func schedule(_ kind: WorkKind, after delay: SimTime)
    /// The same, for a modeled-AWS timer whose delay is the AWS parameter `timer`.
    func schedule(_ kind: WorkKind, after delay: SimTime, timer: AWSTimer?)
    /// A fresh identifier from the run's seeded generator, formatted as a UUID.
    func randomUUID() -> String
    /// A uniform draw in [0, 1) from the same generator (SDK retry jitter).
    func randomUnit() -> Double
    /// The modeled AWS compared a later attempt of the current work (an SDK retry) with the end of
    /// a throttling fault: a sweep must know, since the outcome changes where the two cross.
    func compared(attemptAt: SimTime, withFaultEndingAt until: SimTime)
}

extension SimulationContext {
    public var awsState: AWSClusterState { state.aws }

    public func compared(attemptAt: SimTime, withFaultEndingAt until: SimTime) {}

    /// A context without a generator of its own (an audit's observed run) waits the middle of the range.
    public func randomUnit() -> Double { 0.5 }
}

extension SimulationContext {
    public func schedule(_ kind: WorkKind, after delay: SimTime, timer: AWSTimer?) {
        schedule(kind, after: delay)
    }
}
