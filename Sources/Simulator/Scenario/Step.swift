import ClusterStateMachine

/// One thing that happens at an offset: a person's edit, or a fault.
public struct Step: Hashable, Sendable {
    public var at: SimTime
    public var actor: Actor
    public var action: StepAction
    /// Where the step is written, for messages.
    public var line: Int

    public init(at: SimTime, actor: Actor, action: StepAction, line: Int) {
        self.at = at
        self.actor = actor
        self.action = action
        self.line = line
    }
}

/// What a step does.
public enum StepAction: Hashable, Sendable {
    /// A person's change: `set` paths to values, then `unset` paths (rancher and console steps).
    case edit(set: [(FieldPath, WriteValue)], unset: [FieldPath])
    /// `actor: operator, down: 2m`: the eks-operator processes nothing for this long.
    case operatorDown(SimTime)
    /// `actor: aws, failNextUpdate: true`: the next accepted update ends Failed.
    case failNextUpdate
    /// `actor: aws, platformUpdate: 5m`: EKS patches the platform, holding the update lock, unseen.
    case platformUpdate(SimTime)
    /// `actor: aws, throttle: {operation: DescribeCluster, ratePerSecond: 1, burst: 2, for: 10m}`.
    case throttle(operation: String, ratePerSecond: Double, burst: Double, duration: SimTime)

    public static func == (lhs: StepAction, rhs: StepAction) -> Bool {
        switch (lhs, rhs) {
        case let (.edit(s1, u1), .edit(s2, u2)):
            s1.map(\.0) == s2.map(\.0) && s1.map(\.1) == s2.map(\.1) && u1 == u2
        case let (.operatorDown(a), .operatorDown(b)): a == b
        case (.failNextUpdate, .failNextUpdate): true
        case let (.platformUpdate(a), .platformUpdate(b)): a == b
        case let (.throttle(o1, r1, b1, d1), .throttle(o2, r2, b2, d2)): o1 == o2 && r1 == r2 && b1 == b2 && d1 == d2
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .edit(let set, let unset):
            hasher.combine(set.map(\.0))
            hasher.combine(set.map(\.1))
            hasher.combine(unset)
        case .operatorDown(let d): hasher.combine(d)
        case .failNextUpdate: hasher.combine(1)
        case .platformUpdate(let d): hasher.combine(d)
        case .throttle(let o, let r, let b, let d):
            hasher.combine(o); hasher.combine(r); hasher.combine(b); hasher.combine(d)
        }
    }

    /// The paths an edit changes, in file order.
    public var paths: [FieldPath] {
        if case .edit(let set, let unset) = self { return set.map(\.0) + unset }
        return []
    }
}
