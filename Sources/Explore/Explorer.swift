import ClusterStateMachine
import Simulator
import SyncEngine

/// `simctl explore`: finds race classes from scratch, shrinks each, and writes it as a scenario.
public enum Explorer {
    /// The profile explored when none is given: the last release of the cron era.
    public static let defaultProfile = "rancher-2.5.7"

    /// A candidate that has not settled after this many events is an operator stuck in a retry
    /// loop (a downgrade refused forever, a labels-only edit before eks-operator v1.0.10), not a
    /// race: it is dropped instead of being run to the simulator's 200,000-event cap.
    static let eventCap = 3_000

    /// The candidate's run when it settles within `eventCap` events.
    static func settledRun(_ s: Scenario) -> RunResult? {
        let result = Simulation(scenario: s, options: RunOptions(maxEvents: eventCap)).run()
        return result.settled ? result : nil
    }

    /// Explores each profile with `budget` random runs, under `policy` (nil: Rancher as released);
    /// same seed, same result. Each class's shrunk scenario is then run under every other policy
    /// to tell which of them close it.
    public static func run(profiles: [String], budget: Int, seed: UInt64, policy: SyncPolicy? = nil) -> ExploreResult {
        var classes: [RaceClass] = []
        var runs = 0
        let explored = policy ?? .rancher
        for (p, profile) in profiles.enumerated() {
            // Each profile its own stream (not SplitMix's own increment, which would only shift it).
            var swarm = Swarm(seed: seed ^ (UInt64(p) &* 0xD1B5_4A32_D192_ED03), profile: profile,
                              policy: explored == .rancher ? nil : explored.rawValue)
            var found: Set<RaceSignature> = []
            for n in 1...max(1, budget) {
                let candidate = swarm.next()
                runs += 1
                guard let signatures = signatures(candidate) else { continue }
                for (sig, _) in signatures where !found.contains(sig) {
                    found.insert(sig)
                    var c = shrunk(candidate, signature: sig, profile: profile, foundAfter: n, seed: seed)
                    c.closedBy = SyncPolicy.allCases.filter { $0 != explored && closes($0, c) }.map(\.rawValue)
                    classes.append(c)
                }
            }
        }
        return ExploreResult(profiles: profiles, policy: policy?.rawValue, budget: budget, seed: seed, runs: runs, classes: classes)
    }

    /// The scenario a candidate renders to, as `simctl run` would load it.
    static func scenario(_ c: Candidate, name: String = "explore-candidate", expect: String? = nil) -> Scenario? {
        try? ScenarioLoader.parse(ScenarioText.yaml(c, name: name, expect: expect), path: "\(name).yaml")
    }

    /// The classes a candidate shows, each with what showed it; nil when the file does not load or
    /// the run does not settle.
    static func signatures(_ c: Candidate) -> [(RaceSignature, RaceFinding)]? {
        guard let s = scenario(c), let result = settledRun(s) else { return nil }
        return RaceSignature.of(result)
    }

    /// True when the class's shrunk scenario, run under `policy`, settles clean: the class is gone
    /// and nothing is lost, changed unasked or reverted by the policy's design instead.
    static func closes(_ policy: SyncPolicy, _ c: RaceClass) -> Bool {
        var variant = c.shrunk
        variant.policy = policy == .rancher ? nil : policy.rawValue
        guard let s = scenario(variant), let result = settledRun(s) else { return false }
        let findings = LostWriteChecker.check(result)
        return findings.lost.isEmpty && findings.unrequestedChanges.isEmpty && findings.revertedByPolicy.isEmpty
    }

    static func shrunk(_ c: Candidate, signature: RaceSignature, profile: String, foundAfter: Int, seed: UInt64) -> RaceClass {
        var shrinker = Shrinker(signature: signature) { cand in signatures(cand)?.map(\.0) }
        let small = shrinker.shrink(c)
        let s = scenario(small)!
        let result = Simulation(scenario: s).run()
        let findings = RaceSignature.of(result)
        var lost: [ExpectedLostWrite] = []
        var unrequested: [FieldPath] = []
        for (_, finding) in findings {
            switch finding {
            case .lost(let l): lost.append(ExpectedLostWrite(actor: l.write.actor, field: l.write.path))
            case .unrequested(let u): unrequested.append(u.field)
            }
        }
        let victim = findings.first { $0.0 == signature }!.1
        let decisive: Int
        var windows: SweepResult?
        switch victim {
        case .lost(let v):
            // The decisive step: the Rancher edit that made the push, else the victim's own step.
            decisive = result.log.compactMap { e -> Write? in
                if case .writeMade(let x) = e.event, x.actor == .rancher, x.id != v.write.id, x.at >= v.write.at,
                   x.at <= (v.firstClobber ?? v.finalClobber)?.at ?? 0 { return x }
                return nil
            }.last?.step ?? v.write.step
            let at = s.steps[decisive].at
            windows = Sweep.run(s, step: decisive, from: -at, to: 10 * .minute, maxEvents: eventCap)
        case .unrequested(let u):
            // The last fault before the change (the failed read behind it), else the last step before it.
            let before = s.steps.indices.filter { s.steps[$0].at <= u.at }
            decisive = before.last { if case .edit = s.steps[$0].action { false } else { true } } ?? before.last ?? 0
            windows = Sweep.run(s, step: decisive, from: -s.steps[decisive].at, to: 10 * .minute, maxEvents: eventCap)
        }
        return RaceClass(signature: signature, profile: profile, foundAfter: foundAfter, seed: seed, original: c, shrunk: small,
                         shrinkTries: shrinker.tries, lostWrites: lost.sorted(), unrequestedChanges: unrequested.sorted { $0.raw < $1.raw },
                         explanation: victim.explanation, decisiveStep: decisive, windows: windows)
    }
}

/// The outcome of an exploration.
public struct ExploreResult: Sendable {
    public var profiles: [String]
    /// The sync policy explored under (nil: Rancher as released).
    public var policy: String?
    public var budget: Int
    public var seed: UInt64
    /// Random runs made (shrinking and sweeps not counted).
    public var runs: Int
    public var classes: [RaceClass]
}

/// One race class: its signature, where it was found, and its shrunk scenario.
public struct RaceClass: Sendable {
    public var signature: RaceSignature
    public var profile: String
    /// The random run (1-based, per profile) that first showed it.
    public var foundAfter: Int
    public var seed: UInt64
    public var original: Candidate
    public var shrunk: Candidate
    /// Runs made while shrinking.
    public var shrinkTries: Int
    /// Every write the shrunk scenario loses.
    public var lostWrites: [ExpectedLostWrite]
    /// Every unrequested change the shrunk scenario makes (its highest changed paths).
    public var unrequestedChanges: [FieldPath]
    public var explanation: String
    /// The step whose timing decides it (for an unrequested change: the fault before it).
    public var decisiveStep: Int
    /// The sweep of the decisive step's offset: the exact windows in which writes are lost, and
    /// (`unrequestedWindows`) those in which AWS changes something nobody asked for.
    public var windows: SweepResult?
    /// The other sync policies under which the shrunk scenario settles clean (`Explorer.closes`).
    public var closedBy: [String] = []
}
