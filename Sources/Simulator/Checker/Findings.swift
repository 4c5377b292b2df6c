import ClusterStateMachine

/// What the lost-write checker found in a run's log.
public struct Findings: Sendable {
    /// Writes no surface holds at the end, nor any write whose author saw them.
    public var lost: [LostWrite]
    /// Writes that were clobbered somewhere but survive at the end.
    public var transientReverts: [TransientRevert]
    /// Two people writing the same field without seeing each other: not a loss.
    public var conflicts: [Conflict]
    /// Writes AWS refused (a console step's call answered with an error).
    public var refused: [RefusedWrite]
    /// Writes whose AWS update ended Failed.
    public var failed: [Write]
    /// Writes still travelling in an InProgress AWS update when the run stopped (`until`): not
    /// judged, since the system had not settled.
    public var inFlight: [Write]
    /// Managed fields where Rancher's `Spec.EKSConfig` and AWS disagree at the end.
    public var divergence: [Divergence]
    /// Every clobber, in log order (for timelines).
    public var clobbers: [Clobber]
    /// Changes to AWS that no person's write asked for.
    public var unrequestedChanges: [UnrequestedChange]
    /// Rancher edits that never reached AWS because every operator pass fails.
    public var stuck: [StuckWrite]
    /// Writes the run's sync policy discards by design (a console change `spec-wins` reverts, a
    /// Rancher edit `observe-only` never applies): reported, not counted as lost.
    public var revertedByPolicy: [RevertedByPolicy] = []
    /// Conflicts the sync policy surfaced on the cluster instead of overwriting either side.
    public var surfacedConflicts: [SurfacedConflict] = []
}

/// A write the sync policy overwrote on purpose, with the clobber that did it.
public struct RevertedByPolicy: Sendable {
    public var write: Write
    public var clobber: Clobber?
    /// The policy, and what it promises (`SyncPolicy.realCounterpart`).
    public var policy: String
}

/// A conflict the sync policy surfaced: the field, both sides' values, and the people's writes behind
/// them (nil for a value the cluster had at the start).
public struct SurfacedConflict: Sendable {
    public var conflict: SyncConflict
    public var by: Actor
    public var at: SimTime
    public var rancherWrite: Write?
    public var awsWrite: Write?
}

/// A lost write with the first and final clobber, and a sentence a Rancher user understands.
public struct LostWrite: Sendable {
    public var write: Write
    public var firstClobber: Clobber?
    public var finalClobber: Clobber?
    public var explanation: String
}

/// A write clobbered somewhere during the run that a surface still holds at the end.
public struct TransientRevert: Sendable {
    public var write: Write
    public var clobbers: [Clobber]
}

/// Two people wrote one field without seeing each other: the field holds `winner`'s value.
public struct Conflict: Sendable {
    public var write: Write
    /// The other person's write that holds the field.
    public var winner: Write
}

/// A console write whose AWS call was refused, with the operation and AWS's answer.
public struct RefusedWrite: Sendable {
    public var write: Write
    public var operation: String
    public var error: String
}

/// A managed field where Spec.EKSConfig and AWS disagree at the end of the run.
public struct Divergence: Sendable {
    public var field: FieldPath
    public var rancher: JSONValue
    public var aws: JSONValue
}
