/// The cluster as it exists at offset 0, on every surface.
public struct ClusterObserved: Hashable, Sendable, Codable {
    public var name: String
    public var arn: String
    public var aws: SpecDocument
    public var nodegroupStatus: [String: NodegroupStatus]
    public var rancherSpec: SpecDocument
    public var upstreamSpec: SpecDocument?
    public var phase: OperatorPhase
    /// The node groups on Rancher's managed launch template (absent: none).
    public var rancherTemplateNodegroups: [String]?

    public init(name: String, arn: String, aws: SpecDocument, nodegroupStatus: [String: NodegroupStatus],
                rancherSpec: SpecDocument, upstreamSpec: SpecDocument?, phase: OperatorPhase,
                rancherTemplateNodegroups: [String]? = nil) {
        self.rancherTemplateNodegroups = rancherTemplateNodegroups
        self.name = name
        self.arn = arn
        self.aws = aws
        self.nodegroupStatus = nodegroupStatus
        self.rancherSpec = rancherSpec
        self.upstreamSpec = upstreamSpec
        self.phase = phase
    }
}

/// A scheduled work item starts running and leaves the queue.
public struct WorkStarted: Hashable, Sendable, Codable {
    public var seq: Int
    public var kind: WorkKind
    public init(seq: Int, kind: WorkKind) { self.seq = seq; self.kind = kind }
}

/// AWS refused the calls that carried these writes (a console step refused is not a lost write).
public struct WriteRefused: Hashable, Sendable, Codable {
    public var writes: [WriteID]
    public var operation: String
    public var error: String
    public init(writes: [WriteID], operation: String, error: String) {
        self.writes = writes
        self.operation = operation
        self.error = error
    }
}

/// A change to `Spec.EKSConfig`: a person's edit through the Rancher form, or the refresher's sync.
public struct SpecChange: Hashable, Sendable, Codable {
    public var change: SubtreeChange
    /// The person's writes the change carries (empty for the refresher).
    public var writes: [WriteID]
    public init(change: SubtreeChange, writes: [WriteID] = []) { self.change = change; self.writes = writes }
}

/// A document stored on one Rancher surface, as what changed on it.
///
/// The sync engine decides whole documents (`init(document:reason:)`: a change that replaces every
/// top-level key); the simulation records the difference from the surface it lands on
/// (`ClusterState.recorded(_:)`), so a log holds what changed, not a copy per event. Folding
/// either form gives the same surface.
public struct DocumentStored: Hashable, Sendable {
    /// Drop everything under `change.replaced`, then store `change.entries`.
    public var change: SubtreeChange
    /// When set, the entries of the resulting document were read at this time (a refresh stamps
    /// every value it copies with its read): every entry not in `change` and not in `keptReadAt`
    /// keeps its value and origin and takes this `readAt`.
    public var readAt: SimTime?
    /// Entries, not in `change`, that keep their own `readAt` (values a refresh does not read).
    public var keptReadAt: [FieldPath]
    /// Why it was stored (`active`, `timeout`, ...), for the audit history.
    public var reason: String

    public init(change: SubtreeChange, readAt: SimTime? = nil, keptReadAt: [FieldPath] = [], reason: String = "") {
        self.change = change
        self.readAt = readAt
        self.keptReadAt = keptReadAt
        self.reason = reason
    }

    /// The whole `document` replaces the surface.
    public init(document: SpecDocument, reason: String = "") {
        self.init(change: SubtreeChange(replaced: SpecDocument.sortedTopLevelKeys, entries: document.entries), reason: reason)
    }

    /// The document the change leaves on an empty surface: for a whole document, that document.
    public var document: SpecDocument {
        var doc = SpecDocument()
        doc.store(self)
        return doc
    }
}

extension DocumentStored: Codable {
    private enum CodingKeys: String, CodingKey { case change, keptReadAt, readAt, reason, document }

    /// Reads schema version 2 (`change`, `readAt`) and version 1 (the whole `document`).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let reason = try c.decode(String.self, forKey: .reason)
        if let document = try c.decodeIfPresent(SpecDocument.self, forKey: .document) {
            self.init(document: document, reason: reason)
        } else {
            self.init(change: try c.decode(SubtreeChange.self, forKey: .change),
                      readAt: try c.decodeIfPresent(SimTime.self, forKey: .readAt),
                      keptReadAt: try c.decodeIfPresent([FieldPath].self, forKey: .keptReadAt) ?? [], reason: reason)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(change, forKey: .change)
        if !keptReadAt.isEmpty { try c.encode(keptReadAt, forKey: .keptReadAt) }
        try c.encodeIfPresent(readAt, forKey: .readAt)
        try c.encode(reason, forKey: .reason)
    }
}

/// The bridge's watch ended without recording AppliedSpec: the operator left `active`.
public struct BridgeWatchEnded: Hashable, Sendable, Codable {
    public var phase: OperatorPhase
    /// True when the watch timed out but writing AppliedSpec was a 409 Conflict: the Cluster
    /// changed while the handler waited (absent from payloads of other endings).
    public var conflict: Bool?
    public init(phase: OperatorPhase, conflict: Bool? = nil) {
        self.phase = phase
        self.conflict = conflict
    }
}

/// The eks-operator's `UpdateStatus` on the EKSClusterConfig.
public struct OperatorStatus: Hashable, Sendable, Codable {
    public var phase: OperatorPhase
    public var failureMessage: String
    public var completedUpdateIDs: [String]
    public init(phase: OperatorPhase, failureMessage: String, completedUpdateIDs: [String]) {
        self.phase = phase
        self.failureMessage = failureMessage
        self.completedUpdateIDs = completedUpdateIDs
    }
}

/// One call to the EKS API, accepted or refused, with its caller, parameters and answer.
public struct AWSCall: Hashable, Sendable, Codable {
    public var caller: Actor
    public var operation: String
    /// Request parameters, flattened to text.
    public var request: [String: String]
    /// The field paths the call read or changed.
    public var fields: [FieldPath]
    /// nil when the call succeeded.
    public var error: AWSErrorRecord?
    /// A short account of the answer (`update 3f2a… InProgress`, `ACTIVE`).
    public var response: String
    /// The throttling bucket after this call, when the operation is throttled.
    public var bucket: TokenBucket?
    /// The request parameter (`name`, `clusterName`) that named the stream's own cluster: its value
    /// is the cluster's name, stored once in `ClusterObserved`, so it is left out of `request`.
    public var target: String?
    /// An SDK retry's attempt number (2, 3, …); nil for a call's first attempt.
    public var attempt: Int?
    /// How long after the event's time a retry was made (earlier attempts' latency and the SDK's
    /// backoff waits), in ms; nil for a first attempt.
    public var attemptAfter: SimTime?

    public init(caller: Actor, operation: String, request: [String: String], fields: [FieldPath],
                error: AWSErrorRecord?, response: String, bucket: TokenBucket? = nil, target: String? = nil,
                attempt: Int? = nil, attemptAfter: SimTime? = nil) {
        self.target = target
        self.attempt = attempt
        self.attemptAfter = attemptAfter
        self.caller = caller
        self.operation = operation
        self.request = request
        self.fields = fields
        self.error = error
        self.response = response
        self.bucket = bucket
    }
}

/// An AWS error as the wire shows it: `x-amzn-ErrorType`, HTTP status, message.
public struct AWSErrorRecord: Hashable, Sendable, Codable {
    public var code: String
    public var httpStatus: Int
    public var message: String
    public init(code: String, httpStatus: Int, message: String) {
        self.code = code
        self.httpStatus = httpStatus
        self.message = message
    }
}

/// An update finished.
public struct UpdateFinished: Hashable, Sendable, Codable {
    public var id: String
    public var status: UpdateStatus
    public var errors: [AWSUpdate.ErrorDetail]
    public init(id: String, status: UpdateStatus, errors: [AWSUpdate.ErrorDetail] = []) {
        self.id = id
        self.status = status
        self.errors = errors
    }
}

/// AWS resources changed at once, without an Update record: tags, node groups created or deleted.
public struct ResourcesChanged: Hashable, Sendable, Codable {
    public var change: SubtreeChange
    /// New node group statuses; nil removes the node group (deleted).
    public var nodegroupStatus: [String: NodegroupStatus?]
    public var requestedBy: Actor
    public var action: String
    /// Node groups whose deletion AWS just accepted, with the removal's provenance: kept in
    /// `AWSClusterState.nodegroupDeletions` until the deletion completes and the tombstone is stored.
    public var deletionsRequested: [String: Entry]?
    /// When the change was asked for, if earlier than now (a node group deletion that completes).
    public var requestedAt: SimTime?

    public init(change: SubtreeChange, nodegroupStatus: [String: NodegroupStatus?] = [:], requestedBy: Actor, action: String,
                deletionsRequested: [String: Entry]? = nil, requestedAt: SimTime? = nil) {
        self.change = change
        self.nodegroupStatus = nodegroupStatus
        self.requestedBy = requestedBy
        self.action = action
        self.deletionsRequested = deletionsRequested
        self.requestedAt = requestedAt
    }
}

/// A fault a scenario injects. A fault with a duration lasts until `FaultCleared`, which a work
/// item scheduled by the step brings (`until` is when that is due, for people to read).
public enum Fault: Hashable, Sendable, Codable {
    /// The eks-operator is down and misses what happens; when it restarts, its informer lists the
    /// EKSClusterConfig again and reconciles it.
    case operatorDown(until: SimTime)
    /// The next accepted update ends `Failed`.
    case failNextUpdate
    /// A platform update EKS runs itself holds the cluster lock (aws-eks-model R2).
    case platformUpdate(until: SimTime)
    /// Calls to `operation` are throttled by a token bucket.
    case throttle(operation: String, ratePerSecond: Double, burst: Double, until: SimTime)
}

/// A controller's count of consecutive failures changed (its workqueue rate limiter's memory).
public struct Backoff: Hashable, Sendable, Codable {
    public var failures: Int
    public init(failures: Int) { self.failures = failures }
}

/// The refresher's bookkeeping on the management Cluster (Rancher 2.5.7+, reference versions.md §1.5).
public struct RefresherStatus: Hashable, Sendable, Codable {
    /// The `Updated` condition's `[Syncing error…]` message after a failed refresh; empty when clear.
    public var condition: String
    /// A tick fell inside the bridge's 10 s watch and runs when the watch ends (2.5.8+, §1.4).
    public var waitingForBridge: Bool
    public init(condition: String = "", waitingForBridge: Bool = false) {
        self.condition = condition
        self.waitingForBridge = waitingForBridge
    }
}

/// `Status.EKSStatus.UpstreamSpec` was set to nil (Rancher 2.5.8–2.5.11 and 2.6.0–2.6.2 after a
/// failed refresh, reference versions.md §1.5).
public struct UpstreamSpecCleared: Hashable, Sendable, Codable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}
