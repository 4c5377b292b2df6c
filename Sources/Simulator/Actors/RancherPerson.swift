import ClusterStateMachine

/// A person editing the cluster in Rancher's UI or API (CONTRACT.md §1).
///
/// The form starts from the effective state (`UpstreamSpec` overlaid with the non-nil fields of
/// `Spec.EKSConfig`), the step's changes are applied to it, and every top-level key it touches is
/// written back whole and becomes managed. The write's basis is everything the form showed.
struct RancherPerson {
    let step: Int

    func edit(set: [(FieldPath, WriteValue)], unset: [FieldPath], in sim: SimulationContext) {
        var form = sim.state.rancher.effectiveSpec
        let basis = form.origins.sorted()
        var writes: [WriteID] = []
        for (path, value) in set {
            let id = mint(path, value, basis: basis, in: sim)
            writes.append(id)
            ensureContainers(of: path, in: &form, origin: id, at: sim.now)
            form.replaceSubtree(path, with: value.entries(at: path, origin: id, readAt: sim.now))
        }
        var unmanaged: [FieldPath] = []
        for path in unset {
            let id = mint(path, nil, basis: basis, in: sim)
            writes.append(id)
            if path.parent == nil {
                unmanaged.append(path)  // Rancher stops managing the key: it becomes nil.
            } else {
                form.replaceSubtree(path, with: [path.raw: Entry(nil, origin: id, readAt: sim.now)])
            }
        }
        let touched = Set((set.map(\.0) + unset).map(\.topLevel)).sorted().map(FieldPath.init(unchecked:))
        var entries: [String: Entry] = [:]
        for key in touched where !unmanaged.contains(key) { entries.merge(form.subtree(key)) { _, new in new } }
        sim.emit(.rancherSpecEdited(SpecChange(change: SubtreeChange(replaced: touched, entries: entries), writes: writes)), by: .rancher)
    }

    private func mint(_ path: FieldPath, _ value: WriteValue?, basis: [WriteID], in sim: SimulationContext) -> WriteID {
        let id = sim.state.nextWriteID
        sim.emit(.writeMade(Write(id: id, actor: .rancher, step: step, path: path, value: value, at: sim.now, basis: basis)), by: .rancher)
        return id
    }

    /// A key set inside a map the form does not have yet creates the map.
    private func ensureContainers(of path: FieldPath, in form: inout SpecDocument, origin: WriteID, at now: SimTime) {
        var parent = path.parent
        while let p = parent {
            if form.value(at: p) == nil { form[p] = Entry(.container, origin: origin, readAt: now) }
            parent = p.parent
        }
    }
}
