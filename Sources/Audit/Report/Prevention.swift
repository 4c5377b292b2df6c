import ClusterStateMachine
import Simulator
import SyncEngine

/// What would have prevented a loss, each answer checked by running the reconstructed scenario
/// changed in one way.
enum Prevention {
    static func advice(_ audit: Audit) -> [String] {
        let scenario = audit.reconstruction.scenario
        var out: [String] = []
        for lost in audit.model.findings.lost {
            let w = lost.write
            let key = w.path.topLevel
            let label = "\(w.actor.rawValue) \(w.path)"
            // Rancher not managing the field (a registered cluster, or the key left nil).
            if scenario.managed.includes(key) {
                var s = scenario
                let keys = FieldSchema.cluster.filter { $0.nillable && $0.name != key && scenario.managed.includes($0.name) }.map(\.name)
                s.managed = .keys(keys)
                let kept = !Audit.verdict(RunReport(result: Simulation(scenario: s).run())).contains(label)
                out.append(kept
                    ? "\(label): had Rancher not managed \(key) (Spec.EKSConfig.\(key) nil), the model keeps the change."
                    : "\(label): leaving \(key) unmanaged in Rancher would not have saved it.")
            }
            if w.actor == .console {
                out.append("\(label): making the change in Rancher instead of the console keeps Rancher's spec and AWS in agreement; a console change is only safe once a refresher tick has copied it and before anyone edits the cluster in Rancher.")
            }
            // Releases that keep it.
            let safe = Profile.all.filter { p in
                var s = scenario
                s.profile = p
                return !Audit.verdict(RunReport(result: Simulation(scenario: s).run())).contains(label)
            }.map(\.name)
            if !safe.isEmpty { out.append("\(label): the model keeps it under \(safe.joined(separator: ", ")).") }
        }
        return out
    }
}
