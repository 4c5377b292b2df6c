import Simulator

/// Independent seeded generators for each cluster and purpose, derived from the fleet's seed.
enum FleetSeeds {
    enum Purpose: UInt64 {
        case workload = 1, phase = 2, simulation = 3
    }

    static func seed(_ fleetSeed: UInt64, cluster: Int, _ purpose: Purpose) -> UInt64 {
        var g = SeededGenerator(seed: fleetSeed ^ (UInt64(cluster) &* 0x9E37_79B9_7F4A_7C15) ^ (purpose.rawValue << 56))
        return g.next()
    }

    static func generator(_ fleetSeed: UInt64, cluster: Int, _ purpose: Purpose) -> SeededGenerator {
        SeededGenerator(seed: seed(fleetSeed, cluster: cluster, purpose))
    }
}
