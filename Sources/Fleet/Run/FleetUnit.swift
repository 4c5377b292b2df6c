import ClusterStateMachine
import EventStore
import HeapModule
import Simulator
import SyncEngine

/// The clusters of one account under one combination, in one deterministic loop: every cluster
/// its own `Simulation` (the real sync engine, the modeled AWS), all on one clock, sharing the
/// account's API budget and, in the cron era, one Rancher's sequential walk.
struct FleetUnit {
    let fleet: FleetFile
    let combination: Combination
    let account: Int
    /// `--db`: every cluster's events, each cluster its own stream.
    var store: EventStore? = nil
    /// The shard this unit runs in (stored in each cluster's runs row).
    var shard = Shard.whole

    /// The global indices of this account's clusters (round-robin over the accounts).
    var clusterIndices: [Int] { Array(stride(from: account, to: fleet.clusterCount, by: fleet.accounts)) }

    /// The cluster's name: `<fleet>-<index>`, zero-padded.
    static func clusterName(_ fleet: FleetFile, _ index: Int) -> String {
        let digits = String(fleet.clusterCount - 1).count
        let n = String(index)
        return fleet.name + "-" + String(repeating: "0", count: max(0, digits - n.count)) + n
    }

    /// The period between refreshes (cron: between the first two fire times).
    var period: SimTime { combination.period(startEpochSeconds: fleet.startEpochSeconds) }

    /// People edit in [0, duration); the run goes on two periods more so their writes settle.
    var end: SimTime { fleet.duration + 2 * period }

    func run() throws -> UnitStatistics {
        let calls = CallStatistics(seconds: Int(fleet.duration / SimTime.second))
        let budget = AccountBudget(limits: fleet.rateLimits, calls: calls)
        let cron = combination.profile.refresher == .cron
        var sims: [Simulation] = []
        var observers: [ClusterObserver] = []
        for index in clusterIndices {
            let (scenario, lastRead) = self.scenario(for: index)
            let sim = Simulation(scenario: scenario, options: RunOptions(maxEvents: .max, keepsLog: false, refresherDrivenExternally: cron))
            let writer = try store.map { try StreamWriter.start(in: $0, fleet: fleet, combination: combination, shard: shard, cluster: scenario) }
            let observer = ClusterObserver(lastRead: lastRead, writer: writer)
            sim.observer = observer
            sim.awsModel.budget = budget
            sim.awsModel.refreshExtras = ReleaseCalls.extras(for: combination.profile, managed: fleet.managed)
            sim.awsModel.callLatency = fleet.callLatency
            sims.append(sim)
            observers.append(observer)
        }

        var walks = CronWalks(fleet: fleet, combination: combination, clusters: sims.count, end: end)
        var loop = FleetLoop(sims: sims)
        var restartDone = fleet.restart == nil
        while true {
            let nextCluster = loop.nextTime
            let nextWalk = walks.nextVisit
            if !restartDone, let restart = fleet.restart, restart.at <= min(nextCluster ?? .max, nextWalk ?? .max) {
                restartDone = true
                if !cron {
                    for (i, sim) in sims.enumerated() {
                        sim.postpone(.refresherTick, until: restart.at + restart.down)
                        loop.touched(i)
                    }
                }
                continue
            }
            if let w = nextWalk, w <= end, w < (nextCluster ?? .max) {
                let (clusterIndex, at) = walks.visit()
                let elapsed = sims[clusterIndex].runRefresherVisit(at: at)
                walks.visited(elapsed: elapsed)
                loop.touched(clusterIndex)
                continue
            }
            guard let t = nextCluster, t <= end else { break }
            loop.runNext()
        }

        var stats = UnitStatistics()
        stats.clusters = sims.count
        for (sim, observer) in zip(sims, observers) {
            sim.runNext()  // past the end: records whether the cluster had settled
            try observer.writer?.finish()
            let findings = observer.tally.verdict(sim.result())
            stats.writes += sim.state.writes.count
            stats.lostWrites += findings.lost.count
            stats.refusedWrites += findings.refused.count
            stats.conflicts += findings.conflicts.count
            stats.unrequestedChanges += findings.unrequestedChanges.count
            for lag in observer.lagSamples { stats.refreshLagMs.add(lag) }
        }
        stats.callsByOperation = calls.byOperation
        stats.throttledByOperation = calls.throttledByOperation
        stats.callsPerSecond = calls.perSecond
        for length in walks.lengths { stats.walkLengthsMs.add(length) }
        stats.overlappingWalks = walks.overlaps
        return stats
    }

    /// Cluster `index` as a scenario: the template renamed, the combination's release and setting,
    /// its own timer phase, workload and seed. Also when its refresher last read AWS before the run.
    func scenario(for index: Int) -> (Scenario, SimTime) {
        let name = Self.clusterName(fleet, index)
        var cluster = fleet.template
        cluster[FieldPath("displayName")] = Entry(.string(name), origin: .initial, readAt: 0)
        var refresh = RefreshSettings()
        var lastRead: SimTime = 0
        switch combination.setting {
        case .seconds(let s):
            refresh.interval = SimTime(s) * .second
            // The `ke-last-refresh` annotations of a running fleet: uniformly spread over one interval.
            var phase = FleetSeeds.generator(fleet.seed, cluster: index, .phase)
            refresh.lastRefresh = -SimTime(phase.next() % UInt64(refresh.interval))
            lastRead = refresh.lastRefresh
        case .cron(let c):
            refresh.cron = c
        }
        var workload = FleetSeeds.generator(fleet.seed, cluster: index, .workload)
        let scenario = Scenario(
            name: name, description: "", startEpochSeconds: fleet.startEpochSeconds, profile: combination.profile,
            seed: FleetSeeds.seed(fleet.seed, cluster: index, .simulation), refresh: refresh, timings: fleet.timings,
            aws: fleet.aws, cluster: cluster, managed: fleet.managed,
            steps: ClusterWorkload.steps(for: fleet, using: &workload), until: end, expect: nil,
            sourcePath: "", source: "")
        var withPolicy = scenario
        withPolicy.policy = fleet.policy ?? .rancher
        return (withPolicy, lastRead)
    }
}
