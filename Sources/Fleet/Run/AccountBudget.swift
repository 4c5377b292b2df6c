import ClusterStateMachine
import Simulator

/// One account+region's API front door, shared by all its clusters: a token bucket per limited
/// operation (refilled by simulated time, capped at its burst), and the count of every attempt.
///
/// Deterministic state: it changes only through `admit`, which the fleet's single loop calls in
/// its fixed order. An attempt made later than `now` (an SDK retry after its wait) is judged at its
/// own time; the bucket's clock is the latest time it was asked at, so an earlier attempt asked
/// afterwards gets no refill.
final class AccountBudget: APIBudget {
    private struct Bucket {
        var limit: RateLimit
        var tokens: Double
        var updatedAt: SimTime
    }

    private var buckets: [String: Bucket]
    let calls: CallStatistics

    init(limits: [String: RateLimit], calls: CallStatistics) {
        buckets = limits.mapValues { Bucket(limit: $0, tokens: $0.burst, updatedAt: 0) }
        self.calls = calls
    }

    func admit(_ operation: String, at: SimTime) -> Bool {
        guard var bucket = buckets[operation] else {
            calls.count(operation, at: at, throttled: false)
            return true
        }
        let elapsed = Double(max(0, at - bucket.updatedAt)) / Double(SimTime.second)
        bucket.tokens = min(bucket.limit.burst, bucket.tokens + bucket.limit.ratePerSecond * elapsed)
        bucket.updatedAt = max(bucket.updatedAt, at)
        let admitted = bucket.tokens >= 1
        if admitted { bucket.tokens -= 1 }
        buckets[operation] = bucket
        calls.count(operation, at: at, throttled: !admitted)
        return admitted
    }
}
