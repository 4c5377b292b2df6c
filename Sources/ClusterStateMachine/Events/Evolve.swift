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
            pending.append(item)
            nextSeq = max(nextSeq, item.seq + 1)
        case .workStarted(let w), .workCancelled(let w), .awsUpdateStatusVisible(let w):
            pending.removeAll { $0.seq == w.seq }
            // A tick that waited for the bridge is running now.
            if case .workStarted = timed.event, w.kind == .refresherTick { rancher.refresher.waitingForBridge = false }
            if case .awsUpdateStatusVisible = timed.event, case .awsStatusVisible(let id) = w.kind,
               let i = aws.updates.firstIndex(where: { $0.id == id }) {
                aws.updates[i].statusVisible = true
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
            Self.store(Self.replacement(of: upstream, by: d.document), in: &upstream, surface: .upstreamSpec,
                       by: timed.actor, action: "UpstreamSpec refresh", at: at, visibleAt: at, observer: observer)
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
            Self.store(Self.replacement(of: rancher.eksccSpec, by: d.document), in: &rancher.eksccSpec,
                       surface: .eksccSpec, by: timed.actor, action: "EKSClusterConfig update", at: at,
                       visibleAt: at, observer: observer)
            rancher.bridgeWatch = BridgeWatch(pushedAt: at, pushedSpec: d.document, clusterWrites: rancher.clusterWrites)
        case .bridgeWatchEnded:
            rancher.bridgeWatch = nil
        case .appliedSpecRecorded(let d):
            rancher.appliedSpec = d.document
            rancher.bridgeWatch = nil
            rancher.clusterWrites += 1
        case .operatorStatusUpdated(let s):
            rancher.phase = s.phase
            rancher.failureMessage = s.failureMessage
            rancher.completedUpdateIDs = s.completedUpdateIDs
        case .awsCalled(let call):
            if let bucket = call.bucket { aws.throttles[call.operation] = bucket }
        case .awsUpdateStarted(let u):
            aws.updates.append(u)
            if u.willFail { aws.failNextUpdate = false }
            if let ng = u.nodegroupName { aws.nodegroupStatus[ng] = .updating }
        case .awsUpdateFinished(let f):
            guard let i = aws.updates.firstIndex(where: { $0.id == f.id }) else { break }
            aws.updates[i].status = f.status
            aws.updates[i].errors = f.errors
            let u = aws.updates[i]
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

    /// The change that turns `old` into `new`: every top-level key of either replaced, in sorted order.
    static func replacement(of old: SpecDocument, by new: SpecDocument) -> SubtreeChange {
        let keys = sortedTopLevelKeys.filter { old.entries[$0] != nil || new.entries[$0] != nil }
        return SubtreeChange(replaced: keys.map(FieldPath.init(unchecked:)), entries: new.entries)
    }

    /// The schema's top-level keys, sorted once: filtering them keeps the order without a set and a sort per event.
    private static let sortedTopLevelKeys = FieldSchema.cluster.map(\.name).sorted()

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
