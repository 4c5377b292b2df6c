/// Folds one event into a state. Total and deterministic: every event applies to every state.
public func evolve(_ state: ClusterState, _ event: TimedEvent) -> ClusterState {
    var next = state
    next.apply(event)
    return next
}

extension ClusterState {
    /// Folds a sequence of events from the empty state.
    public static func fold<S: Sequence>(_ events: S) -> ClusterState where S.Element == TimedEvent {
        var state = ClusterState()
        for event in events { state.apply(event) }
        return state
    }

    /// Folds one event in place; `observer`, when given, sees every value replaced on a surface.
    public mutating func apply(_ timed: TimedEvent, observer: ((StoreObservation) -> Void)? = nil) {
        now = max(now, timed.at)
        let at = timed.at
        switch timed.event {
        case .clusterObserved(let c):
            aws = AWSClusterState(name: c.name, arn: c.arn, visible: c.aws)
            aws.nodegroupStatus = c.nodegroupStatus
            aws.rancherTemplateNodegroups = Set(c.rancherTemplateNodegroups ?? [])
            rancher = RancherState(spec: c.rancherSpec, upstreamSpec: c.upstreamSpec, phase: c.phase)
        case .workScheduled(let item):
            pending.insert(item)
            nextSeq = max(nextSeq, item.seq + 1)
        case .workStarted(let w), .workCancelled(let w), .awsUpdateStatusVisible(let w):
            pending.remove(seq: w.seq)
            // A tick that waited for the bridge is running now.
            if case .workStarted = timed.event, w.kind == .refresherTick { rancher.refresher.waitingForBridge = false }
            if case .awsUpdateStatusVisible = timed.event, case .awsStatusVisible(let id) = w.kind {
                _ = aws.modifyUpdate(id) { $0.statusVisible = true }
            }
        case .writeMade(let w):
            writes.append(w)
        case .writeRefused(let r):
            refused.formUnion(r.writes)
        case .rancherSpecEdited(let s), .specSynced(let s):
            rancher.clusterWrites += 1
            let action = if case .specSynced = timed.event { "spec sync" } else { "Rancher edit" }
            Self.store(s.change, in: &rancher.spec, surface: .rancherSpec, by: timed.actor, action: action,
                       at: at, visibleAt: at, observer: observer)
        case .upstreamSpecRefreshed(let d):
            var upstream = rancher.upstreamSpec ?? SpecDocument()
            Self.store(d, in: &upstream, surface: .upstreamSpec, by: timed.actor, action: "UpstreamSpec refresh",
                       at: at, observer: observer)
            rancher.upstreamSpec = upstream
            rancher.lastRefreshAt = at
            rancher.clusterWrites += 1
            rancher.upstreamSpecCleared = false
        case .upstreamSpecCleared:
            rancher.upstreamSpec = nil
            rancher.upstreamSpecCleared = true
            rancher.lastRefreshAt = at
            rancher.clusterWrites += 1
        case .refresherStatusChanged(let s):
            if s.condition != rancher.refresher.condition { rancher.clusterWrites += 1 }
            rancher.refresher = s
        case .eksConfigPushed(let d):
            Self.store(d, in: &rancher.eksccSpec, surface: .eksccSpec, by: timed.actor, action: "EKSClusterConfig update",
                       at: at, observer: observer)
            rancher.bridgeWatch = BridgeWatch(pushedAt: at, pushedSpec: rancher.eksccSpec, clusterWrites: rancher.clusterWrites)
        case .bridgeWatchEnded:
            rancher.bridgeWatch = nil
        case .appliedSpecRecorded(let d):
            var applied = rancher.appliedSpec ?? SpecDocument()
            applied.store(d)
            rancher.appliedSpec = applied
            rancher.bridgeWatch = nil
            rancher.clusterWrites += 1
        case .operatorStatusUpdated(let s):
            rancher.phase = s.phase
            rancher.failureMessage = s.failureMessage
            rancher.completedUpdateIDs = s.completedUpdateIDs
        case .awsCalled(let call):
            if let bucket = call.bucket { aws.throttles[call.operation] = bucket }
        case .awsUpdateStarted(let u):
            aws.appendUpdate(u)
            if u.willFail { aws.failNextUpdate = false }
            if let ng = u.nodegroupName { aws.nodegroupStatus[ng] = .updating }
        case .awsUpdateFinished(let f):
            guard let u = aws.modifyUpdate(f.id, { $0.status = f.status; $0.errors = f.errors }) else { break }
            if f.status == .successful {
                Self.store(u.change, in: &aws.visible, surface: .aws, by: u.requestedBy, action: u.action,
                           at: u.createdAt, visibleAt: at, observer: observer)
            }
            if let ng = u.nodegroupName, aws.nodegroupStatus[ng] != nil { aws.nodegroupStatus[ng] = .active }
        case .awsResourcesChanged(let r):
            Self.store(r.change, in: &aws.visible, surface: .aws, by: r.requestedBy, action: r.action,
                       at: r.requestedAt ?? at, visibleAt: at, observer: observer)
            for (name, removal) in r.deletionsRequested ?? [:] {
                aws.nodegroupDeletions[name] = NodegroupDeletion(removal: removal, requestedBy: r.requestedBy, requestedAt: at)
            }
            for (name, status) in r.nodegroupStatus {
                // A group the eks-operator creates gets Rancher's managed launch template.
                if status == .creating && r.requestedBy == .operator { aws.rancherTemplateNodegroups.insert(name) }
                if status == nil { aws.rancherTemplateNodegroups.remove(name) }
                aws.nodegroupStatus[name] = status
                if status == nil { aws.nodegroupDeletions[name] = nil }
            }
        case .operatorBackoff(let b):
            rancher.operatorFailures = b.failures
        case .refresherBackoff(let b):
            rancher.refresherFailures = b.failures
        case .syncConflictSurfaced(let c):
            if !rancher.syncConflicts.contains(where: { $0.sameDisagreement(as: c) }) { rancher.syncConflicts.append(c) }
        case .faultCleared(let fault):
            switch fault {
            // Overlapping faults of one kind: the one that lasts longest decides, so only its
            // end clears the state.
            case .operatorDown(let until) where rancher.operatorDownUntil == until: rancher.operatorDownUntil = nil
            case .failNextUpdate: aws.failNextUpdate = false
            case .platformUpdate(let until) where aws.hiddenLockUntil == until: aws.hiddenLockUntil = nil
            case .throttle(let op, _, _, let until) where aws.throttles[op]?.until == until: aws.throttles[op] = nil
            default: break
            }
        case .faultInjected(let fault):
            switch fault {
            case .operatorDown(let until): rancher.operatorDownUntil = max(rancher.operatorDownUntil ?? until, until)
            case .failNextUpdate: aws.failNextUpdate = true
            case .platformUpdate(let until): aws.hiddenLockUntil = max(aws.hiddenLockUntil ?? until, until)
            case .throttle(let op, let rate, let burst, let until):
                aws.throttles[op] = TokenBucket(ratePerSecond: rate, burst: burst, from: at, until: until)
            }
        }
    }

    /// The event as the log records it: a whole document the sync engine decided becomes the
    /// difference from the surface it lands on (a refresh's uniform read time kept as `readAt`), so
    /// the log stores what changed. Folding either form gives the same state.
    public func recorded(_ event: ClusterEvent) -> ClusterEvent {
        guard !Self.isRecordedAsIs(event) else { return event }
        return switch event {
        case .upstreamSpecRefreshed(let d): .upstreamSpecRefreshed(Self.difference(d, on: rancher.upstreamSpec ?? SpecDocument(), refresh: true))
        case .eksConfigPushed(let d): .eksConfigPushed(Self.difference(d, on: rancher.eksccSpec))
        case .appliedSpecRecorded(let d): .appliedSpecRecorded(Self.difference(d, on: rancher.appliedSpec ?? SpecDocument()))
        default: event
        }
    }

    /// True for the events `recorded` returns unchanged: all but the whole documents the sync engine
    /// decides. A simulation asks first so that it need not hand `recorded` the state for the others.
    public static func isRecordedAsIs(_ event: ClusterEvent) -> Bool {
        switch event {
        case .upstreamSpecRefreshed, .eksConfigPushed, .appliedSpecRecorded: false
        default: true
        }
    }

    /// `stored` as the difference from `old`; a change that is already a difference is kept.
    static func difference(_ stored: DocumentStored, on old: SpecDocument, refresh: Bool = false) -> DocumentStored {
        guard stored.readAt == nil, stored.change.replaced == SpecDocument.sortedTopLevelKeys else { return stored }
        let new = SpecDocument(entries: stored.change.entries)
        // A refresh stamps the values it copies with the read's time: keep that time once, and
        // name the few entries that keep another (values the refresh does not read).
        var counts: [SimTime: Int] = [:]
        for entry in new.entries.values { counts[entry.readAt, default: 0] += 1 }
        guard refresh, !old.entries.isEmpty, let readAt = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key else {
            return DocumentStored(change: old.difference(to: new), reason: stored.reason)
        }
        let change = old.difference(to: new) { old, entry in
            old.value == entry.value && old.origin == entry.origin && (entry.readAt == readAt || old.readAt == entry.readAt)
        }
        let kept = new.entries.filter { $0.value.readAt != readAt && change.entries[$0.key] == nil }.keys.sorted()
        return DocumentStored(change: change, readAt: readAt, keptReadAt: kept.map(FieldPath.init(unchecked:)), reason: stored.reason)
    }

    private static func store(
        _ stored: DocumentStored, in doc: inout SpecDocument, surface: Surface, by: Actor, action: String,
        at: SimTime, observer: ((StoreObservation) -> Void)?
    ) {
        guard observer != nil else {
            doc.store(stored)
            return
        }
        store(stored.change, in: &doc, surface: surface, by: by, action: action, at: at, visibleAt: at, observer: observer)
        doc.restamp(stored)
    }

    private static func store(
        _ change: SubtreeChange, in doc: inout SpecDocument, surface: Surface, by: Actor, action: String,
        at: SimTime, visibleAt: SimTime, observer: ((StoreObservation) -> Void)?
    ) {
        guard let observer else {
            doc.apply(change)
            return
        }
        var paths = Set(change.entries.keys)
        for path in change.replaced { paths.formUnion(doc.subtree(path).keys) }
        let sorted = paths.sorted()
        let before = sorted.map { doc.effectiveEntry(at: FieldPath(unchecked: $0)) }
        doc.apply(change)
        for (raw, old) in zip(sorted, before) {
            let path = FieldPath(unchecked: raw)
            let new = doc.effectiveEntry(at: path)
            guard old?.origin != new?.origin || old?.value != new?.value else { continue }
            observer(StoreObservation(surface: surface, path: path, before: old, after: new, by: by,
                                      action: action, at: at, visibleAt: visibleAt))
        }
    }
}
