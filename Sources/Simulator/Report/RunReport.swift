import ClusterStateMachine

/// A run's outcome for people (`text`) and tools (`json`, CONTRACT.md §4), with its expectations.
public struct RunReport: Sendable {
    public let result: RunResult
    public let findings: Findings
    /// Each expectation that did not hold, in words.
    public let failures: [String]

    /// Checks the run's log and its scenario's expectations (windows are the sweep's business).
    public init(result: RunResult, extraFailures: [String] = []) {
        self.result = result
        self.findings = LostWriteChecker.check(result)
        self.failures = ExpectationCheck.failures(result: result, findings: findings) + extraFailures
    }

    public var passed: Bool { failures.isEmpty }

    // MARK: JSON

    public var json: JSONValue {
        let s = result.scenario
        return .object([
            ("scenario", .string(s.name)),
            ("profile", .string(s.profile.name)),
            ("policy", .string(s.policy.rawValue)),
            ("seed", .int(Int64(bitPattern: s.seed))),
            ("passed", .bool(passed)),
            ("failures", .array(failures.map(JSONValue.string))),
            ("settled", .bool(result.settled)),
            ("notes", .array(s.notes.map(JSONValue.string))),
            ("start", .string(result.timestamp(0))),
            ("end", .string(result.timestamp(result.endedAt))),
            ("events", .int(Int64(result.log.count))),
            ("lostWrites", .array(findings.lost.map(lostJSON))),
            ("transientReverts", .array(findings.transientReverts.map { t in
                .object([("actor", .string(t.write.actor.rawValue)), ("field", .string(t.write.path.raw)),
                         ("step", .int(Int64(t.write.step))), ("clobbers", .array(t.clobbers.map(clobberJSON)))])
            })),
            ("conflicts", .array(findings.conflicts.map { c in
                .object([("actor", .string(c.write.actor.rawValue)), ("field", .string(c.write.path.raw)),
                         ("step", .int(Int64(c.write.step))), ("heldBy", .object([
                            ("actor", .string(c.winner.actor.rawValue)), ("step", .int(Int64(c.winner.step)))]))])
            } + findings.surfacedConflicts.map(surfacedJSON))),
            ("revertedByPolicy", .array(findings.revertedByPolicy.map { r in
                .object([("actor", .string(r.write.actor.rawValue)), ("field", .string(r.write.path.raw)),
                         ("value", r.write.value.map(Self.json) ?? .null), ("step", .int(Int64(r.write.step))),
                         ("policy", .string(r.policy)), ("revertedBy", r.clobber.map { clobberJSON($0) } ?? .null)])
            })),
            ("refused", .array(findings.refused.map { r in
                .object([("actor", .string(r.write.actor.rawValue)), ("field", .string(r.write.path.raw)),
                         ("step", .int(Int64(r.write.step))), ("operation", .string(r.operation)), ("error", .string(r.error))])
            })),
            ("inFlight", .array(findings.inFlight.map { w in
                .object([("actor", .string(w.actor.rawValue)), ("field", .string(w.path.raw)), ("step", .int(Int64(w.step)))])
            })),
            ("failedUpdates", .array(findings.failed.map { w in
                .object([("actor", .string(w.actor.rawValue)), ("field", .string(w.path.raw)), ("step", .int(Int64(w.step)))])
            })),
            ("divergence", .array(findings.divergence.map { d in
                .object([("field", .string(d.field.raw)), ("rancher", d.rancher), ("aws", d.aws)])
            })),
            ("unrequestedChanges", .array(findings.unrequestedChanges.map { u in
                .object([("field", .string(u.field.raw)), ("before", u.before), ("after", u.after),
                         ("by", .object([("component", .string(u.by.rawValue)), ("action", .string(u.action)),
                                         ("at", .string(result.timestamp(u.at)))])),
                         ("why", .string(u.why))])
            })),
            ("stuck", .array(findings.stuck.map { s in
                .object([("actor", .string(s.write.actor.rawValue)), ("field", .string(s.write.path.raw)),
                         ("step", .int(Int64(s.write.step))), ("writtenAt", .string(result.timestamp(s.write.at))),
                         ("failingCall", .string(s.failingCall)), ("error", .string(s.error)),
                         ("since", .string(result.timestamp(s.since))), ("failedPasses", .int(Int64(s.failedPasses)))])
            })),
            ("final", result.state.aws.visible.json()),
        ])
    }

    private func lostJSON(_ lost: LostWrite) -> JSONValue {
        let w = lost.write
        var pairs: [(String, JSONValue)] = [
            ("actor", .string(w.actor.rawValue)),
            ("field", .string(w.path.raw)),
            ("value", w.value.map(Self.json) ?? .null),
            ("step", .int(Int64(w.step))),
            ("writtenAt", .string(result.timestamp(w.at))),
        ]
        pairs.append(("clobberedBy", lost.finalClobber.map { clobberJSON($0, why: lost.explanation) } ?? .null))
        pairs.append(("firstClobber", lost.firstClobber.map { clobberJSON($0) } ?? .null))
        pairs.append(("explanation", .string(lost.explanation)))
        return .object(pairs)
    }

    private func clobberJSON(_ c: Clobber) -> JSONValue { clobberJSON(c, why: nil) }

    /// A surfaced conflict in the `conflicts` list: `actor`/`step` name the person's write Rancher
    /// holds (else the one AWS holds), `heldBy` the other side's write (null: the initial value).
    private func surfacedJSON(_ s: SurfacedConflict) -> JSONValue {
        let (mine, theirs) = s.rancherWrite.map { ($0, s.awsWrite) } ?? (s.awsWrite, nil)
        let side = { (w: Write?) -> JSONValue in
            w.map { .object([("actor", .string($0.actor.rawValue)), ("step", .int(Int64($0.step)))]) } ?? .null
        }
        return .object([
            ("actor", mine.map { .string($0.actor.rawValue) } ?? .null),
            ("field", .string(s.conflict.path.raw)),
            ("step", mine.map { .int(Int64($0.step)) } ?? .null),
            ("heldBy", side(theirs)),
            ("surfaced", .object([
                ("by", .string(s.by.rawValue)), ("at", .string(result.timestamp(s.at))),
                ("policy", .string(s.conflict.policy)),
                ("rancher", s.conflict.rancher?.value?.json ?? .null), ("aws", s.conflict.aws?.value?.json ?? .null),
            ])),
        ])
    }

    private func clobberJSON(_ c: Clobber, why: String?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("component", .string(c.by.rawValue)),
            ("action", .string(c.action)),
            ("at", .string(result.timestamp(c.at))),
            ("visibleAt", .string(result.timestamp(c.visibleAt))),
            ("surface", .string(c.surface.title)),
            ("field", .string(c.path.raw)),
            ("value", c.value?.json ?? .null),
            ("staleValueFrom", .string(result.timestamp(c.staleReadAt))),
        ]
        if let why { pairs.append(("why", .string(why))) }
        return .object(pairs)
    }

    static func json(_ value: WriteValue) -> JSONValue {
        switch value {
        case .leaf(let v): v.json
        case .map(let m): .object(m.keys.sorted().map { ($0, json(m[$0]!)) })
        }
    }

    // MARK: Text

    /// The report a person reads: what happened in time order, then each lost write explained.
    public var text: String {
        let s = result.scenario
        let policy = s.policy == .rancher ? "" : ", policy \(s.policy.rawValue)"
        var out = "scenario \(s.name)  (profile \(s.profile.name)\(policy), seed \(s.seed), \(result.log.count) events)\n"
        if !s.description.isEmpty { out += wrap(s.description.trimmingCharacters(in: .whitespacesAndNewlines), indent: "  ") }
        for note in s.notes { out += wrap("Note: " + note, indent: "  ") }
        out += "\nWhat happened\n"
        for timed in result.log where EventDescription.isNotable(timed.event) {
            let who = timed.actor.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            let clock = result.clock(timed.at).padding(toLength: 12, withPad: " ", startingAt: 0)
            out += TextWrap.wrap(EventDescription.line(timed.event, clusterName: result.scenario.clusterName), lead: "  \(clock)  \(who) ")
        }
        out += "\nLost writes: \(findings.lost.count)\n"
        for lost in findings.lost {
            out += "  ✗ \(lost.write.actor.rawValue) \(lost.write.path)\n"
            out += wrap(lost.explanation, indent: "    ")
        }
        if !findings.unrequestedChanges.isEmpty {
            out += "\nChanges nobody asked for: \(findings.unrequestedChanges.count)\n"
            for u in findings.unrequestedChanges {
                out += "  ! \(u.field): \(u.before) → \(u.after == .null ? "deleted" : "\(u.after)") by \(u.by.rawValue) \(u.action) at \(result.clock(u.at))\n"
                out += wrap(u.why, indent: "    ")
            }
        }
        if !findings.stuck.isEmpty {
            out += "\nNever reached AWS (every eks-operator pass fails):\n"
            for s in findings.stuck {
                out += "  ⧖ \(s.write.actor.rawValue) \(s.write.path) (step \(s.write.step))\n"
                out += wrap("Since \(result.clock(s.since)) every pass fails at \(s.failingCall): \(s.error) (\(s.failedPasses) failed passes so far). Rancher's spec keeps the edit, AppliedSpec is never recorded, so the refresher never syncs AWS back either.", indent: "    ")
            }
        }
        if !findings.transientReverts.isEmpty {
            out += "\n" + wrap("Reverted for a while, but survived: " + findings.transientReverts.map { "\($0.write.actor.rawValue) \($0.write.path) (step \($0.write.step))" }.joined(separator: ", "), indent: "")
        }
        if !findings.conflicts.isEmpty {
            out += "\nConcurrent conflicts (two people, neither saw the other; not lost):\n"
            for c in findings.conflicts {
                out += "  \(c.write.actor.rawValue) \(c.write.path) (step \(c.write.step)) lost to \(c.winner.actor.rawValue) (step \(c.winner.step))\n"
            }
        }
        if !findings.surfacedConflicts.isEmpty {
            out += "\nConflicts surfaced by the \(s.policy.rawValue) policy (neither side overwritten; not lost):\n"
            for c in findings.surfacedConflicts {
                let who = { (w: Write?) in w.map { "\($0.actor.rawValue), step \($0.step)" } ?? "initial" }
                out += "  \(c.conflict.path): Spec.EKSConfig \(c.conflict.rancher?.value?.description ?? "absent") (\(who(c.rancherWrite))), AWS \(c.conflict.aws?.value?.description ?? "absent") (\(who(c.awsWrite))); found by the \(c.by.rawValue) at \(result.clock(c.at))\n"
            }
        }
        if !findings.revertedByPolicy.isEmpty {
            out += "\nReverted by design (\(s.policy.rawValue): \(s.policy.realCounterpart); not lost):\n"
            for r in findings.revertedByPolicy {
                out += "  \(r.write.actor.rawValue) \(r.write.path) (step \(r.write.step))" + (r.clobber.map { " by the \($0.by.rawValue) (\($0.action)) at \(result.clock($0.at))" } ?? "") + "\n"
            }
        }
        if !findings.refused.isEmpty {
            out += "\nRefused by AWS (not lost):\n"
            for r in findings.refused { out += TextWrap.wrap("\(r.write.actor.rawValue) \(r.write.path) (step \(r.write.step)): \(r.operation) → \(r.error)", lead: "  ", continuation: 4) }
        }
        if !findings.inFlight.isEmpty {
            out += "\n" + wrap("Still in flight when the run stopped (an AWS update InProgress; not judged): "
                + findings.inFlight.map { "\($0.actor.rawValue) \($0.path) (step \($0.step))" }.joined(separator: ", "), indent: "")
        }
        if !findings.failed.isEmpty {
            out += "\nUpdates that ended Failed: " + findings.failed.map { "\($0.actor.rawValue) \($0.path)" }.joined(separator: ", ") + "\n"
        }
        if !findings.divergence.isEmpty {
            out += "\nRancher and AWS disagree at the end:\n"
            for leaf in findings.divergence.flatMap(DivergentLeaf.leaves(of:)) {
                func shown(_ value: JSONValue?) -> String { value.map { LongValue.cut(LongValue.shortened($0).description) } ?? "absent" }
                out += TextWrap.wrap("\(leaf.path): Rancher \(shown(leaf.rancher)), AWS \(shown(leaf.aws))", lead: "  ", continuation: 4)
            }
        }
        if !result.settled {
            out += result.log.count >= result.options.maxEvents
                ? "\nThe run did not settle within \(result.options.maxEvents) events.\n"
                : "\nThe run stopped at until: \(DurationText.format(s.until ?? 0)) with work still to come; it had not settled.\n"
        }
        if s.expect != nil || !passed {
            out += passed ? "\nExpectations hold.\n" : "\nExpectations FAILED:\n" + failures.map { TextWrap.wrap($0, lead: "  - ") }.joined()
        }
        return out
    }

    private func wrap(_ text: String, indent: String) -> String {
        TextWrap.wrap(text, lead: indent)
    }
}
