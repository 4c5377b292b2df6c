import ClusterStateMachine

/// An AWS account's API budget that several clusters share (a fleet's token buckets).
///
/// Consulted by the modeled EKS before each attempt, in the simulation's deterministic order.
public protocol APIBudget: AnyObject {
    /// Takes a token for one call of `operation` made at `at`; false answers 429.
    func admit(_ operation: String, at: SimTime) -> Bool
}
