import ClusterStateMachine

/// How much work `simctl bench` does: sizes and repeat counts, never timings.
///
/// `standard` is what `simctl bench` runs (well under 40 seconds for a release build on two
/// cores); `smoke` is tiny, for a test that only checks the report's shape.
public struct BenchConfig: Sendable {
    /// The folder holding the scenario library (`scenarios/`).
    public var scenariosDirectory: String
    /// The sweep's scenario, a file name inside `scenariosDirectory`.
    public var sweepScenario = "docs-race-a-console-then-rancher-tags.yaml"
    /// The sweep: which step moves, and across which offsets.
    public var sweepStep = 1
    public var sweepFrom: SimTime = -5 * .minute
    public var sweepTo: SimTime = 7 * .minute

    /// Simulated hours of the one-cluster day (its steps are spread over it).
    public var dayHours = 24
    /// Runs of that day; the fastest counts.
    public var dayRuns = 5
    /// Passes over the whole scenario library.
    public var libraryPasses = 20

    /// Events appended per measurement, by the store and by the raw loop alike.
    public var storeEvents = 100_000
    /// Events per transaction (one `append` call, one raw BEGIN…COMMIT).
    public var batchSize = 500
    /// Rounds of the three writers (raw, store, encode and append) in turn; the fastest of each counts.
    public var storeRepeats = 5

    /// Events folded per measurement (the recorded day, folded again from the empty state as often as needed).
    public var foldEvents = 5_000_000
    /// Fold measurements; the fastest counts.
    public var foldRepeats = 3

    /// Sweep measurements; the fastest counts.
    public var sweepRepeats = 3

    /// The scaling figures: each size, then twice it, recorded runs side by side.
    public var scalingSteps = 300
    public var scalingNodeGroups = 300
    /// Length of one node group's `userData`.
    public var scalingStringBytes = 1_000_000
    /// Rounds of each pair; the fastest of each size counts.
    public var scalingRepeats = 3
    /// The fleet: clusters × simulated hours for cluster-days per wall second, and the hours of the
    /// scaling pair (`fleetClusters` against 10 × `fleetClusters`).
    public var fleetClusters = 1_000
    public var fleetHours = 24
    public var fleetScalingHours = 1

    public init(scenariosDirectory: String) {
        self.scenariosDirectory = scenariosDirectory
    }

    /// The configuration `simctl bench` runs.
    public static func standard(scenariosDirectory: String) -> BenchConfig {
        BenchConfig(scenariosDirectory: scenariosDirectory)
    }

    /// Tiny sizes: every figure is produced, in well under a second of work even in a debug build.
    public static func smoke(scenariosDirectory: String) -> BenchConfig {
        var c = BenchConfig(scenariosDirectory: scenariosDirectory)
        c.dayHours = 2
        c.dayRuns = 1
        c.libraryPasses = 1
        c.storeEvents = 1_200
        c.batchSize = 100
        c.storeRepeats = 1
        c.foldEvents = 2_000
        c.foldRepeats = 1
        c.sweepRepeats = 1
        c.scalingSteps = 6
        c.scalingNodeGroups = 3
        c.scalingStringBytes = 2_000
        c.scalingRepeats = 1
        c.fleetClusters = 3
        c.fleetHours = 1
        c.fleetScalingHours = 1
        return c
    }
}
