import ClusterStateMachine

/// Turns the checker's clobbers into arrows: each starts where the stale value was read (in the
/// lane of the surface it was read from) and ends at the mark of the action that stored it.
///
/// - The eks-operator, the bridge and a Rancher edit take their values from `Spec.EKSConfig`, so
///   their stale reads start in that lane; the refresher and a console person read AWS.
/// - The end is the clobbering action's own mark: an operator call in the eks-operator lane, a
///   push in the bridge lane, a refresher spec sync in the Spec.EKSConfig lane (where that write
///   lands), an UpstreamSpec refresh on its tick, a person's write in the person's lane.
struct ClobberArrows {
    let report: RunReport
    private(set) var marks: [TimelineMark]
    private(set) var arrows: [TimelineArrow] = []
    private(set) var ends: [(from: Int, to: Int)] = []

    init(report: RunReport, marks: [TimelineMark]) {
        self.report = report
        self.marks = marks
    }

    /// The lane the stale value was read in.
    static func sourceLane(_ c: Clobber) -> TimelineLane {
        switch c.by {
        case .operator, .bridge, .rancher: .rancherSpec
        case .refresher, .console, .aws: .aws
        }
    }

    /// The lane of the action that stored it.
    static func targetLane(_ c: Clobber) -> TimelineLane {
        switch (c.by, c.action) {
        case (.refresher, "UpstreamSpec refresh"): .refresher
        case (.refresher, _), (.rancher, "Rancher edit"): .rancherSpec
        case (.rancher, _): .rancherPerson
        case (.console, _): .consolePerson
        case (.bridge, _): .bridge
        case (.operator, _): .operator
        case (.aws, _): .aws
        }
    }

    mutating func build() {
        let findings = report.findings
        let writes = Dictionary(report.result.state.writes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for (k, c) in findings.clobbers.enumerated() {
            let key = "\(Self.sourceLane(c).rawValue)|\(c.staleReadAt)|\(Self.targetLane(c).rawValue)|\(c.at)|\(c.action)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(k)
        }
        for key in order {
            let members = groups[key]!
            let first = findings.clobbers[members[0]]
            var numbers: [Int] = []
            var victims: [String] = []
            for k in members {
                let c = findings.clobbers[k]
                for (n, lost) in findings.lost.enumerated()
                where lost.firstClobber == c || lost.finalClobber == c || c.victim == lost.write.id {
                    if !numbers.contains(n + 1) { numbers.append(n + 1) }
                }
                if let w = writes[c.victim] {
                    let name = "\(w.actor.rawValue) \(w.path)"
                    if !victims.contains(name) { victims.append(name) }
                }
            }
            numbers.sort()
            // One value per path, leaving out paths inside another one shown (a node group's fields).
            let stored = members.map { findings.clobbers[$0] }
            let shown = stored.filter { c in !stored.contains { $0.path != c.path && c.path.isWithin($0.path) } }
            let values = shown.map(Self.value).uniqued()
            let label = values.joined(separator: ", ")
            var detail = "clobber: \(first.by.rawValue) \(first.action) at \(clock(first.at)) stored \(label)"
            detail += ", a value read at \(clock(first.staleReadAt))"
            for k in members {
                let c = findings.clobbers[k]
                let victim = writes[c.victim].map { "\($0.actor.rawValue) \($0.id) \(TimelineBuilder.setting($0))" } ?? c.victim.description
                detail += "\n  on \(c.surface.title): \(c.path) replaced \(victim), visible at \(clock(c.visibleAt))"
            }
            if !numbers.isEmpty { detail += "\nmakes lost: " + numbers.map { "(\($0))" }.joined(separator: " ") }
            let arrow = TimelineArrow(clobbers: members, fromLane: Self.sourceLane(first), fromTime: first.staleReadAt,
                                      toLane: Self.targetLane(first), toTime: first.at, toEvent: nil,
                                      loses: !numbers.isEmpty, lostNumbers: numbers, victims: victims,
                                      victimAt: members.compactMap { writes[findings.clobbers[$0].victim]?.at }.min(),
                                      label: label, detail: detail)
            var arrow2 = arrow
            let (to, toTime) = target(for: first, arrow: arrow)
            arrow2.toTime = toTime
            let from = source(for: arrow2)
            arrows.append(arrow2)
            ends.append((from, to))
        }
    }

    private func clock(_ t: SimTime) -> String { report.result.clock(t) }

    /// `privateAccess=false`, `removed tags.b`.
    static func value(_ c: Clobber) -> String {
        c.value.map { "\(c.path)=\(TimelineBuilder.short($0.description))" } ?? "removed \(c.path)"
    }

    /// True when the mark shows the action that stored the clobber.
    private func shows(_ mark: TimelineMark, _ c: Clobber) -> Bool {
        let log = report.result.log
        return mark.events.contains { e in
            switch log[e].event {
            case .awsCalled(let call): call.operation == c.action
            case .writeMade(let w): w.path.touches(c.path)
            case .specSynced: c.action == "spec sync"
            case .rancherSpecEdited: c.action == "Rancher edit"
            case .eksConfigPushed: true
            case .upstreamSpecRefreshed: true
            case .awsResourcesChanged(let r): r.action == c.action
            default: false
            }
        }
    }

    /// The mark of the clobbering action, emphasised, and its time. A store AWS makes when a
    /// request completes (a node group deleted) points at the request; a new mark is made when
    /// the lane has none.
    private mutating func target(for c: Clobber, arrow: TimelineArrow) -> (Int, SimTime) {
        let lane = arrow.toLane
        let candidates = marks.indices.filter { marks[$0].lane == lane && marks[$0].times.contains(c.at) && marks[$0].glyph != .staleRead }
        let earlier = marks.indices.filter { marks[$0].lane == lane && marks[$0].at <= c.at && marks[$0].glyph == .action && shows(marks[$0], c) }
            .max { (marks[$0].at, $0) < (marks[$1].at, $1) }
        let index: Int
        var time = c.at
        if let best = candidates.first(where: { shows(marks[$0], c) }) {
            index = best
        } else if let earlier {
            index = earlier
            time = marks[earlier].at
        } else if let any = candidates.first {
            index = any
        } else {
            marks.append(TimelineMark(lane: lane, at: c.at, glyph: .action, label: c.action,
                                      detail: "\(clock(c.at))  \(c.by.rawValue): \(c.action)",
                                      color: TimelinePalette.color(of: c.by)))
            index = marks.count - 1
        }
        if marks[index].emphasis != .lost {
            if marks[index].emphasis != .clobber, marks[index].glyph == .action || marks[index].glyph == .error || marks[index].glyph == .tick {
                if !marks[index].label.contains(arrow.label) {
                    marks[index].label += (marks[index].label.isEmpty ? "" : " ") + arrow.label
                }
            }
            if arrow.loses { marks[index].emphasis = .clobber } else if marks[index].emphasis != .clobber { marks[index].emphasis = .normal }
            marks[index].mergeKey = nil
        }
        marks[index].detail += "\n" + arrow.detail
        // One attribute per mark: a second arrow at the same action adds its ids to the first's.
        let ids = arrow.clobbers.map(String.init).joined(separator: " ")
        if let existing = marks[index].data.firstIndex(where: { $0.0 == "clobber" }) {
            marks[index].data[existing].1 += " " + ids
        } else {
            marks[index].data.append(("clobber", ids))
        }
        return (index, time)
    }

    /// The mark where the stale value was read: the lane's mark at that moment when it shows the
    /// read (the initial state, a spec sync), else a new "stale read" mark.
    private mutating func source(for arrow: TimelineArrow) -> Int {
        let lane = arrow.fromLane, t = arrow.fromTime
        if let i = marks.indices.first(where: {
            marks[$0].lane == lane && marks[$0].times.contains(t) && [.initial, .change, .staleRead].contains(marks[$0].glyph)
        }) {
            return i
        }
        marks.append(TimelineMark(lane: lane, at: t, glyph: .staleRead, label: "stale read",
                                  detail: "\(clock(t))  the value later stored by \(arrow.label) was read here",
                                  color: arrow.loses ? TimelinePalette.clobber : TimelinePalette.transient))
        return marks.count - 1
    }
}

fileprivate extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
