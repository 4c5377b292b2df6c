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

    /// The segments in which some write is lost (CONTRACT.md §4 `windows`), adjacent ones with the
    /// same lost writes as one.
    public var windows: [SweepSegment] { Self.merged(segments, by: \.lost) }

    /// The segments in which AWS refuses some write (a step that meets a lock, a limit, a no-op).
    public var refusedWindows: [SweepSegment] { Self.merged(segments, by: \.refused) }

    /// The segments in which AWS changes something nobody asked for.
    public var unrequestedWindows: [SweepSegment] { Self.merged(segments, by: \.unrequested) }

    /// Adjacent segments with the same non-empty `key` as one, from the first's opening to the last's close.
    static func merged<K: Equatable & Collection>(_ segments: [SweepSegment], by key: KeyPath<SweepSegment, K>) -> [SweepSegment] {
        var out: [SweepSegment] = []
        for segment in segments where !segment[keyPath: key].isEmpty {
            if var last = out.last, last.to == segment.from, last[keyPath: key] == segment[keyPath: key] {
                last.to = segment.to
                last.closes = segment.closes
                out[out.count - 1] = last
            } else {
                out.append(segment)
            }
        }
        return out
    }
}

/// A write AWS refused in a sweep's run: whose, which field, and the call and error code.
public struct SweepRefusal: Hashable, Sendable, Comparable {
    public var actor: Actor
    public var field: FieldPath
    public var operation: String
    /// The error's code (`ResourceInUseException`), without its message (which names update ids).
    public var code: String

    init(_ refused: RefusedWrite) {
        actor = refused.write.actor
        field = refused.write.path
        operation = refused.operation
        code = String(refused.error.prefix { $0 != ":" && $0 != " " })
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.actor.rawValue, a.field.raw, a.operation, a.code) < (b.actor.rawValue, b.field.raw, b.operation, b.code)
    }
}

/// `[from, to)` of offset over which the same writes are lost, with the crossings that bound it.
public struct SweepSegment: Hashable, Sendable {
    public var from: SimTime
    public var to: SimTime
    public var lost: [ExpectedLostWrite]
    /// The writes AWS refuses throughout the segment.
    public var refused: [SweepRefusal]
    /// The fields AWS changed with nobody asking (rancher#35804's deleted node groups) throughout.
    public var unrequested: [FieldPath] = []
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
