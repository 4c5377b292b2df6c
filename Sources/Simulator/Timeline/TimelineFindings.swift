import ClusterStateMachine

/// The findings other than lost writes, one sentence each, for the notes under a picture.
public enum TimelineFindings {
    /// `2 lost writes · 2 changes nobody asked for · 1 edit stuck`, for headers.
    public static func verdict(_ f: Findings) -> String {
        var parts = [f.lost.isEmpty ? "no write lost" : "\(f.lost.count) lost write\(f.lost.count == 1 ? "" : "s")"]
        let u = f.unrequestedChanges.count, s = f.stuck.count
        if u > 0 { parts.append("\(u) change\(u == 1 ? "" : "s") nobody asked for") }
        if s > 0 { parts.append("\(s) edit\(s == 1 ? "" : "s") stuck") }
        return parts.joined(separator: " · ")
    }

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
        for u in f.unrequestedChanges {
            out.append("Nobody asked for it: \(u.field) \(u.after == .null ? "deleted" : "changed") by \(u.by.rawValue) \(u.action). \(u.why)")
        }
        for s in f.stuck {
            out.append("Never reached AWS: \(s.write.actor.rawValue) \(s.write.path) (step \(s.write.step)); every eks-operator pass fails at \(s.failingCall): \(s.error).")
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
