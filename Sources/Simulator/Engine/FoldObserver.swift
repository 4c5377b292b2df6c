import ClusterStateMachine

/// Watches a run's fold as it happens: each event with AWS as it was before it, and each value an
/// event stores on a surface. Lets a checker work without keeping the log. (AWS alone, not the
/// whole state: handing over the state would copy all of it for every event.)
public protocol FoldObserver: AnyObject {
    func folding(_ event: TimedEvent, before aws: AWSClusterState)
    func stored(_ observation: StoreObservation)
}
