import ClusterStateMachine

/// What a component decided on one trigger: the events that happen and the work it queues.
///
/// AWS calls made while deciding are events too, but the modeled AWS records those itself, at the
/// moment of the call, so a later call in the same pass sees the effect of an earlier one.
public struct Decision: Hashable, Sendable {
    public var events: [ClusterEvent]
    public var requeues: [Requeue]

    public init(events: [ClusterEvent] = [], requeues: [Requeue] = []) {
        self.events = events
        self.requeues = requeues
    }

    public static let none = Decision()
}

/// Work a component asks for: after a delay from now, or at an absolute time.
public struct Requeue: Hashable, Sendable {
    public enum When: Hashable, Sendable {
        /// Relative to the trigger: moves with it when a sweep moves the trigger.
        case after(SimTime)
        /// An absolute time (a cron fire time): never moves.
        case at(SimTime)
    }

    public var kind: WorkKind
    public var when: When

    public init(_ kind: WorkKind, after delay: SimTime) {
        self.kind = kind
        self.when = .after(delay)
    }

    public init(_ kind: WorkKind, at time: SimTime) {
        self.kind = kind
        self.when = .at(time)
    }
}
