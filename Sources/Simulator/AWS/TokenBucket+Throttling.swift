import ClusterStateMachine

extension TokenBucket {
    /// The bucket refilled for the sim time elapsed since it was last touched, capped at `burst`.
    func refilled(at now: SimTime) -> TokenBucket {
        var next = self
        let elapsed = Double(max(0, now - updatedAt)) / Double(SimTime.second)
        next.tokens = min(burst, tokens + ratePerSecond * elapsed)
        next.updatedAt = max(updatedAt, now)
        return next
    }
}
