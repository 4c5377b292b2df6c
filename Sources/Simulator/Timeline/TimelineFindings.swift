import ClusterStateMachine

/// The findings other than lost writes, one sentence each, for the notes under a picture.
public enum TimelineFindings {
    public static func otherFindings(_ report: RunReport) -> [String] {
        let f = report.findings
        var out: [String] = []
        for t in f.transientReverts {
            out.append("Reverted for a while, but survived: \(t.write.actor.rawValue) \(t.write.path) (step \(t.write.step)).")
        }
        for c in f.conflicts {
            out.append("Concurrent conflict, not a loss: \(c.write.actor.rawValue) \(c.write.path) (step \(c.write.step)) lost to \(c.winner.actor.rawValue) (step \(c.winner.step)); neither person saw the other's change.")
        }
        for s in f.surfacedConflicts {
            let who = { (w: Write?) in w.map { "\($0.actor.rawValue), step \($0.step)" } ?? "initial" }
            out.append("Conflict surfaced by \(s.conflict.policy), not a loss: \(s.conflict.path) is \(s.conflict.rancher?.value?.description ?? "absent") in Spec.EKSConfig (\(who(s.rancherWrite))) and \(s.conflict.aws?.value?.description ?? "absent") on AWS (\(who(s.awsWrite))); neither was overwritten.")
        }
        for r in f.revertedByPolicy {
            out.append("Reverted by design (\(r.policy)), not a loss: \(r.write.actor.rawValue) \(r.write.path) (step \(r.write.step))" + (r.clobber.map { ", by the \($0.by.rawValue)'s \($0.action)" } ?? "") + ".")
        }
        for r in f.refused {
            out.append("Refused by AWS, not lost: \(r.write.actor.rawValue) \(r.write.path) (step \(r.write.step)): \(r.operation) → \(r.error).")
        }
        for w in f.failed {
            out.append("The update carrying \(w.actor.rawValue) \(w.path) (step \(w.step)) ended Failed.")
        }
        for d in f.divergence {
            out.append("At the end Rancher and AWS disagree on \(d.field): Rancher \(d.rancher), AWS \(d.aws).")
        }
        if !report.result.settled {
            out.append("The run did not settle within \(report.result.options.maxEvents) events.")
        }
        return out
    }
}
