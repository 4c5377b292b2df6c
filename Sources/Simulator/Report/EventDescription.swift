import ClusterStateMachine

/// One line per event, as the audit history and the report's timeline print it.
public enum EventDescription {
    /// What the event did, in words, long values cut (`LongValue`). `clusterName` fills in the
    /// request parameter that named the stream's cluster (an `AWSCalled` stores it by name only).
    public static func line(_ event: ClusterEvent, clusterName: String? = nil) -> String {
        switch event {
        case .clusterObserved(let c):
            "cluster \(LongValue.cut(c.name)) exists: \(summary(c.aws, limit: 8)); Rancher manages \(managedKeys(c.rancherSpec))"
        case .workScheduled(let w): "queued \(w.kind) for +\(DurationText.format(w.at))"
        case .workStarted(let w): w.kind == .refresherTick ? "tick: reads AWS" : "runs \(w.kind)"
        case .workCancelled(let w): "dropped a later \(w.kind) (the queue holds it once)"
        case .writeMade(let w):
            "\(w.id) \(w.value.map { "sets \(LongValue.cut(w.path.raw)) = \(LongValue.cut($0.description))" } ?? "unsets \(LongValue.cut(w.path.raw))") (having seen \(basis(w.basis)))"
        case .writeRefused(let r): "\(r.operation) refused: \(r.error) (writes \(r.writes.map(\.description).joined(separator: ", ")))"
        case .rancherSpecEdited(let s): "Spec.EKSConfig edited: \(changeSummary(s.change))"
        case .specSynced(let s): "spec sync copied AWS into Spec.EKSConfig: \(changeSummary(s.change))"
        case .upstreamSpecRefreshed(let d): "UpstreamSpec refreshed from AWS: \(d.change.isEmpty ? "values re-read" : changeSummary(d.change))"
        case .eksConfigPushed: "pushed Spec.EKSConfig to the EKSClusterConfig spec (full copy); watching 10 s for a non-active phase"
        case .bridgeWatchEnded(let b):
            b.conflict == true ? "watch timed out; writing AppliedSpec was a 409 Conflict (the Cluster changed meanwhile): retried"
                : "watch saw phase \(b.phase.rawValue); AppliedSpec not recorded"
        case .appliedSpecRecorded(let d): "AppliedSpec := Spec.EKSConfig (\(d.reason))"
        case .operatorStatusUpdated(let s):
            "EKSClusterConfig status: phase \(s.phase.rawValue)" + (s.failureMessage.isEmpty ? "" : ", failureMessage \"\(s.failureMessage.replacingOccurrences(of: "\n\t", with: " "))\"")
                + (s.completedUpdateIDs.isEmpty ? "" : ", \(s.completedUpdateIDs.count) completed update ids")
        case .operatorBackoff(let b), .refresherBackoff(let b): "rate limiter: \(b.failures) consecutive failures"
        case .refresherStatusChanged(let s):
            s.waitingForBridge ? "tick due while the bridge's handler is blocked in its watch: runs when the watch ends"
                : s.condition.isEmpty ? "Updated condition cleared" : "Updated=False: \(s.condition)"
        case .upstreamSpecCleared(let c): "UpstreamSpec := nil (\(c.reason))"
        case .syncConflictSurfaced(let c):
            "conflict surfaced (\(c.policy)): \(c.path) is \(c.rancher?.value?.description ?? "absent") in Spec.EKSConfig (\(c.rancher?.origin.description ?? "–")), \(c.aws?.value?.description ?? "absent") on AWS (\(c.aws?.origin.description ?? "–")); neither is copied over the other"
        case .awsCalled(let c):
            "\(c.operation)(\(requestText(c, clusterName: clusterName))) → "
                + (c.error.map { "\($0.code) \($0.httpStatus): \($0.message)" } ?? c.response)
                + (c.attempt.map { " (SDK retry: attempt \($0), +\(DurationText.format(c.attemptAfter ?? 0)))" } ?? "")
        case .awsUpdateStarted(let u):
            "update \(short(u.id)) \(u.type.rawValue)\(u.nodegroupName.map { " on \($0)" } ?? "") InProgress: \(changeSummary(u.change))"
        case .awsUpdateStatusVisible(let w): "DescribeCluster now reports UPDATING (\(w.kind))"
        case .awsUpdateFinished(let f): "update \(short(f.id)) \(f.status.rawValue)"
        case .awsResourcesChanged(let r):
            (r.change.entries.isEmpty && r.change.replaced.isEmpty ? r.action : "\(r.action): \(changeSummary(r.change))")
                + r.nodegroupStatus.sorted { $0.key < $1.key }
                .map { ", node group \($0.key) \($0.value?.rawValue ?? "gone")" }.joined()
        case .faultInjected(let f):
            switch f {
            case .operatorDown(let until): "fault: eks-operator down until +\(DurationText.format(until))"
            case .failNextUpdate: "fault: the next accepted update will fail"
            case .platformUpdate(let until): "fault: hidden platform update holds the cluster lock until +\(DurationText.format(until))"
            case .throttle(let op, let rate, let burst, let until):
                "fault: \(op) throttled to \(rate)/s (burst \(Int(burst))) until +\(DurationText.format(until))"
            }
        case .faultCleared(let f):
            switch f {
            case .operatorDown: "the eks-operator restarts; its informer lists the EKSClusterConfig again"
            case .failNextUpdate: "the armed update failure is disarmed"
            case .platformUpdate: "the hidden platform update ends; the cluster lock is free"
            case .throttle(let op, _, _, _): "\(op) is no longer throttled"
            }
        }
    }

    /// True for events a reader of the timeline cares about (not scheduling or plain reads).
    public static func isNotable(_ event: ClusterEvent) -> Bool {
        switch event {
        case .workStarted(let w): w.kind == .refresherTick
        case .workScheduled, .workCancelled, .operatorBackoff, .refresherBackoff, .awsUpdateStatusVisible: false
        case .awsCalled(let c): c.error != nil || !(c.operation.hasPrefix("Describe") || c.operation.hasPrefix("List"))
        default: true
        }
    }

    /// The field paths an event read or changed (what `history --field` matches).
    public static func fields(_ event: ClusterEvent) -> [FieldPath] {
        switch event {
        case .clusterObserved(let c): c.aws.topLevelKeys.map(FieldPath.init(unchecked:))
        case .writeMade(let w): [w.path]
        case .rancherSpecEdited(let s), .specSynced(let s): s.change.paths
        case .upstreamSpecRefreshed(let d), .eksConfigPushed(let d), .appliedSpecRecorded(let d):
            Set(d.change.paths.map(\.topLevel)).sorted().map(FieldPath.init(unchecked:))
        case .awsCalled(let c): c.fields
        case .awsUpdateStarted(let u): u.change.paths
        case .awsResourcesChanged(let r):
            // A node group's status or deletion names the group even when no value changed yet.
            Array(Set(r.change.paths + (Array(r.nodegroupStatus.keys) + Array((r.deletionsRequested ?? [:]).keys))
                .map { FieldPath(unchecked: "nodeGroups").appending($0) })).sorted()
        case .syncConflictSurfaced(let c): [c.path]
        default: []
        }
    }

    /// `fields(_:)` for a log read in order: an update's completion touches the paths its start
    /// carried (the moment a value changes on AWS).
    public struct Tracker {
        private var updatePaths: [String: [FieldPath]] = [:]

        public init() {}

        public mutating func fields(_ event: ClusterEvent) -> [FieldPath] {
            switch event {
            case .awsUpdateStarted(let u):
                updatePaths[u.id] = u.change.paths
                return u.change.paths
            case .awsUpdateFinished(let f):
                return updatePaths[f.id] ?? []
            default:
                return EventDescription.fields(event)
            }
        }
    }

    static func short(_ id: String) -> String { String(id.prefix(8)) }

    /// `key=value, …` sorted by key, the cluster's own name put back under its parameter.
    static func requestText(_ call: AWSCall, clusterName: String?) -> String {
        var request = call.request
        if let target = call.target { request[target] = clusterName ?? "(this cluster)" }
        return request.sorted { $0.key < $1.key }.map { "\($0.key)=\(LongValue.cut($0.value))" }.joined(separator: ", ")
    }

    static func basis(_ origins: [WriteID]) -> String {
        let named = origins.map(\.description)
        return named.count <= 4 ? named.joined(separator: ", ") : named.prefix(4).joined(separator: ", ") + " and \(named.count - 4) more"
    }

    static func managedKeys(_ spec: SpecDocument) -> String {
        let keys = FieldSchema.cluster.filter { $0.nillable && spec.isManaged($0.name) }.map(\.name)
        return keys.isEmpty ? "nothing (registered cluster)" : keys.joined(separator: ", ")
    }

    static func summary(_ doc: SpecDocument, limit: Int) -> String {
        let json = doc.json()
        guard case .object(let pairs) = json else { return "" }
        let shown = pairs.filter { !["amazonCredentialSecret", "region", "imported", "displayName"].contains($0.0) }
        let text = shown.prefix(limit).map { key, value in
            "\(key)=" + ((key == "nodeGroups" ? nodeGroupsText(value) : nil) ?? LongValue.cut(LongValue.shortened(value).description))
        }.joined(separator: " ")
        return shown.count > limit ? text + " …" : text
    }

    /// `[ng1 (version "1.29", desiredSize 2, minSize 1, maxSize 5); ng2 (…)]`: each node group by
    /// name with its non-empty fields, so a long list is not cut in the middle of the first group;
    /// more than four end in `+N more`. Nil when the value is not a node group list.
    static func nodeGroupsText(_ value: JSONValue) -> String? {
        guard let named = NodeGroupList.groups(value) else { return nil }
        let groups = named.map { group -> String in
            let fields = group.fields.filter { _, value in
                if case .object(let members) = value { return !members.isEmpty }
                if case .array(let members) = value { return !members.isEmpty }
                return true
            }.map { "\($0.0) \(LongValue.cut(LongValue.shortened($0.1).description))" }
            return LongValue.cut(group.name) + (fields.isEmpty ? "" : " (\(fields.joined(separator: ", ")))")
        }
        return "[" + groups.prefix(4).joined(separator: "; ") + (groups.count > 4 ? "; +\(groups.count - 4) more" : "") + "]"
    }

    static func changeSummary(_ change: SubtreeChange) -> String {
        let leaves = change.entries.sorted { $0.key < $1.key }.filter { $0.value.value != .container }
        let parts = leaves.prefix(6).map { "\(LongValue.cut($0.key))=\(LongValue.cut($0.value.value?.description ?? "<removed>")) [\($0.value.origin)]" }
        let text = parts.joined(separator: ", ")
        return leaves.count > 6 ? text + ", …" : (text.isEmpty ? change.replaced.map(\.raw).joined(separator: ", ") : text)
    }
}
