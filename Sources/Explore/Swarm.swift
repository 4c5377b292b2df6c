import ClusterStateMachine
import Simulator
import SyncEngine

/// Swarm-style random candidates (Groce et al., ISSTA 2012): each run enables a random subset of
/// actors, field families, node group operations and faults, then draws two to four steps from
/// them, at times around refresh ticks and update durations.
struct Swarm {
    var random: SeededGenerator
    let profile: String

    /// The families of changes a person can make, by actor.
    enum Family: CaseIterable {
        case endpoint, tags, tagRemoval, logging, scaling, labels, nodegroupCreate, nodegroupDelete
    }

    enum FaultKind: CaseIterable { case operatorDown, failNextUpdate, platformUpdate, throttle }

    let policy: String?

    init(seed: UInt64, profile: String, policy: String? = nil) {
        random = SeededGenerator(seed: seed)
        self.profile = profile
        self.policy = policy
    }

    mutating func chance(_ p: Double) -> Bool { Double(random.next() % 1_000_000) / 1_000_000 < p }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }

    mutating func next() -> Candidate {
        // The swarm: which actors, families and faults this run may use.
        var actors: [Actor] = [.console, .rancher].filter { _ in chance(0.75) }
        if actors.isEmpty { actors = [pick([.console, .rancher])] }
        var families = Family.allCases.filter { _ in chance(0.5) }
        if families.isEmpty { families = [pick(Family.allCases)] }
        let faults = FaultKind.allCases.filter { _ in chance(0.15) }
        let timer = Profile.named(profile)?.refresher == .timer
        var c = Candidate(profile: profile, policy: policy, secondNodeGroup: families.contains(.nodegroupDelete) || chance(0.3), steps: [])
        if timer && chance(0.3) { c.eksRefresh = pick([60, 120, 300, 600]) }
        if timer && chance(0.3) { c.lastRefresh = -SimTime(pick([0, 60, 120, 240, 290])) * .second }
        if chance(0.3) { c.updateDurations["EndpointAccessUpdate"] = pick([30, 60, 120, 300]) * .second }
        if chance(0.2) { c.updateDurations["ConfigUpdate"] = pick([30, 60, 120]) * .second }
        if chance(0.2) { c.nodegroupCreate = pick([60, 180, 240]) * .second }
        if chance(0.2) { c.nodegroupDelete = pick([60, 120, 300]) * .second }
        if chance(0.1) { c.statusLag = pick([5, 10, 30]) * .second }

        let period = SimTime(c.eksRefresh ?? 300) * .second
        let firstTick = timer ? (c.lastRefresh ?? 0) + period : 5 * .minute
        let duration = c.updateDurations["EndpointAccessUpdate"] ?? 2 * .minute
        let count = 2 + Int(random.next() % 3)
        var at: SimTime = 0
        for _ in 0..<count {
            // Around a tick, after the previous step by about an update's duration, or just after it.
            let anchors = [firstTick + period * SimTime(random.next() % 2), at + duration, at, at + 100]
            let jitter = SimTime(Int64(random.next() % 241) - 120) * .second + (chance(0.2) ? SimTime(random.next() % 1000) : 0)
            at = max(0, pick(anchors) + jitter)
            if !faults.isEmpty && chance(0.2) {
                c.steps.append(fault(pick(faults), at: at))
                continue
            }
            let actor = pick(actors)
            c.steps.append(CandidateStep(at: at, actor: actor, action: change(pick(families), by: actor, c)))
        }
        c.steps.sort { $0.at < $1.at }
        return c
    }

    /// A fault step of `kind`.
    mutating func fault(_ kind: FaultKind, at: SimTime) -> CandidateStep {
        switch kind {
        case .operatorDown: CandidateStep(at: at, actor: .operator, action: .operatorDown(pick([30, 60, 120]) * .second))
        case .failNextUpdate: CandidateStep(at: at, actor: .aws, action: .failNextUpdate)
        case .platformUpdate: CandidateStep(at: at, actor: .aws, action: .platformUpdate(pick([60, 300]) * .second))
        case .throttle:
            // A refresher read refused: a failed ListNodegroups is rancher#35804's empty node group list.
            CandidateStep(at: at, actor: .aws, action: .throttle(pick(["DescribeCluster", "ListNodegroups"]), pick([20, 60, 400]) * .second))
        }
    }

    /// One change of `family`, as `actor` would make it.
    mutating func change(_ family: Family, by actor: Actor, _ c: Candidate) -> CandidateAction {
        let console = actor == .console
        switch family {
        case .endpoint: return .set([.init(path: "privateAccess", value: "true")])
        case .tags: return .set([.init(path: console ? "tags.owner" : "tags.env", value: console ? "alice" : "prod")])
        case .tagRemoval: return .unset(["tags.team"])
        case .logging: return .set([.init(path: "loggingTypes", value: console ? "[audit]" : "[api]")])
        case .scaling: return .set([.init(path: "nodeGroups.ng1.desiredSize", value: console ? "3" : "1")])
        case .labels: return .set([.init(path: "nodeGroups.ng1.labels.team", value: console ? "data" : "web")])
        case .nodegroupCreate:
            return .set([.init(path: console ? "nodeGroups.ng3" : "nodeGroups.ng4", value: "{desiredSize: 1, minSize: 1, maxSize: 2}")])
        case .nodegroupDelete:
            return c.secondNodeGroup ? .unset(["nodeGroups.ng2"]) : .set([.init(path: "privateAccess", value: "true")])
        }
    }
}
