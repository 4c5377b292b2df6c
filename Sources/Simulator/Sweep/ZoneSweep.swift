import ClusterStateMachine

/// Two moved steps at once (`simctl sweep FILE --step A --step B`): the regions of offsets
/// (d₁, d₂) over which the same writes are lost, as zones.
///
/// Step A's work moves at rate (1, 0), step B's at (0, 1), other work is fixed; so every
/// comparison the scheduler makes keeps its answer while one difference constraint holds
/// (`d₁ ≤ c`, `d₂ ≥ c`, `d₁ − d₂ ≤ c`, …). One run at a point gives the zone around it where every
/// recorded comparison keeps its answer, so the outcome is the same throughout. The sweep runs at
/// the smallest point not yet covered, subtracts its zone, and repeats until the rectangle is
/// covered; zones with the same outcome whose union is convex are then merged.
public enum ZoneSweep {
    public static func run(_ scenario: Scenario, steps: (Int, Int), x: Range<SimTime>, y: Range<SimTime>,
                           maxRuns: Int = 1_000) -> ZoneSweepResult {
        let rect = Zone(x: x, y: y)
        var uncovered = [rect]
        var regions: [ZoneRegion] = []
        var runs = 0
        while let next = uncovered.first, runs < maxRuns {
            let (d1, d2) = next.smallestPoint
            let result = Simulation(scenario: scenario, options: RunOptions(
                movedStep: steps.0, offset: d1, secondStep: steps.1, secondOffset: d2)).run()
            runs += 1
            let lost = LostWriteChecker.check(result).lost.map { ExpectedLostWrite(actor: $0.write.actor, field: $0.write.path) }.sorted()
            var zone = rect
            var edges: [ZoneEdge] = []
            for c in result.crossings {
                guard let (i, j, k) = Self.constraint(c, at: (d1, d2)) else { continue }
                let before = zone.bound[i][j]
                zone.constrain(i, j, k)
                if zone.bound[i][j] < before { edges.removeAll { $0.i == i && $0.j == j }; edges.append(ZoneEdge(i: i, j: j, crossing: c)) }
                if gapIsZero(c) {
                    // A tie: the zone is the tie line itself.
                    guard let (i2, j2, k2) = Self.constraint(c, at: (d1, d2), reversed: true) else { continue }
                    zone.constrain(i2, j2, k2)
                }
            }
            precondition(zone.contains(d1, d2), "a run's zone holds its own point")
            regions.append(ZoneRegion(zone: zone, lost: lost, edges: edges))
            uncovered = uncovered.flatMap { $0.subtracting(zone) }
        }
        return ZoneSweepResult(scenario: scenario, steps: steps, x: x, y: y, regions: merged(regions), runs: runs,
                               complete: uncovered.isEmpty)
    }

    private static func gapIsZero(_ c: Crossing) -> Bool { c.otherAt == c.firstAt }

    /// The constraint that keeps `first` before `other` (strictly; on the tie line for a tie), as
    /// xᵢ − xⱼ ≤ k in absolute offsets, or nil when the two move alike or not by a difference.
    static func constraint(_ c: Crossing, at p: (SimTime, SimTime), reversed: Bool = false) -> (Int, Int, SimTime)? {
        var r = c.firstRate - c.otherRate
        var gap = c.otherAt - c.firstAt
        // The end of the run can lie before work run after it: keep whichever order holds now.
        if gap < 0 { r = Rate.zero - r; gap = -gap }
        // The order holds while rₓδ₁ + r_yδ₂ ≤ gap − 1 (≤ 0 on a tie, and ≥ 0 with `reversed`).
        var limit = gap == 0 ? 0 : gap - 1
        if reversed { r = Rate.zero - r; limit = 0 }
        let shift = r.x * p.0 + r.y * p.1
        switch (r.x, r.y) {
        case (1, 0): return (1, 0, limit + shift)
        case (-1, 0): return (0, 1, limit + shift)
        case (0, 1): return (2, 0, limit + shift)
        case (0, -1): return (0, 2, limit + shift)
        case (1, -1): return (1, 2, limit + shift)
        case (-1, 1): return (2, 1, limit + shift)
        default: return nil
        }
    }

    /// Zones with the same outcome merge while their hull holds nothing else.
    static func merged(_ regions: [ZoneRegion]) -> [ZoneRegion] {
        var out = regions
        // Merging is quadratic in zones with a subtraction per pair: beyond a few hundred zones
        // they are reported unmerged.
        guard out.count <= 300 else { return out }
        var changed = true
        while changed {
            changed = false
            outer: for a in out.indices {
                for b in out.indices where b > a && out[a].lost == out[b].lost {
                    let hull = out[a].zone.hull(out[b].zone)
                    let rest = hull.subtracting(out[a].zone).flatMap { $0.subtracting(out[b].zone) }
                    if rest.isEmpty {
                        // Each bound of the hull is a bound of one of the two; keep that one's name.
                        let edges = (out[a].edges + out[b].edges).filter { e in
                            hull.bound[e.i][e.j] < Zone.unbounded
                        }.reduce(into: [ZoneEdge]()) { kept, e in
                            let tight = [out[a], out[b]].contains { $0.zone.bound[e.i][e.j] == hull.bound[e.i][e.j] && $0.edges.contains { $0.i == e.i && $0.j == e.j && $0.crossing == e.crossing } }
                            if tight && !kept.contains(where: { $0.i == e.i && $0.j == e.j }) { kept.append(e) }
                        }
                        out[a] = ZoneRegion(zone: hull, lost: out[a].lost, edges: edges)
                        out.remove(at: b)
                        changed = true
                        break outer
                    }
                }
            }
        }
        return out.sorted { ($0.zone.smallestPoint.0, $0.zone.smallestPoint.1) < ($1.zone.smallestPoint.0, $1.zone.smallestPoint.1) }
    }
}

/// One zone of constant outcome.
public struct ZoneRegion: Sendable {
    public var zone: Zone
    public var lost: [ExpectedLostWrite]
    /// The crossing behind each tight bound, by (i, j).
    public var edges: [ZoneEdge]
}

/// The crossing that defines bound xᵢ − xⱼ of a zone.
public struct ZoneEdge: Sendable {
    public var i: Int
    public var j: Int
    public var crossing: Crossing
}

/// The result of a two-step sweep.
public struct ZoneSweepResult: Sendable {
    public var scenario: Scenario
    public var steps: (Int, Int)
    public var x: Range<SimTime>
    public var y: Range<SimTime>
    /// Every zone, lost writes or not, merged where convex.
    public var regions: [ZoneRegion]
    public var runs: Int
    /// False when the run budget ran out before the rectangle was covered.
    public var complete: Bool

    /// The zones in which some write is lost.
    public var lostRegions: [ZoneRegion] { regions.filter { !$0.lost.isEmpty } }

    /// The outcome at a point, from the zones.
    public func lost(at d1: SimTime, _ d2: SimTime) -> [ExpectedLostWrite]? {
        regions.first { $0.zone.contains(d1, d2) }?.lost
    }
}
