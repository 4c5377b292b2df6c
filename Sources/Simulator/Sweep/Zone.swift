import ClusterStateMachine

/// A zone of two integer offsets (d₁, d₂): a convex set given by difference constraints
/// `xᵢ − xⱼ ≤ c` over x₀ = 0, x₁ = d₁, x₂ = d₂, stored as a 3×3 difference-bound matrix and kept
/// canonical (Floyd–Warshall) so each bound is tight (UPPAAL's DBMs, Bengtsson & Yi 2004).
/// Integer bounds need no strictness flags: `x < c` is `x ≤ c − 1`.
public struct Zone: Hashable, Sendable {
    /// `bound[i][j]`: xᵢ − xⱼ ≤ bound[i][j]; `Zone.unbounded` when there is no constraint.
    public private(set) var bound: [[SimTime]]

    static let unbounded = SimTime.max / 4

    /// The rectangle `[from₁, to₁) × [from₂, to₂)`.
    public init(x: Range<SimTime>, y: Range<SimTime>) {
        bound = Array(repeating: Array(repeating: Self.unbounded, count: 3), count: 3)
        for i in 0..<3 { bound[i][i] = 0 }
        bound[1][0] = x.upperBound - 1
        bound[0][1] = -x.lowerBound
        bound[2][0] = y.upperBound - 1
        bound[0][2] = -y.lowerBound
        canonicalize()
    }

    /// Adds `xᵢ − xⱼ ≤ c`.
    public mutating func constrain(_ i: Int, _ j: Int, _ c: SimTime) {
        guard c < bound[i][j] else { return }
        bound[i][j] = c
        canonicalize()
    }

    public func constrained(_ i: Int, _ j: Int, _ c: SimTime) -> Zone {
        var z = self
        z.constrain(i, j, c)
        return z
    }

    /// True when no integer point satisfies the constraints (a negative cycle).
    public var isEmpty: Bool { (0..<3).contains { bound[$0][$0] < 0 } }

    /// The smallest point: least d₁, then least d₂ for it.
    public var smallestPoint: (SimTime, SimTime) {
        let d1 = -bound[0][1]
        let line = constrained(1, 0, d1)
        return (d1, -line.bound[0][2])
    }

    public func contains(_ d1: SimTime, _ d2: SimTime) -> Bool {
        let x = [0, d1, d2]
        return (0..<3).allSatisfy { i in (0..<3).allSatisfy { j in x[i] - x[j] <= bound[i][j] } }
    }

    /// The constraints of `self` that cut something off `other`, each as (i, j, c).
    var constraints: [(Int, Int, SimTime)] {
        var out: [(Int, Int, SimTime)] = []
        for i in 0..<3 { for j in 0..<3 where i != j && bound[i][j] < Self.unbounded { out.append((i, j, bound[i][j])) } }
        return out
    }

    /// `self` minus `other`, as disjoint zones: for each constraint cₖ of `other`, the part of
    /// `self` that meets c₁ … cₖ₋₁ and breaks cₖ.
    public func subtracting(_ other: Zone) -> [Zone] {
        var out: [Zone] = []
        var rest = self
        for (i, j, c) in other.constraints where !rest.isEmpty {
            let outside = rest.constrained(j, i, -c - 1)
            if !outside.isEmpty { out.append(outside) }
            rest.constrain(i, j, c)
        }
        return out
    }

    /// The smallest zone holding both (each bound the looser of the two).
    public func hull(_ other: Zone) -> Zone {
        var z = self
        for i in 0..<3 { for j in 0..<3 { z.bound[i][j] = max(bound[i][j], other.bound[i][j]) } }
        return z
    }

    private mutating func canonicalize() {
        for k in 0..<3 { for i in 0..<3 { for j in 0..<3 where bound[i][k] < Self.unbounded && bound[k][j] < Self.unbounded {
            bound[i][j] = min(bound[i][j], bound[i][k] + bound[k][j])
        } } }
    }

    /// The zone's corners as real points, counter-clockwise (for drawing): the rectangle of its
    /// d₁ and d₂ bounds, each integer point taken as its unit cell, cut by the diagonal bounds.
    public var polygon: [(Double, Double)] {
        guard !isEmpty else { return [] }
        let x0 = Double(-bound[0][1]), x1 = Double(bound[1][0] + 1)
        let y0 = Double(-bound[0][2]), y1 = Double(bound[2][0] + 1)
        var poly = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        // d₁ − d₂ ≤ c (cells: x − y ≤ c + 1), d₂ − d₁ ≤ c.
        if bound[1][2] < Self.unbounded { poly = Self.clip(poly, a: 1, b: -1, c: Double(bound[1][2]) + 1) }
        if bound[2][1] < Self.unbounded { poly = Self.clip(poly, a: -1, b: 1, c: Double(bound[2][1]) + 1) }
        return poly
    }

    /// Sutherland–Hodgman: the part of `poly` with a·x + b·y ≤ c.
    static func clip(_ poly: [(Double, Double)], a: Double, b: Double, c: Double) -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        for k in poly.indices {
            let p = poly[k], q = poly[(k + 1) % poly.count]
            let fp = a * p.0 + b * p.1 - c, fq = a * q.0 + b * q.1 - c
            if fp <= 0 { out.append(p) }
            if (fp < 0 && fq > 0) || (fp > 0 && fq < 0) {
                let t = fp / (fp - fq)
                out.append((p.0 + t * (q.0 - p.0), p.1 + t * (q.1 - p.1)))
            }
        }
        return out
    }
}
