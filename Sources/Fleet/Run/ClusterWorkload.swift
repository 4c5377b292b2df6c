import ClusterStateMachine
import Foundation
import Simulator

/// One cluster's people: Poisson arrivals over [0, duration) per stream, each edit one weighted
/// path with a value chosen for it; all from the cluster's own seeded generator, so every
/// combination sees the same edits (common random numbers: the settings are compared on one workload).
enum ClusterWorkload {
    static func steps(for fleet: FleetFile, using generator: inout SeededGenerator) -> [Step] {
        var steps: [Step] = []
        for stream in fleet.workload where stream.perClusterPerDay > 0 {
            let meanGap = Double(86_400 * SimTime.second) / stream.perClusterPerDay
            let totalWeight = stream.paths.reduce(0) { $0 + $1.weight }
            var t = 0.0
            while true {
                t += -meanGap * log(1 - unit(&generator))
                guard t < Double(fleet.duration) else { break }
                var pick = unit(&generator) * totalWeight
                var path = stream.paths[stream.paths.count - 1].path
                for candidate in stream.paths {
                    if pick < candidate.weight { path = candidate.path; break }
                    pick -= candidate.weight
                }
                let value = WorkloadValues.value(for: path, template: fleet.template, using: &generator)
                steps.append(Step(at: SimTime(t), actor: stream.actor, action: .edit(set: [(path, value)], unset: []), line: 0))
            }
        }
        return steps.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    static func unit(_ generator: inout SeededGenerator) -> Double { Double(generator.next() >> 11) * 0x1p-53 }
}
