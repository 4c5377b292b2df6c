import ClusterStateMachine

/// What the modeled AWS and the people need from the running simulation: the folded state, the
/// virtual time, a way to record events (appended and folded at once) and to schedule work.
public protocol SimulationContext: AnyObject {
    /// The state folded from every event so far.
    var state: ClusterState { get }
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
}

extension SimulationContext {
    public func schedule(_ kind: WorkKind, after delay: SimTime, timer: AWSTimer?) {
        schedule(kind, after: delay)
    }
}
