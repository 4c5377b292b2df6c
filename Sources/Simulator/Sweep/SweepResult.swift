import ClusterStateMachine

/// The exact race windows of one moved step (`simctl sweep`).
public struct SweepResult: Sendable {
    public var scenario: Scenario
    public var step: Int
    public var from: SimTime
    public var to: SimTime
    /// Every maximal interval of constant outcome, lost writes or not, in order.
    public var segments: [SweepSegment]
    /// How many simulation runs the sweep took.
    public var runs: Int

    /// The segments in which some write is lost (CONTRACT.md §4 `windows`).
    public var windows: [SweepSegment] { segments.filter { !$0.lost.isEmpty } }
}

/// `[from, to)` of offset over which the same writes are lost, with the crossings that bound it.
public struct SweepSegment: Hashable, Sendable {
    public var from: SimTime
    public var to: SimTime
    public var lost: [ExpectedLostWrite]
    /// The crossing at `from` (nil at the sweep's start) and at `to` (nil at its end).
    public var opens: SweepBoundary?
    public var closes: SweepBoundary?
}

/// Where the moved step's work crosses a fixed event: the two events that define a boundary.
public struct SweepBoundary: Hashable, Sendable {
    /// The offset at which the two times are equal.
    public var offset: SimTime
    /// What moves with the step, and how far after the step it happens.
    public var moving: WorkKind
    public var movingDelay: SimTime
    /// The fixed event and its time (at the boundary).
    public var fixed: WorkKind
    public var fixedAt: SimTime
    /// How fast each side moves with the swept variable (1 and 0 for a moved step; the k-th
    /// timer tick moves at k when `eksRefresh` is swept). "fixed" is the slower side.
    public var movingRate: Int64 = 1
    public var fixedRate: Int64 = 0
    /// Set when the boundary is where the model switches behaviour rather than a crossing.
    public var note: String? = nil
}
