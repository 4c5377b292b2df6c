/// A figure the bench is expected to reach (issue 7), and whether it did.
public struct BenchTarget: Sendable {
    /// The figure's JSON key, like `fold.eventsPerSec`.
    public var key: String
    public var value: Double
    public var target: Double
    /// True when the figure must stay at or below the target (a time), false when at or above (a rate).
    public var atMost: Bool

    public var met: Bool { atMost ? value <= target : value >= target }
}
