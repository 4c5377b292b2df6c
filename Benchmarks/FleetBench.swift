import ClusterStateMachine
import Fleet
import Foundation

/// The fleet's speed: cluster-days simulated per wall second at 1,000 clusters × 24 h (300 s
/// refresh, eks-operator-2025, the fleet-200 workload), and how the wall time grows from 1,000
/// to 10,000 clusters (want ≤ 11×: linear cost).
struct FleetBench {
    let config: BenchConfig

    /// The fleet file the bench runs: `clusters` clusters, 100 per account, for `hours`.
    static func yaml(clusters: Int, hours: Int) -> String {
        """
        name: bench-fleet
        start: 2025-02-03T00:00:00Z
        duration: \(hours)h
        seed: 11
        clusters:
          count: \(clusters)
          accounts: \(max(1, clusters / 100))
          template:
            kubernetesVersion: "1.29"
            tags: {team: platform}
            nodeGroups:
              - {nodegroupName: ng1, version: "1.29", desiredSize: 2, minSize: 1, maxSize: 5}
          managed: all
        workload:
          console:
            perClusterPerDay: 2
            set: {privateAccess: 0.2, tags.owner: 0.4, nodeGroups.ng1.desiredSize: 0.4}
          rancher:
            perClusterPerDay: 4
            set: {tags.env: 0.5, nodeGroups.ng1.desiredSize: 0.5}
        aws:
          rateLimits:
            DescribeCluster: {ratePerSecond: 10, burst: 20}
        compare:
          profiles: [eks-operator-2025]
          eksRefresh: [300]

        """
    }

    func run() throws -> FleetFigures {
        func wall(clusters: Int, hours: Int) throws -> (seconds: Double, clusterDays: Double) {
            let fleet = try FleetLoader.parse(Self.yaml(clusters: clusters, hours: hours), path: "bench-fleet")
            let seconds = Stopwatch.seconds { blackHole(FleetRunner.run(fleet).statistics.count) }
            return (seconds, fleet.clusterDays)
        }
        let day = try wall(clusters: config.fleetClusters, hours: config.fleetHours)
        let small = try wall(clusters: config.fleetClusters, hours: config.fleetScalingHours)
        let large = try wall(clusters: config.fleetClusters * 10, hours: config.fleetScalingHours)
        return FleetFigures(clusters: config.fleetClusters, hours: config.fleetHours, clusterDays: day.clusterDays,
                            wallSeconds: day.seconds, clusterDaysPerWallSecond: day.clusterDays / day.seconds,
                            scalingHours: config.fleetScalingHours, smallWallSeconds: small.seconds,
                            largeWallSeconds: large.seconds, scalingRatio: large.seconds / small.seconds)
    }
}

/// What the fleet bench measured.
public struct FleetFigures: Sendable {
    public var clusters: Int
    public var hours: Int
    public var clusterDays: Double
    public var wallSeconds: Double
    public var clusterDaysPerWallSecond: Double
    /// The scaling runs: `clusters` and 10 × `clusters` for `scalingHours`, and the ratio of their wall times.
    public var scalingHours: Int
    public var smallWallSeconds: Double
    public var largeWallSeconds: Double
    public var scalingRatio: Double
    /// The wall time of all three fleet runs.
    public var benchSeconds: Double = 0
}
