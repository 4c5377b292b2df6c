import ClusterStateMachine

/// Sentences that explain a lost write to a Rancher user, without the source code at hand.
struct Explanation {
    let timeline: RunTimeline
    let lineage: Lineage
    var run: RunResult { timeline.run }

    func lost(_ write: Write, first: Clobber?, final: Clobber?) -> String {
        let what = describe(write)
        guard let final else {
            return "\(what) never reached any surface, and nothing shows it now."
        }
        let first = first ?? final
        var text = "\(what) was overwritten on \(first.surface.title): " + clobberSentence(first, victim: write)
        if (first.by, first.action, first.at, first.surface) != (final.by, final.action, final.at, final.surface) {
            text += " The loss became final on \(final.surface.title): " + clobberSentence(final, victim: write)
        }
        return text
    }

    func describe(_ write: Write) -> String {
        let who = write.actor == .console ? "The console change" : "The Rancher edit"
        let change = write.value.map { "set \(write.path) to \(LongValue.cut($0.description, limit: LongValue.sentenceLimit))" } ?? "removed \(write.path)"
        return "\(who) at \(run.clock(write.at)) (step \(write.step)) that \(change)"
    }

    func clobberSentence(_ c: Clobber, victim: Write) -> String {
        let value = c.value.map { "\(c.path)=\(LongValue.cut($0.description, limit: LongValue.sentenceLimit))" } ?? "the removal of \(c.path)"
        switch c.by {
        case .operator:
            let release = run.scenario.profile.release
            if c.action == "UntagResource", victim.actor == .rancher, victim.value != nil,
               run.scenario.profile.has(.tagDiffDeletesChangedKeys) {
                return "at \(run.clock(c.at)) the eks-operator tagged \(victim.path) with the new value and at once called UntagResource on it: eks-operator v\(release.eksOperator) (Rancher v\(release.version)) also deletes every tag whose value changed (utils/map.go GetKeysToDelete; fixed by 3cc8fa68, eks-operator PR #45, in v1.0.10 and v1.1.1). The next refresh copied the tag map without it into Spec.EKSConfig."
            }
            var s = "at \(run.clock(c.at)) the eks-operator called \(c.action) with \(value), taken from Rancher's Spec.EKSConfig (a value last copied from AWS at \(run.clock(c.staleReadAt)))."
            if victim.actor == .console {
                s += " " + whyRancherWasStale(victim: victim, until: c.at)
            }
            if let retry = retriedAfterRefusals(c) { s += " " + retry }
            if let edit = lastRancherEdit(before: c.at, after: victim.at, other: victim.id) {
                s += " The Rancher edit at \(run.clock(edit.at)) (step \(edit.step)) made the bridge push the whole spec, stale fields included."
            } else if victim.actor == .rancher {
                s += " The bridge had pushed the refresher's copy to the EKSClusterConfig, so the operator \"corrected\" AWS to match it."
            }
            return s
        case .refresher:
            var s = "at \(run.clock(c.at)) Rancher's refresher copied \(value) from AWS into Spec.EKSConfig, from a read at \(run.clock(c.staleReadAt))"
            guard victim.actor == .rancher else { return s + "." }
            let before = timeline.state(beforeTick: c.at)
            s += " " + whyAWSWasOld(victim: victim, at: c.at, state: before)
            if let waited = timeline.dueBeforeWaiting[c.at] {
                s += " That tick was due at \(run.clock(waited)) but ran only when the bridge's watch ended: from Rancher 2.5.8 the refresher and the bridge are handlers of one Cluster controller, which never runs one cluster twice at once."
            }
            if let timeout = lastAppliedSpec(before: c.at), timeout.reason.contains("timeout") {
                s += " Spec == AppliedSpec let the sync through: the bridge had recorded AppliedSpec at \(run.clock(timeout.at)) when its 10 s watch timed out, because \(whyPhaseStayedActive(victim: victim, until: timeout.at, state: before)), so the refresher took Rancher to be \"not updating\"."
            } else if let active = lastAppliedSpec(before: c.at) {
                s += " Spec == AppliedSpec let the sync through: the bridge had recorded AppliedSpec at \(run.clock(active.at)) after the eks-operator set the phase active."
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

    /// Why Rancher's spec did not have the victim's value when it was pushed: no tick came in
    /// between, or each tick that did could not copy it.
    private func whyRancherWasStale(victim: Write, until t: SimTime) -> String {
        let ticks = timeline.ticks
        let firstAfter = RunTimeline.lowerBound(ticks.count, { ticks[$0] }, victim.at + 1)
        let between = ticks[firstAfter...].prefix { $0 <= t }
        let last = ticks[..<firstAfter].last { refresherFailure(at: $0) == nil }
            .map { "Rancher's refresher last read AWS at \(run.clock($0)), before the change" } ?? "Rancher's refresher had not read AWS between the start (\(run.clock(0))) and the change"
        guard !between.isEmpty else {
            let next = ticks[RunTimeline.lowerBound(ticks.count, { ticks[$0] }, t + 1)...].first.map { "; its next tick was due at \(run.clock($0))" } ?? ""
            return last + next + "."
        }
        let reasons = between.map { tick -> String in
            if let call = refresherFailure(at: tick), let error = call.error {
                return "the tick at \(run.clock(tick)) failed to read AWS (\(call.operation): \(error.code))"
            }
            if timeline.updatingAtTick[tick] == true {
                let gate = timeline.syncingErrorAtTick.contains(tick)
                    ? " (AppliedSpec lagged because the \"[Syncing error\" condition of an earlier failed refresh kept the bridge from recording it, Rancher 2.5.7+; this tick cleared it)" : ""
                return "the tick at \(run.clock(tick)) refreshed only UpstreamSpec: Spec.EKSConfig differed from AppliedSpec (Rancher was \"updating\")\(gate), so it skipped the spec sync"
            }
            return "the tick at \(run.clock(tick)) read AWS before the change was visible there"
        }
        return last + "; then " + reasons.joined(separator: ", ") + "."
    }

    /// The refresher's refused AWS call at `t`, when its tick failed to read AWS.
    private func refresherFailure(at t: SimTime) -> AWSCall? { timeline.refresherFailures[t] }

    private func lastRancherEdit(before t: SimTime, after stale: SimTime, other victim: WriteID) -> Write? {
        let writes = timeline.rancherWrites
        let end = RunTimeline.lowerBound(writes.count, { writes[$0].at }, t + 1)
        return writes[..<end].last { $0.id != victim }.flatMap { $0.at >= stale ? $0 : nil }
    }

    /// The last AppliedSpec the bridge recorded before `t`, with why.
    private func lastAppliedSpec(before t: SimTime) -> (at: SimTime, reason: String)? {
        let applied = timeline.appliedSpecs
        let end = RunTimeline.lowerBound(applied.count, { applied[$0].at }, t + 1)
        return end > 0 ? applied[end - 1] : nil
    }

    /// Why AWS still showed the old value when the refresher read it.
    private func whyAWSWasOld(victim: Write, at t: SimTime, state: ClusterState) -> String {
        var lineage = self.lineage
        if let update = state.aws.updates.first(where: { u in
            u.status == .inProgress && u.change.entries.values.contains { lineage.saw($0.origin, victim.id) }
        }) {
            return "while AWS was still applying the edit (update \(update.id.prefix(8)) \(update.type.rawValue) InProgress since \(run.clock(update.createdAt)); DescribeCluster shows the new value only when it completes)."
        }
        if let refusal = operatorCalls(carrying: victim, before: t).last(where: { $0.error != nil }), let error = refusal.error {
            let then = run.scenario.profile.has(.resourceInUseFallsThrough)
                ? "it carried on down its ladder as if nothing needed changing"
                : "it kept retrying without leaving phase active"
            return "before the edit had reached AWS: the eks-operator's \(refusal.operation) was refused (\(error.code)) and \(then)."
        }
        return "before the edit had reached AWS."
    }

    /// Why the operator left the phase `active` through the bridge's 10 s watch.
    private func whyPhaseStayedActive(victim: Write, until t: SimTime, state: ClusterState) -> String {
        if state.rancher.operatorDownUntil != nil { return "the eks-operator was down" }
        let calls = operatorCalls(carrying: victim, before: t)
        if let refused = calls.last(where: { $0.error != nil }), let error = refused.error {
            let count = calls.filter { $0.error != nil }.count
            return "the eks-operator's \(refused.operation) was refused (\(error.code)\(count == 1 ? "" : ", \(count) times")) and the phase stayed active"
        }
        return "the eks-operator had not moved the phase out of active"
    }

    /// When the operator's clobbering call repeated one AWS had refused in earlier passes: how long
    /// its workqueue's backoff held the stale push back (versions.md §3.7).
    private func retriedAfterRefusals(_ c: Clobber) -> String? {
        let calls = timeline.operatorCalls
        let end = RunTimeline.lowerBound(calls.count, { calls[$0].at }, c.at)
        var refusedPasses: [SimTime] = []
        var error: AWSErrorRecord?
        for entry in calls[..<end].reversed() where entry.call.operation == c.action {
            guard let refused = entry.call.error else { break }
            error = error ?? refused
            if refusedPasses.last != entry.at { refusedPasses.append(entry.at) }
        }
        guard let error, let first = refusedPasses.last, let last = refusedPasses.first else { return nil }
        let backoff = run.scenario.profile.has(.operatorLimiterCap1000s)
            ? "5 ms·2^n up to 1000 s (client-go's default limiter, eks-operator before v1.1.2)"
            : "5 ms·2^n up to 30 s, then 2 minutes (lasso)"
        return "That call was a retry: AWS had refused the eks-operator's \(c.action) (\(error.code)) in \(refusedPasses.count) pass\(refusedPasses.count == 1 ? "" : "es") from \(run.clock(first)) to \(run.clock(last)), and its workqueue backs off \(backoff)."
    }

    /// The operator's AWS calls whose request carried the victim's value (or a later one), before `t`.
    private func operatorCalls(carrying victim: Write, before t: SimTime) -> [AWSCall] {
        let calls = timeline.operatorCalls
        let start = RunTimeline.lowerBound(calls.count, { calls[$0].at }, victim.at)
        return calls[start...].prefix { $0.at <= t }.map(\.call).filter { call in
            call.fields.contains(where: { $0.touches(victim.path) })
                && call.request.values.contains(where: { $0.hasSuffix("(\(victim.id))") })
        }
    }
}
