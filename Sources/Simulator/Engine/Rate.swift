import ClusterStateMachine

/// How a work item's time moves with the swept variables: `at = base + x·d₁ + y·d₂`.
///
/// A moved step's work moves at rate 1 with its offset; a parameter moves the work it governs by a
/// multiple of its change (the k-th timer tick moves by k·Δ when `eksRefresh` grows by Δ); work
/// scheduled relative to other work inherits its rate. A second moved step is the `y` variable.
public struct Rate: Hashable, Sendable, Comparable {
    public var x: Int64
    public var y: Int64

    public init(x: Int64 = 0, y: Int64 = 0) {
        self.x = x
        self.y = y
    }

    public static let zero = Rate()

    public static func + (a: Rate, b: Rate) -> Rate { Rate(x: a.x + b.x, y: a.y + b.y) }
    public static func - (a: Rate, b: Rate) -> Rate { Rate(x: a.x - b.x, y: a.y - b.y) }
    public static func < (a: Rate, b: Rate) -> Bool { (a.x, a.y) < (b.x, b.y) }
}
