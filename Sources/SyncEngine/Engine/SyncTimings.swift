import ClusterStateMachine

/// Every timing constant of the sync engine, named, with the real value as default
/// (reference §2.1, §4.3 and §8).
public struct SyncTimings: Hashable, Sendable {
    /// `EnqueueAfter(30 s)` while the operator waits on UPDATING clusters or node groups.
    public var operatorPoll: SimTime = 30 * .second
    /// `Enqueue` after a mutation: AddRateLimited with a reset counter, about 5 ms.
    public var operatorRequeue: SimTime = 5
    /// From an EKSClusterConfig write to the operator's informer handing it to a worker. [inference]
    public var operatorWatchLatency: SimTime = 50
    /// Rate-limited retries after an error: 5 ms · 2^n ...
    public var operatorErrorBase: SimTime = 5
    /// ... capped at 30 s (lasso's exponential limiter).
    public var operatorErrorCap: SimTime = 30 * .second
    /// The bridge waits this long for a non-active phase after a push, then records AppliedSpec.
    public var bridgeWatchTimeout: SimTime = 10 * .second
    /// The bridge's `EnqueueAfter(5 s)` while creating or updating.
    public var bridgeRequeue: SimTime = 5 * .second
    /// From a `Spec.EKSConfig` change to the bridge's handler running. [inference]
    public var bridgeLatency: SimTime = 50

    public init() {}
}
