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

    /// Explores each profile with `budget` random runs; same seed, same result.
    public static func run(profiles: [String], budget: Int, seed: UInt64) -> ExploreResult {
        var classes: [RaceClass] = []
        var runs = 0
        for (p, profile) in profiles.enumerated() {
            // Each profile its own stream (not SplitMix's own increment, which would only shift it).
            var swarm = Swarm(seed: seed ^ (UInt64(p) &* 0xD1B5_4A32_D192_ED03), profile: profile)
            var found: Set<RaceSignature> = []
            for n in 1...max(1, budget) {
                let candidate = swarm.next()
                runs += 1
                guard let signatures = signatures(candidate) else { continue }
                for (sig, _) in signatures where !found.contains(sig) {
                    found.insert(sig)
                    classes.append(shrunk(candidate, signature: sig, profile: profile, foundAfter: n, seed: seed))
                }
            }
        }
        return ExploreResult(profiles: profiles, budget: budget, seed: seed, runs: runs, classes: classes)
    }

    /// The scenario a candidate renders to, as `simctl run` would load it.
    static func scenario(_ c: Candidate, name: String = "explore-candidate", expect: String? = nil) -> Scenario? {
        try? ScenarioLoader.parse(ScenarioText.yaml(c, name: name, expect: expect), path: "\(name).yaml")
    }

    /// The classes a candidate shows, each with its lost write; nil when the file does not load.
    static func signatures(_ c: Candidate) -> [(RaceSignature, LostWrite)]? {
        guard let s = scenario(c), let result = settledRun(s) else { return nil }
        return RaceSignature.of(result)
    }

    static func shrunk(_ c: Candidate, signature: RaceSignature, profile: String, foundAfter: Int, seed: UInt64) -> RaceClass {
        var shrinker = Shrinker(signature: signature) { cand in
            guard let s = scenario(cand), let result = settledRun(s) else { return nil }
            return RaceSignature.of(result).map(\.0)
        }
        let small = shrinker.shrink(c)
        let s = scenario(small)!
        let result = Simulation(scenario: s).run()
        let findings = RaceSignature.of(result)
        let lost = findings.map { ExpectedLostWrite(actor: $0.1.write.actor, field: $0.1.write.path) }.sorted()
        let victim = findings.first { $0.0 == signature }!.1
        // The decisive step: the Rancher edit that made the push, else the victim's own step.
        let decisive = findings.first { $0.0 == signature }.flatMap { _ in
            result.log.compactMap { e -> Write? in
                if case .writeMade(let x) = e.event, x.actor == .rancher, x.id != victim.write.id, x.at >= victim.write.at,
                   x.at <= (victim.firstClobber ?? victim.finalClobber)?.at ?? 0 { return x }
                return nil
            }.last?.step
        } ?? victim.write.step
        let at = s.steps[decisive].at
        let sweep = Sweep.run(s, step: decisive, from: -at, to: 10 * .minute, maxEvents: eventCap)
        return RaceClass(signature: signature, profile: profile, foundAfter: foundAfter, seed: seed, original: c, shrunk: small,
                         shrinkTries: shrinker.tries, lostWrites: lost, explanation: victim.explanation,
                         decisiveStep: decisive, windows: sweep)
    }
}

/// The outcome of an exploration.
public struct ExploreResult: Sendable {
    public var profiles: [String]
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
    public var explanation: String
    /// The step whose timing decides it, and its exact windows.
    public var decisiveStep: Int
    public var windows: SweepResult
}
