import ClusterStateMachine

/// Walks a run's log once and turns each event a reader cares about into a mark or a bar in its
/// lane (scheduling, reads and bookkeeping stay out; they are in the event table).
struct TimelineBuilder {
    let report: RunReport
    private(set) var marks: [TimelineMark] = []
    private(set) var bars: [TimelineBar] = []
    private(set) var ticks: [SimTime] = []

    private var result: RunResult { report.result }
    private var writes: [WriteID: Write] = [:]
    private var writeMarks: [WriteID: Int] = [:]
    private var openUpdates: [String: Int] = [:]
    private var openNodegroups: [String: Int] = [:]
    private var lastTick: Int?
    private var lastPhase: String?
    private let lostNumber: [WriteID: Int]
    private let refused: Set<WriteID>
    private let reverted: Set<WriteID>
    private let failed: Set<WriteID>

    init(report: RunReport) {
        self.report = report
        var numbers: [WriteID: Int] = [:]
        for (i, lost) in report.findings.lost.enumerated() { numbers[lost.write.id] = i + 1 }
        lostNumber = numbers
        refused = Set(report.findings.refused.map(\.write.id))
        reverted = Set(report.findings.transientReverts.map(\.write.id))
        failed = Set(report.findings.failed.map(\.id))
    }

    mutating func walk() {
        for (i, timed) in result.log.enumerated() { add(timed, index: i) }
        for (id, index) in openUpdates { close(update: id, bar: index, at: result.endedAt, outcome: .unfinished) }
        for (_, index) in openNodegroups { bars[index].to = result.endedAt; bars[index].outcome = .unfinished }
        openUpdates = [:]
        openNodegroups = [:]
        for change in report.findings.unrequestedChanges {
            let what = change.after == .null ? "deleted" : "changed"
            marks.append(TimelineMark(lane: .aws, at: change.at, glyph: .error, label: "! \(change.field) \(what), nobody asked",
                                      detail: "\(result.clock(change.at))  \(change.by.rawValue) \(change.action): \(change.field) \(what)\nUNREQUESTED: \(change.why)",
                                      color: TimelinePalette.clobber, emphasis: .clobber,
                                      data: [("unrequested", change.field.raw), ("action", change.action)]))
        }
    }

    private func line(_ timed: TimedEvent) -> String {
        "\(result.clock(timed.at))  \(timed.actor.rawValue): \(EventDescription.line(timed.event))"
    }

    private mutating func add(_ timed: TimedEvent, index i: Int) {
        let at = timed.at
        switch timed.event {
        case .clusterObserved(let c):
            marks.append(TimelineMark(lane: .aws, at: at, glyph: .initial, label: "cluster \(c.name)",
                                      detail: line(timed), color: TimelinePalette.aws, emphasis: .quiet, event: i))
            let managed = EventDescription.managedKeys(c.rancherSpec)
            marks.append(TimelineMark(lane: .rancherSpec, at: at, glyph: .initial,
                                      label: managed.hasPrefix("nothing") ? "registered: manages nothing" : "as created",
                                      detail: "\(result.clock(at))  Spec.EKSConfig at the start; Rancher manages \(managed)",
                                      color: TimelinePalette.rancherSpec, emphasis: .quiet, event: i))
        case .writeMade(let w):
            writes[w.id] = w
            addWrite(w, timed: timed, index: i)
        case .writeRefused(let r):
            for id in r.writes {
                guard let m = writeMarks[id] else { continue }
                marks[m].detail += "\nrefused by AWS: \(r.operation) → \(r.error)"
            }
        case .rancherSpecEdited(let s):
            let edited = s.writes.compactMap { writes[$0] }.map(Self.setting).joined(separator: ", ")
            marks.append(TimelineMark(lane: .rancherSpec, at: at, glyph: .change,
                                      label: "edit: " + (edited.isEmpty ? Self.summary(s.change) : edited),
                                      detail: line(timed), color: TimelinePalette.rancherPerson, event: i))
        case .specSynced(let s):
            marks.append(TimelineMark(lane: .rancherSpec, at: at, glyph: .change,
                                      label: "sync ← AWS: " + Self.summary(s.change),
                                      detail: line(timed), color: TimelinePalette.refresher, event: i))
        case .workStarted(let w) where w.kind == .refresherTick:
            ticks.append(at)
            marks.append(TimelineMark(lane: .refresher, at: at, glyph: .tick, label: "",
                                      detail: "\(result.clock(at))  refresher tick: reads AWS",
                                      color: TimelinePalette.refresher, emphasis: .quiet, event: i))
            lastTick = marks.count - 1
        case .upstreamSpecRefreshed:
            attachToTick(timed, index: i, label: "UpstreamSpec ← AWS")
        case .awsCalled(let c) where c.caller == .refresher && c.error != nil:
            attachToTick(timed, index: i, label: "\(c.operation) → \(c.error!.code)")
        case .eksConfigPushed:
            marks.append(TimelineMark(lane: .bridge, at: at, glyph: .action, label: "push spec",
                                      detail: line(timed), color: TimelinePalette.bridge, event: i))
        case .bridgeWatchEnded(let b):
            marks.append(TimelineMark(lane: .bridge, at: at, glyph: .action, label: "watch: \(b.phase.rawValue)",
                                      detail: line(timed), color: TimelinePalette.bridge, emphasis: .quiet, event: i))
        case .appliedSpecRecorded(let d):
            marks.append(TimelineMark(lane: .bridge, at: at, glyph: .action,
                                      label: "AppliedSpec" + (d.reason.isEmpty ? "" : " (\(d.reason))"),
                                      detail: line(timed), color: TimelinePalette.bridge, emphasis: .quiet, event: i))
        case .operatorStatusUpdated(let s):
            let phase = s.phase.rawValue.isEmpty ? "none" : s.phase.rawValue
            let key = phase + "|" + s.failureMessage
            guard key != lastPhase else { break }
            lastPhase = key
            marks.append(TimelineMark(lane: .operator, at: at, glyph: .action,
                                      label: "phase \(phase)" + (s.failureMessage.isEmpty ? "" : " (failure)"),
                                      detail: line(timed), color: TimelinePalette.operator, emphasis: .quiet, event: i))
        case .awsCalled(let c) where c.caller == .operator:
            let quietCall = c.operation.hasPrefix("Describe") || c.operation.hasPrefix("List")
            guard c.error != nil || !quietCall else { break }
            let label = c.error.map { "\(c.operation) → \($0.code)" } ?? c.operation
            marks.append(TimelineMark(lane: .operator, at: at, glyph: c.error == nil ? .action : .error, label: label,
                                      detail: line(timed), color: TimelinePalette.operator,
                                      data: [("call", c.operation)], mergeKey: label, event: i))
        case .awsUpdateStarted(let u):
            let summary = Self.summary(u.change)
            let name = u.type.rawValue + (u.nodegroupName.map { " on \($0)" } ?? "")
            bars.append(TimelineBar(lane: .aws, kind: .update, from: at, to: at, lagUntil: u.statusVisible ? nil : at,
                                    label: "\(u.requestedBy.rawValue): " + name + (summary.isEmpty ? "" : " " + summary),
                                    detail: line(timed) + "\nrequested by \(u.requestedBy.rawValue) (\(u.action))",
                                    color: TimelinePalette.color(of: u.requestedBy), outcome: .unfinished,
                                    clobbers: false,
                                    data: [("update", u.id), ("requested-by", u.requestedBy.rawValue)]))
            openUpdates[u.id] = bars.count - 1
            flag(bar: bars.count - 1, by: u.requestedBy, action: u.action, at: at)
        case .awsUpdateStatusVisible(let w):
            if case .awsStatusVisible(let id) = w.kind, let b = openUpdates[id] {
                bars[b].lagUntil = at
                bars[b].detail += "\n\(result.clock(at))  DescribeCluster reports UPDATING (status lag over)"
            }
        case .awsUpdateFinished(let f):
            guard let b = openUpdates.removeValue(forKey: f.id) else { break }
            let outcome: TimelineBar.Outcome = switch f.status {
            case .successful: .successful
            case .failed: .failed
            case .cancelled: .cancelled
            case .inProgress: .unfinished
            }
            bars[b].detail += "\n" + line(timed) + f.errors.map { "\n  \($0.errorCode): \($0.errorMessage)" }.joined()
            close(update: f.id, bar: b, at: at, outcome: outcome)
        case .awsResourcesChanged(let r):
            addResources(r, timed: timed, index: i)
        case .faultInjected(let f):
            addFault(f, timed: timed, index: i)
        default:
            break
        }
    }

    private mutating func close(update id: String, bar b: Int, at: SimTime, outcome: TimelineBar.Outcome) {
        bars[b].to = at
        bars[b].outcome = outcome
        switch outcome {
        case .failed: bars[b].label += " — Failed"
        case .cancelled: bars[b].label += " — Cancelled"
        case .unfinished: bars[b].label += " — still InProgress"
        case .successful: break
        }
        if let lag = bars[b].lagUntil, lag == bars[b].from { bars[b].lagUntil = at }  // never became visible
    }

    private mutating func attachToTick(_ timed: TimedEvent, index i: Int, label: String) {
        guard let t = lastTick, marks[t].at == timed.at else {
            marks.append(TimelineMark(lane: .refresher, at: timed.at, glyph: .action, label: label, detail: line(timed),
                                      color: TimelinePalette.refresher, event: i))
            return
        }
        marks[t].label = marks[t].label.isEmpty ? label : marks[t].label + ", " + label
        if label.contains("→") { marks[t].mergeKey = marks[t].label }  // a run of refused retries merges
        marks[t].detail += "\n" + line(timed)
        marks[t].events.append(i)
        marks[t].emphasis = .normal
    }

    private mutating func addWrite(_ w: Write, timed: TimedEvent, index i: Int) {
        guard w.actor.isPerson else { return }
        let lane: TimelineLane = w.actor == .rancher ? .rancherPerson : .consolePerson
        var label = Self.setting(w)
        var emphasis = TimelineMark.Emphasis.normal
        var color = TimelinePalette.color(of: w.actor)
        var detail = "\(line(timed))\nstep \(w.step), write \(w.id)"
        if let n = lostNumber[w.id] {
            label = "✗ \(label) — lost (\(n))"
            emphasis = .lost
            color = TimelinePalette.clobber
            if let lost = report.findings.lost.first(where: { $0.write.id == w.id }) { detail += "\nLOST: " + lost.explanation }
        } else if refused.contains(w.id) {
            label += " (refused)"
            emphasis = .refused
            color = TimelinePalette.refused
        } else if failed.contains(w.id) {
            label += " (update Failed)"
            emphasis = .refused
        } else if reverted.contains(w.id) {
            label += " (reverted, survived)"
            emphasis = .reverted
        } else if let stuck = report.findings.stuck.first(where: { $0.write.id == w.id }) {
            label = "⧖ \(label) — never reached AWS"
            emphasis = .lost
            color = TimelinePalette.clobber
            detail += "\nSTUCK: every eks-operator pass fails at \(stuck.failingCall): \(stuck.error)"
        }
        marks.append(TimelineMark(lane: lane, at: timed.at, glyph: .write, label: label, detail: detail, color: color,
                                  emphasis: emphasis,
                                  data: [("write", w.id.description), ("actor", w.actor.rawValue), ("field", w.path.raw),
                                         ("lost", lostNumber[w.id] == nil ? "false" : "true")],
                                  event: i))
        writeMarks[w.id] = marks.count - 1
    }

    private mutating func addResources(_ r: ResourcesChanged, timed: TimedEvent, index i: Int) {
        let summary = Self.summary(r.change)
        var handled = false
        for (name, status) in r.nodegroupStatus.sorted(by: { $0.key < $1.key }) {
            switch status {
            case .creating?, .deleting?, .updating?:
                bars.append(TimelineBar(lane: .aws, kind: .nodegroup, from: timed.at, to: timed.at, lagUntil: nil,
                                        label: "\(r.requestedBy.rawValue): \(r.action) \(name)", detail: line(timed),
                                        color: TimelinePalette.color(of: r.requestedBy), outcome: .unfinished,
                                        clobbers: false,
                                        data: [("nodegroup", name), ("requested-by", r.requestedBy.rawValue)]))
                openNodegroups[name] = bars.count - 1
                flag(bar: bars.count - 1, by: r.requestedBy, action: r.action, at: timed.at)
                handled = true
            default:
                guard let b = openNodegroups.removeValue(forKey: name) else { continue }
                bars[b].to = timed.at
                bars[b].outcome = status == .createFailed || status == .deleteFailed ? .failed : .successful
                flag(bar: b, by: r.requestedBy, action: r.action, at: timed.at)
                bars[b].detail += "\n" + line(timed)
                handled = true
            }
        }
        guard !handled else { return }
        marks.append(TimelineMark(lane: .aws, at: timed.at, glyph: .action,
                                  label: r.action + (summary.isEmpty ? "" : " " + summary), detail: line(timed),
                                  color: TimelinePalette.color(of: r.requestedBy), event: i))
    }

    private mutating func addFault(_ f: Fault, timed: TimedEvent, index i: Int) {
        let at = timed.at
        func band(_ lane: TimelineLane, until: SimTime, label: String) {
            bars.append(TimelineBar(lane: lane, kind: .fault, from: at, to: max(at, until), lagUntil: nil, label: label,
                                    detail: line(timed), color: TimelinePalette.muted, outcome: .successful,
                                    clobbers: false, data: [("fault", label)]))
        }
        switch f {
        case .operatorDown(let until): band(.operator, until: until, label: "eks-operator down")
        case .platformUpdate(let until): band(.aws, until: until, label: "hidden platform update (update lock)")
        case .throttle(let op, let rate, _, let until):
            band(.aws, until: until, label: "\(op) throttled (\(SVGWriter.number(rate))/s)")
        case .failNextUpdate:
            marks.append(TimelineMark(lane: .aws, at: at, glyph: .fault, label: "fault: next update fails",
                                      detail: line(timed), color: TimelinePalette.muted, event: i))
        }
    }

    /// The clobbers that made a write lost.
    private var losing: [Clobber] {
        report.findings.clobbers.filter { c in
            report.findings.lost.contains { $0.firstClobber == c || $0.finalClobber == c || c.victim == $0.write.id }
        }
    }

    /// Marks a bar whose action stored a clobber: red when it made a write lost, else amber.
    private mutating func flag(bar b: Int, by actor: Actor, action: String, at: SimTime) {
        let stored = report.findings.clobbers.filter { $0.by == actor && $0.action == action && $0.at == at }
        guard !stored.isEmpty else { return }
        let losing = self.losing
        if stored.contains(where: losing.contains) { bars[b].clobbers = true } else { bars[b].overwrites = true }
    }

    /// `privateAccess = true`, `unset tags.env`.
    static func setting(_ w: Write) -> String {
        w.value.map { "\(w.path) = \(short($0.description))" } ?? "unset \(w.path)"
    }

    /// The leaves a change stores, `path=value`, at most three.
    static func summary(_ change: SubtreeChange) -> String {
        let leaves = change.entries.sorted { $0.key < $1.key }.filter { $0.value.value != .container }
        var parts = leaves.prefix(3).map { leaf in
            leaf.value.value.map { "\(leaf.key)=\(short($0.description))" } ?? "removed \(leaf.key)"
        }
        if leaves.count > 3 { parts.append("+\(leaves.count - 3)") }
        if parts.isEmpty { return change.replaced.prefix(3).map(\.raw).joined(separator: ", ") }
        return parts.joined(separator: ", ")
    }

    static func short(_ s: String) -> String { s.count > 24 ? String(s.prefix(23)) + "…" : s }
}
