import ClusterStateMachine

/// What a scenario says must hold after its run (`expect:`); `simctl run` exits 1 when it does not.
public struct Expectations: Hashable, Sendable {
    /// Exactly these lost writes, in any order; `[]` means none. Nil: not checked.
    public var lostWrites: [ExpectedLostWrite]?
    /// The value AWS holds at the end, per field path.
    public var final: [(path: FieldPath, value: JSONValue)]
    /// Race windows, each for one moved step (checked by running the sweep).
    public var windows: [ExpectedWindows]
    /// `settled: false` says the run is meant not to settle (a cut-short or flapping run); nil and
    /// true mean it must settle.
    public var settled: Bool?
    /// Exactly the fields of these unrequested changes (`{field: nodeGroups.ng1}`), in any order.
    public var unrequestedChanges: [FieldPath]?
    /// Exactly these Rancher edits stuck behind a failing operator, in any order.
    public var stuck: [ExpectedLostWrite]?
    /// Exactly these writes reverted by the sync policy's design (`spec-wins`, `observe-only`). Nil: not checked.
    public var revertedByPolicy: [ExpectedLostWrite]?
    /// Exactly the field paths of the conflicts the sync policy surfaced, in any order. Nil: not checked.
    public var conflictsSurfaced: [FieldPath]?

    public init(lostWrites: [ExpectedLostWrite]?, final: [(path: FieldPath, value: JSONValue)], windows: [ExpectedWindows] = [],
                settled: Bool? = nil, unrequestedChanges: [FieldPath]? = nil, stuck: [ExpectedLostWrite]? = nil) {
        self.lostWrites = lostWrites
        self.final = final
        self.windows = windows
        self.settled = settled
        self.unrequestedChanges = unrequestedChanges
        self.stuck = stuck
    }

    public static func == (lhs: Expectations, rhs: Expectations) -> Bool {
        lhs.lostWrites == rhs.lostWrites && lhs.final.map(\.path) == rhs.final.map(\.path)
            && lhs.final.map(\.value) == rhs.final.map(\.value) && lhs.windows == rhs.windows
            && lhs.settled == rhs.settled
            && lhs.unrequestedChanges == rhs.unrequestedChanges && lhs.stuck == rhs.stuck
            && lhs.revertedByPolicy == rhs.revertedByPolicy && lhs.conflictsSurfaced == rhs.conflictsSurfaced
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lostWrites)
        hasher.combine(unrequestedChanges)
        hasher.combine(stuck)
        hasher.combine(final.map(\.path))
        hasher.combine(windows)
        hasher.combine(settled)
    }
}

/// `{actor: console, field: privateAccess}`.
public struct ExpectedLostWrite: Hashable, Sendable, Comparable {
    public var actor: Actor
    public var field: FieldPath

    public init(actor: Actor, field: FieldPath) {
        self.actor = actor
        self.field = field
    }

    public static func < (a: Self, b: Self) -> Bool { (a.actor.rawValue, a.field.raw) < (b.actor.rawValue, b.field.raw) }
}

/// `expect.windows`: the exact windows of offset in which writes are lost when step N moves.
public struct ExpectedWindows: Hashable, Sendable {
    public var step: Int
    public var from: SimTime
    public var to: SimTime
    public var windows: [ExpectedWindow]
    /// `unrequested:`: the windows in which AWS changes something nobody asked for; nil when the
    /// file does not say (then they are not checked).
    public var unrequested: [ExpectedWindow]?
    /// How far each window's edges may move before the expectation fails (0: exact).
    public var tolerance: SimTime

    public init(step: Int, from: SimTime, to: SimTime, windows: [ExpectedWindow], unrequested: [ExpectedWindow]? = nil,
                tolerance: SimTime = 0) {
        self.step = step
        self.from = from
        self.to = to
        self.windows = windows
        self.unrequested = unrequested
        self.tolerance = tolerance
    }
}

/// One expected window `[from, to)` and the writes lost in it (or, in `unrequested:`, the
/// fields AWS changes unasked in it).
public struct ExpectedWindow: Hashable, Sendable {
    public var from: SimTime
    public var to: SimTime
    public var lostWrites: [ExpectedLostWrite]
    public var unrequestedChanges: [FieldPath]

    public init(from: SimTime, to: SimTime, lostWrites: [ExpectedLostWrite], unrequestedChanges: [FieldPath] = []) {
        self.from = from
        self.to = to
        self.lostWrites = lostWrites
        self.unrequestedChanges = unrequestedChanges
    }
}
