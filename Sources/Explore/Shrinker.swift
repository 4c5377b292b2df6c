import ClusterStateMachine
import Simulator

/// Shrinks a candidate while it still shows one race class: fewer steps, fewer changes per step,
/// fewer node groups, default settings, rounder times. Greedy, as QuickCheck's: take the first
/// smaller candidate that still shows the class, start again, stop when none does. Every try is a
/// full run of the rendered scenario file with the real scheduler (DEMi's lesson: removing a step
/// changes the schedule). A candidate is only tried when no measure of its size grows, and at
/// least one shrinks, so shrinking terminates and never grows a scenario.
struct Shrinker {
    let signature: RaceSignature
    /// Runs a candidate and says which classes it shows (nil: the file does not load).
    let classes: (Candidate) -> [RaceSignature]?
    private(set) var tries = 0
    /// Candidates already tried (a rejected one stays rejected).
    private var seen: Set<Candidate> = []

    init(signature: RaceSignature, classes: @escaping (Candidate) -> [RaceSignature]?) {
        self.signature = signature
        self.classes = classes
    }

    mutating func shrink(_ start: Candidate) -> Candidate {
        var best = start
        var improved = true
        while improved {
            improved = false
            for next in Self.smaller(best) where next.size.fits(in: best.size) && next.size != best.size {
                guard seen.insert(next).inserted else { continue }
                tries += 1
                if classes(next)?.contains(signature) == true {
                    best = next
                    improved = true
                    break
                }
            }
        }
        return best
    }

    /// Candidates one step simpler than `c`, most ambitious first.
    static func smaller(_ c: Candidate) -> [Candidate] {
        var out: [Candidate] = []
        for i in c.steps.indices {
            var d = c
            d.steps.remove(at: i)
            out.append(d)
        }
        // Each change of a step that makes several, dropped in turn.
        func dropEach<Item>(_ items: [Item], of i: Int, as action: ([Item]) -> CandidateAction) {
            guard items.count > 1 else { return }
            for k in items.indices {
                var d = c
                var rest = items
                rest.remove(at: k)
                d.steps[i].action = action(rest)
                out.append(d)
            }
        }
        for i in c.steps.indices {
            if case .set(let changes) = c.steps[i].action { dropEach(changes, of: i) { .set($0) } }
            if case .unset(let paths) = c.steps[i].action { dropEach(paths, of: i) { .unset($0) } }
        }
        if c.secondNodeGroup && !c.steps.contains(where: { $0.action.paths.contains { $0.hasPrefix("nodeGroups.ng2") } }) {
            var d = c
            d.secondNodeGroup = false
            out.append(d)
        }
        var defaults: [Candidate] = []
        func drop(_ edit: (inout Candidate) -> Void) { var d = c; edit(&d); if d != c { defaults.append(d) } }
        drop { $0.eksRefresh = nil }
        drop { $0.lastRefresh = nil }
        drop { $0.nodegroupCreate = nil }
        drop { $0.nodegroupDelete = nil }
        drop { $0.statusLag = nil }
        for key in c.updateDurations.keys.sorted() { drop { $0.updateDurations[key] = nil } }
        out += defaults
        // Rounder times: each step to the nearest, lower and higher multiple of a coarser unit.
        for i in c.steps.indices {
            let at = c.steps[i].at
            for unit in Roundness.units where Roundness.roughness(at) > Roundness.units.firstIndex(of: unit)! {
                let down = at / unit * unit
                for t in [(at + unit / 2) / unit * unit, down, down + unit] where t >= 0 && t != at {
                    var d = c
                    d.steps[i].at = t
                    out.append(d)
                }
            }
        }
        return out
    }
}
