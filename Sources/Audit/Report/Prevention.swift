import ClusterStateMachine
import Simulator
import SyncEngine

/// What would have prevented a loss, each answer checked by running the reconstructed scenario
/// changed in one way.
enum Prevention {
    /// The Rancher edit that pushed the stale spec, moved to just after the first refresher tick that
    /// followed the console change: does the model keep the change then?
    static func laterEdit(_ audit: Audit, victim: Write, label: String) -> String? {
        let scenario = audit.reconstruction.scenario
        guard let edit = audit.reconstruction.steps.last(where: { $0.actor == .rancher && $0.at - audit.reconstruction.startMs >= victim.at }),
              let tick = audit.model.result.log.first(where: { t in
                  if case .workStarted(let w) = t.event, w.kind == .refresherTick { t.at > victim.at } else { false }
              })?.at else { return nil }
        let offset = tick + SimTime.second - (edit.at - audit.reconstruction.startMs)
        guard offset > 0 else { return nil }
        let moved = Simulation(scenario: scenario, options: RunOptions(movedStep: edit.index, offset: offset)).run()
        guard !Audit.verdict(RunReport(result: moved)).contains(label) else { return nil }
        return "\(label): had the Rancher edit at \(moved.clock(edit.at - audit.reconstruction.startMs)) (\(edit.who)) come after the refresher's \(moved.clock(tick)) tick (at \(moved.clock(tick + SimTime.second))), Rancher would have copied the change first and the model keeps it."
    }

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
            if w.actor == .console, let moved = laterEdit(audit, victim: w, label: label) { out.append(moved) }
            if w.actor == .console {
                out.append("\(label): making the change in Rancher instead of the console keeps Rancher's spec and AWS in agreement; a console change is only safe once a refresher tick has copied it and before anyone edits the cluster in Rancher.")
            }
            // Releases that keep it.
            let safe = Profile.aliases.filter { p in
                var s = scenario
                s.profile = p
                return !Audit.verdict(RunReport(result: Simulation(scenario: s).run())).contains(label)
            }.map(\.name)
            if !safe.isEmpty { out.append("\(label): the model keeps it under \(safe.joined(separator: ", ")).") }
        }
        return out
    }
}
