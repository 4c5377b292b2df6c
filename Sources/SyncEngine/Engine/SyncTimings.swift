import ClusterStateMachine

/// Every timing constant of the sync engine, named, with the real value as default
/// (reference §2.1, §4.1, §4.3 and §8).
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
    /// lasso's other limiter (the max of the two applies): after this many consecutive failures ...
    public var operatorErrorFastRetries: Int = 30
    /// ... every retry waits this long (`NewItemFastSlowRateLimiter(1 ms, 2 min, 30)`).
    public var operatorErrorSlow: SimTime = 2 * .minute
    /// client-go's `DefaultControllerRateLimiter` cap, used by releases that pin a lasso before
    /// 202b992 (`rancherLimiterCap1000s`, `operatorLimiterCap1000s`). Its 10 qps / 100 burst bucket
    /// is shared by all keys and never binds for one cluster, so it is not modeled.
    public var clientGoErrorCap: SimTime = 1000 * .second
    /// A handler that got a 409 Conflict is retried by `AddRateLimited` after about this long.
    public var conflictRetry: SimTime = 5
    /// The bridge waits this long for a non-active phase after a push, then records AppliedSpec.
    public var bridgeWatchTimeout: SimTime = 10 * .second
    /// The bridge's `EnqueueAfter(5 s)` while creating or updating.
    public var bridgeRequeue: SimTime = 5 * .second
    /// From a `Spec.EKSConfig` change to the bridge's handler running. [inference]
    public var bridgeLatency: SimTime = 50

    public init() {}

    /// lasso's rate limiter after `failures` earlier consecutive failures: the max of the
    /// exponential limiter (base · 2^failures, capped) and the fast/slow limiter (reference §2.1).
    ///
    /// With `clientGoDefault` (lasso before 202b992): 5 ms · 2^failures up to 1000 s, nothing else.
    public func operatorErrorDelay(failures: Int, clientGoDefault: Bool = false) -> SimTime {
        let exponent = max(0, failures)
        let cap = clientGoDefault ? clientGoErrorCap : operatorErrorCap
        var exponential = cap
        if exponent < 40 {
            let (value, overflow) = operatorErrorBase.multipliedReportingOverflow(by: SimTime(1) << SimTime(exponent))
            if !overflow { exponential = min(cap, value) }
        }
        if clientGoDefault { return exponential }
        let fastSlow: SimTime = exponent + 1 <= operatorErrorFastRetries ? 1 : operatorErrorSlow
        return max(exponential, fastSlow)
    }
}
