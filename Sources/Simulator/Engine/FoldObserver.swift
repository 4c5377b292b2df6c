import ClusterStateMachine

/// Watches a run's fold as it happens: each event with the state before it, and each value an
/// event stores on a surface. Lets a checker work without keeping the log.
public protocol FoldObserver: AnyObject {
    func folding(_ event: TimedEvent, before: ClusterState)
    func stored(_ observation: StoreObservation)
}
