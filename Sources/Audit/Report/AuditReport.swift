import ClusterStateMachine
import Simulator

/// The audit for people (an incident write-up) and for tools (JSON; `lostWrites` as in `run`).
public struct AuditReport: Sendable {
    public let audit: Audit
    public let prevention: [String]
    /// The run id the observed history was recorded under, and the database.
    public var runID: Int64?
    public var database: String?

    public init(_ audit: Audit, runID: Int64? = nil, database: String? = nil) {
        self.audit = audit
        self.runID = runID
        self.database = database
        prevention = Prevention.advice(audit)
    }

    private var start: Int64 { audit.reconstruction.startMs }
    private func clock(_ epochMs: Int64) -> String { RFC3339.clockTime(epochSeconds: 0, plusMilliseconds: epochMs) }

    // MARK: Text

    public var text: String {
        let e = audit.evidence, r = audit.reconstruction
        let times = e.calls.map(\.record.eventTime) + e.edits.map(\.at)
        let day = RFC3339.format(epochSeconds: (times.min() ?? start) / 1000).prefix(10)
        var out = "Audit of EKS cluster \(e.clusterName) (\(e.region)): records from \(clock(times.min() ?? start)) to \(clock(times.max() ?? start)) UTC on \(day)\n\n"
        out += "Records\n"
        let skipped = e.skippedServices.keys.sorted().map { "\($0) \(e.skippedServices[$0]!)" }
        out += "  \(e.calls.count) EKS calls of \(e.clusterName)"
        out += skipped.isEmpty ? "" : "; skipped: " + skipped.joined(separator: ", ")
        out += e.otherClusters > 0 ? ", \(e.otherClusters) of other clusters" : ""
        out += "\n  \(e.edits.count) Rancher edit\(e.edits.count == 1 ? "" : "s")" + (e.rancherSkipped + e.rancherWithoutBody > 0 ? " (\(e.rancherSkipped) other audit record\(e.rancherSkipped == 1 ? "" : "s") skipped\(e.rancherWithoutBody > 0 ? ", \(e.rancherWithoutBody) cluster edits without a body: raise AUDIT_LEVEL to 2" : ""))" : "") + "\n"
        out += "  starting cluster from \(r.clusterSource)\n"
        out += "  Rancher's principal: \(e.attribution.principalReason)\n"
        out += "  release: \(r.scenario.profile.name) — \(r.profileReason)\n"
        out += "  refresher: \(r.refreshReason)\n"
        if !r.unseenUpdates.isEmpty {
            out += "  updates AWS lists that no CloudTrail record started (a gap in the trail?): " + r.unseenUpdates.joined(separator: ", ") + "\n"
        }
        if !r.unmodeled.isEmpty {
            out += "  not replayed (no model of these calls): " + r.unmodeled.map { "\($0.eventName) at \(clock($0.eventTime))" }.joined(separator: ", ") + "\n"
        }

        out += "\nWhat people did\n"
        if r.steps.isEmpty { out += "  nothing the records show\n" }
        for s in r.steps {
            out += "  \(clock(s.at))  step \(s.index)  \(s.who): " + s.changes.map(describe).joined(separator: ", ") + "\n"
            out += "            (\(s.source))\n"
        }
        out += "\nWhat Rancher did\n"
        var rancher: [(at: Int64, order: Int, line: String)] = []
        for tick in e.attribution.ticks {
            let failed = r.failedReads.filter { $0.eventTime >= tick && $0.eventTime - tick <= Attribution.burstGap }
            let how = failed.isEmpty ? "read AWS" : "its " + failed.map { "\($0.eventName) was refused (\($0.errorCode ?? "error"))" }.joined(separator: ", ")
            rancher.append((tick, 0, "  \(clock(tick))  refresher tick: \(how)"))
        }
        for (call, changes) in r.operatorCalls {
            let outcome = call.errorCode.map { "refused: \($0)" } ?? (call.updateID.map { "accepted, update \($0.prefix(8))" } ?? "accepted")
            rancher.append((call.eventTime, 1, "  \(clock(call.eventTime))  eks-operator \(call.eventName) " + changes.map(describe).joined(separator: ", ") + " (\(outcome))"))
        }
        out += rancher.enumerated().sorted { ($0.element.at, $0.element.order, $0.offset) < ($1.element.at, $1.element.order, $1.offset) }
            .map { $0.element.line + "\n" }.joined()
        if rancher.isEmpty { out += "  nothing the records show\n" }
        for m in audit.mismatches { out += "  note: \(m)\n" }

        let lost = audit.observed.findings.lost
        out += "\nLost writes in the records: \(lost.count)\n"
        for l in lost {
            out += "  ✗ \(l.write.actor.rawValue) \(l.write.path)\n" + TextWrap.wrap(l.explanation, lead: "    ")
        }
        if !audit.observed.findings.transientReverts.isEmpty {
            out += "  reverted for a while but survived: " + audit.observed.findings.transientReverts.map { "\($0.write.actor.rawValue) \($0.write.path)" }.joined(separator: ", ") + "\n"
        }
        for c in audit.observed.findings.conflicts {
            out += "  conflict, not a loss: \(c.write.actor.rawValue) \(c.write.path) (step \(c.write.step)) and \(c.winner.actor.rawValue) (step \(c.winner.step)) wrote it without seeing each other\n"
        }
        if !audit.unrequested.isEmpty {
            out += "\nChanges no person asked for: \(audit.unrequested.count)\n"
            for u in audit.unrequested {
                out += "  ! \(clock(u.at))  eks-operator \(u.action): \(u.field) \(u.before.map { "\($0)" } ?? "absent") → \(u.after.map { "\($0)" } ?? "removed")  (\(u.source))\n"
                out += TextWrap.wrap(whyUnrequested(u), lead: "    ")
            }
        }
        for w in audit.observed.findings.failed { out += "  AWS failed the update, not lost: \(w.actor.rawValue) \(w.path) (step \(w.step))\n" }
        for f in audit.observed.findings.refused { out += "  refused by AWS, not lost: \(f.write.actor.rawValue) \(f.write.path): \(f.operation) → \(f.error)\n" }

        out += "\nThe model\n"
        let verdict = audit.modelVerdict
        out += "  The reconstructed scenario under \(r.scenario.profile.name) loses " + (verdict.isEmpty ? "nothing" : verdict.joined(separator: ", "))
        if audit.observedVerdict == verdict {
            out += audit.reproduced ? ": it reproduces what the records show.\n" : ", as the records show.\n"
        } else {
            out += "; the records show " + (audit.observedVerdict.isEmpty ? "nothing lost" : audit.observedVerdict.joined(separator: ", ")) + ": it does NOT reproduce them.\n"
        }
        for u in audit.unrequestedReproduced {
            out += "  It makes the unrequested \(u.action) of \(u.field) too.\n"
        }
        for u in audit.unrequested where !audit.unrequestedReproduced.contains(u) {
            out += "  It does NOT make the unrequested \(u.action) of \(u.field): \(r.scenario.profile.name)'s model has no behaviour that explains it (a failed read stores nothing).\n"
        }

        out += "\nWhat the records cannot tell\n"
        for sweep in audit.orderSweeps {
            let step = r.steps[sweep.step]
            let lostIn = sweep.windows
            let text: String
            if lostIn.isEmpty { text = "nothing is lost anywhere in it" }
            else if lostIn.count == 1, lostIn[0].from == sweep.from, lostIn[0].to == sweep.to {
                text = "lost over all of it: " + lostIn[0].lost.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", ")
            } else {
                text = lostIn.map { w in "[\(signed(w.from)), \(signed(w.to))): " + w.lost.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", ") }.joined(separator: "; ")
            }
            out += "  step \(sweep.step) at \(clock(step.at)) moved from -1s to +1s (whole-second times): \(text)\n"
        }
        for scan in audit.durationScans {
            let b = scan.bound
            out += "  \(b.updateType.rawValue) started \(clock(b.record.eventTime)) lasted more than \(DurationText.format(b.atLeast))"
            out += b.atMost.map { " and less than \(DurationText.format($0)) (the model used " } ?? " (no later call bounds it; the model used "
            out += "\(DurationText.format(b.chosen))). "
            func verdict(_ lost: [String]) -> String { lost.isEmpty ? "nothing is lost" : "lost: " + lost.joined(separator: ", ") }
            if scan.ranges.count == 1, let only = scan.ranges.first {
                out += "Whatever it lasted (\(DurationText.format(only.from)) to \(DurationText.format(only.to))), \(verdict(only.lost))\n"
            } else {
                out += "Lasting " + scan.ranges.map { "\(DurationText.format($0.from)) to \(DurationText.format($0.to)): \(verdict($0.lost))" }.joined(separator: "; ") + "\n"
            }
        }
        if audit.orderSweeps.isEmpty && audit.durationScans.isEmpty { out += "  nothing the verdict depends on\n" }

        if !prevention.isEmpty {
            out += "\nWhat would have prevented it\n"
            for p in prevention { out += TextWrap.wrap(p, lead: "  - ", continuation: 4) }
        }
        if let runID { out += "\nRecorded as run \(runID) (kind observed): simctl history --db \(database ?? "…") --run \(runID)\n" }
        return out
    }

    /// Why Rancher made a change nobody asked for, as far as the records tell.
    private func whyUnrequested(_ u: ObservedUnrequestedChange) -> String {
        let failed = audit.reconstruction.failedReads.filter { $0.eventTime <= u.at }
        guard !failed.isEmpty else { return "No person's change in the records explains it." }
        return "No person's change explains it; before it the refresher's reads failed: "
            + failed.map { "\($0.eventName) at \(clock($0.eventTime)) (\($0.errorCode ?? "error"))" }.joined(separator: ", ")
            + ". Releases that take a failed node group read for an empty list delete the node groups (rancher#35804)."
    }

    private func signed(_ ms: SimTime) -> String { ms < 0 ? "-" + DurationText.format(-ms) : "+" + DurationText.format(ms) }

    private func describe(_ c: ObservedChange) -> String {
        c.value.map { "\(c.path) = \($0)" } ?? "removed \(c.path)"
    }

    // MARK: JSON

    public var json: JSONValue {
        let e = audit.evidence, r = audit.reconstruction
        let observed = audit.observed.json
        func time(_ ms: Int64) -> JSONValue { .string(RFC3339.format(epochSeconds: 0, plusMilliseconds: ms)) }
        func changes(_ list: [ObservedChange]) -> JSONValue {
            .array(list.map { .object([("field", .string($0.path.raw)), ("value", $0.value?.json ?? .null)]) })
        }
        let skipped: JSONValue = .object(e.skippedServices.keys.sorted().map { ($0, .int(Int64(e.skippedServices[$0]!))) })
        let records: JSONValue = .object([
            ("eksCalls", .int(Int64(e.calls.count))), ("skipped", skipped), ("otherClusters", .int(Int64(e.otherClusters))),
            ("rancherEdits", .int(Int64(e.edits.count))), ("rancherSkipped", .int(Int64(e.rancherSkipped))),
            ("notReplayed", .array(r.unmodeled.map { .string("\($0.eventName) \($0.file): \($0.location)") })),
        ])
        let people: [JSONValue] = r.steps.map { s in
            .object([("step", .int(Int64(s.index))), ("actor", .string(s.actor.rawValue)), ("who", .string(s.who)),
                     ("principal", s.call.map { .string($0.principal) } ?? .null),
                     ("at", time(s.at)), ("source", .string(s.source)), ("changes", changes(s.changes))])
        }
        let rancher: [JSONValue] = r.operatorCalls.map { call, list in
            .object([("component", .string("operator")), ("action", .string(call.eventName)), ("at", time(call.eventTime)),
                     ("error", call.errorCode.map(JSONValue.string) ?? .null), ("changes", changes(list))])
        }
        let durations: [JSONValue] = audit.durationScans.map { s in
            let ranges: [JSONValue] = s.ranges.map {
                .object([("from", SweepReport.seconds($0.from)), ("to", SweepReport.seconds($0.to)), ("lostWrites", .array($0.lost.map(JSONValue.string)))])
            }
            return .object([("updateType", .string(s.bound.updateType.rawValue)), ("startedAt", time(s.bound.record.eventTime)),
                            ("atLeast", SweepReport.seconds(s.bound.atLeast)), ("atMost", s.bound.atMost.map(SweepReport.seconds) ?? .null),
                            ("chosen", SweepReport.seconds(s.bound.chosen)), ("ranges", .array(ranges))])
        }
        let uncertainty: JSONValue = .object([("order", .array(audit.orderSweeps.map { SweepReport($0).json })), ("durations", .array(durations))])
        let principal: JSONValue = .object([("arn", e.attribution.rancherPrincipal.map(JSONValue.string) ?? .null),
                                            ("how", .string(e.attribution.principalReason))])
        let model: JSONValue = .object([("lostWrites", audit.model.json["lostWrites"] ?? .array([])), ("reproduces", .bool(audit.reproduced))])
        let profile: JSONValue = .object([("name", .string(r.scenario.profile.name)), ("reason", .string(r.profileReason))])
        let refresh: JSONValue = .object([("reason", .string(r.refreshReason)), ("ticks", .array(e.attribution.ticks.map(time)))])
        var pairs: [(String, JSONValue)] = [("cluster", .string(e.clusterName)), ("region", .string(e.region)), ("records", records)]
        pairs += [("rancherPrincipal", principal), ("profile", profile), ("refresh", refresh)]
        pairs += [("people", .array(people)), ("rancher", .array(rancher))]
        let unrequested: [JSONValue] = audit.unrequested.map { u in
            .object([("field", .string(u.field.raw)), ("before", u.before?.json ?? .null), ("after", u.after?.json ?? .null),
                     ("by", .object([("component", .string("operator")), ("action", .string(u.action)), ("at", time(u.at))])),
                     ("why", .string(whyUnrequested(u))), ("source", .string(u.source))])
        }
        pairs += [("lostWrites", observed["lostWrites"] ?? .array([])), ("unrequestedChanges", .array(unrequested))]
        pairs += [("observed", observed), ("model", model), ("notes", .array(audit.mismatches.map(JSONValue.string)))]
        pairs += [("uncertainty", uncertainty), ("prevention", .array(prevention.map(JSONValue.string)))]
        pairs += [("run", runID.map { .int($0) } ?? .null), ("scenario", .string(r.yaml))]
        return .object(pairs)
    }
}
