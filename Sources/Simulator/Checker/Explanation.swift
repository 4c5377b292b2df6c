import ClusterStateMachine

/// Sentences that explain a lost write to a Rancher user, without the source code at hand.
struct Explanation {
    let run: RunResult
    let lineage: Lineage

    func lost(_ write: Write, first: Clobber?, final: Clobber?) -> String {
        let what = describe(write)
        guard let final else {
            return "\(what) never reached any surface, and nothing shows it now."
        }
        let first = first ?? final
        var text = "\(what) was overwritten on \(first.surface.title): " + clobberSentence(first, victim: write)
        if first != final {
            text += " The loss became final on \(final.surface.title): " + clobberSentence(final, victim: write)
        }
        return text
    }

    func describe(_ write: Write) -> String {
        let who = write.actor == .console ? "The console change" : "The Rancher edit"
        let change = write.value.map { "set \(write.path) to \($0)" } ?? "removed \(write.path)"
        return "\(who) at \(run.clock(write.at)) (step \(write.step)) that \(change)"
    }

    func clobberSentence(_ c: Clobber, victim: Write) -> String {
        let value = c.value.map { "\(c.path)=\($0)" } ?? "the removal of \(c.path)"
        switch c.by {
        case .operator:
            var s = "at \(run.clock(c.at)) the eks-operator called \(c.action) with \(value), taken from Rancher's Spec.EKSConfig, a value last read at \(run.clock(c.staleReadAt))."
            if let edit = lastRancherEdit(before: c.at, after: c.staleReadAt) {
                s += " Rancher had not refreshed the field from AWS before the Rancher edit at \(run.clock(edit.at)) (step \(edit.step)) made the bridge push the whole spec, stale fields included."
            } else {
                s += " Spec.EKSConfig still held the old value because no refresher tick had copied the change in."
            }
            return s
        case .refresher:
            var s = "at \(run.clock(c.at)) Rancher's refresher copied \(value) from AWS into Spec.EKSConfig, from a read at \(run.clock(c.staleReadAt))"
            if timedOut(before: c.at) {
                s += " after the bridge had recorded AppliedSpec on its 10 s watch timeout (the eks-operator had not yet acted), so the refresher took Spec == AppliedSpec to mean \"not updating\" and replaced the edit with AWS's old value."
            } else if victim.actor == .rancher {
                s += " while AWS still showed the old value (DescribeCluster lags behind an accepted update, eks-operator#752), and Spec == AppliedSpec let the sync through."
            } else {
                s += "."
            }
            return s
        case .bridge:
            return "at \(run.clock(c.at)) the bridge replaced the EKSClusterConfig spec with Spec.EKSConfig, which held \(value) from a read at \(run.clock(c.staleReadAt))."
        case .console:
            return "at \(run.clock(c.at)) a person in the console stored \(value) without having seen it."
        case .rancher:
            return "at \(run.clock(c.at)) a Rancher edit wrote back \(value), the form never having shown it."
        case .aws:
            return "at \(run.clock(c.at)) AWS stored \(value)."
        }
    }

    private func lastRancherEdit(before t: SimTime, after stale: SimTime) -> Write? {
        lineage.writes.values.filter { $0.actor == .rancher && $0.at <= t && $0.at >= stale }.max { $0.at < $1.at }
    }

    private func timedOut(before t: SimTime) -> Bool {
        for timed in run.log.reversed() where timed.at <= t {
            if case .appliedSpecRecorded(let d) = timed.event { return d.reason.contains("timeout") }
        }
        return false
    }
}
