import ClusterStateMachine

/// `simctl bench`: measures the event store, the fold, the simulator, the sweep and how costs scale, in one run.
public struct Bench {
    public let config: BenchConfig

    public init(config: BenchConfig) { self.config = config }

    /// Runs every measurement, removing its temporary database files before returning.
    public func run() throws -> BenchReport {
        let clock = ContinuousClock()
        let start = clock.now
        let workload = try Workload(config: config)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let eventStore = try EventStoreBench(config: config, workload: workload, folder: folder).run()
        let fold = FoldBench(config: config, workload: workload).run()
        let simulation = SimulationBench(config: config, workload: workload).run()
        let sweep = SweepBench(config: config, workload: workload).run()
        let scaling = try ScalingBench(config: config, folder: folder).run()
        let before = clock.now
        // The fleet figures have their own time (fleet.benchSeconds); bench.wallSeconds keeps
        // measuring the figures its 40 s target was set for.
        var fleet = try FleetBench(config: config).run()
        fleet.benchSeconds = (clock.now - before).seconds
        return BenchReport(machine: .current(), eventStore: eventStore, fold: fold, simulation: simulation,
                           sweep: sweep, scaling: scaling, fleet: fleet, wallSeconds: (before - start).seconds)
    }
}
