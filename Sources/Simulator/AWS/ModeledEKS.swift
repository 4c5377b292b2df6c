import ClusterStateMachine
import SyncEngine

/// The modeled EKS control plane for one cluster.
///
/// Holds no state of its own: everything it knows is folded from the event log
/// (`context.awsState`). Every call, accepted or refused, emits `.awsCalled(AWSCall)` by the
/// caller, with the parameters, the field paths touched and the answer; what the call changes in
/// AWS follows as events by `.aws` (`AWSUpdateStarted`, `AWSResourcesChanged`), and the timers that
/// finish the work are scheduled through the context. The rules live in `Operations/`, each named
/// after the reference section it implements (`aws-eks-model R1`, ...).
///
/// The context must outlive the model: the simulation owns both, and the model holds the context
/// `unowned` so that a context that owns its model does not leak.
public final class ModeledEKS {
    public let parameters: AWSModelParameters
    unowned let context: any SimulationContext
    /// How Rancher's components' SDK retries a refused call (the console's person does not).
    public var retryMode: SDKRetryMode = .none
    /// The account's API budget shared with other clusters (a fleet), or nil for one cluster alone.
    public var budget: (any APIBudget)?
    /// The calls a refresh makes beyond DescribeCluster, ListNodegroups and DescribeNodegroup × N.
    public var refreshExtras = RefreshExtras.none
    /// The wall time each call takes; it moves later attempts of the same pass (default 0).
    public var callLatency: SimTime = 0
    /// How long after `now` the current attempt is made: the pass's earlier calls and SDK waits.
    var attemptDelay: SimTime = 0
    /// The SDK's attempt number of the current call (1 for the first).
    var attemptNumber = 1
    /// The wall time the last client's calls took (calls × latency + SDK waits), for the cron walk.
    public private(set) var lastPassElapsed: SimTime = 0

    public init(parameters: AWSModelParameters, context: any SimulationContext) {
        self.parameters = parameters
        self.context = context
    }

    /// The EKS API as `caller` (operator, refresher, console) uses it: every call is recorded with
    /// that caller. A client is one `StartEKSService`: its SDK retry quota starts full.
    public func client(for caller: Actor) -> any EKSAPI {
        lastPassElapsed = 0
        let mode: SDKRetryMode = caller == .console ? .none : retryMode
        return ModeledEKSClient(model: self, caller: caller, session: SDKSession(mode: mode, latency: callLatency))
    }

    /// The resource names of `aws`, kept while its ARN and name stay the same: they are read from the
    /// ARN alone then, and parsing it on every call showed in a fleet's profile. A cluster without a
    /// well-formed ARN takes its region from the spec, so its names are worked out every time.
    func resourceNames(_ aws: AWSClusterState) -> EKSResourceNames {
        if let kept = keptNames, kept.clusterName == aws.name, kept.arn == aws.arn { return kept.names }
        let names = EKSResourceNames(aws: aws, parameters: parameters)
        keptNames = names.fromArn ? (aws.name, aws.arn, names) : nil
        return names
    }

    private var keptNames: (clusterName: String, arn: String, names: EKSResourceNames)?

    /// Records the time a client's pass has taken so far.
    func passElapsed(_ elapsed: SimTime) { lastPassElapsed = elapsed }

    /// Runs AWS's own work when the scheduler reaches it (the simulator has already emitted
    /// `.workStarted` for the item): an update's status turning visible, an update finishing, a node
    /// group finishing its creation or deletion. Other work kinds are not AWS's and are ignored, as is
    /// a timer whose subject has moved on.
    public func handle(_ work: WorkKind) {
        let aws = context.awsState
        switch work {
        case .awsStatusVisible(let id):
            // aws-eks-model R3: DescribeCluster starts reporting UPDATING once the lag has passed.
            guard let update = aws.update(id), update.status == .inProgress, !update.statusVisible else { return }
            context.emit(.awsUpdateStatusVisible(WorkStarted(seq: -1, kind: work)), by: .aws)
        case .awsUpdateDone(let id):
            guard let update = aws.update(id), update.status == .inProgress else { return }
            context.emit(.awsUpdateFinished(Self.finish(update)), by: .aws)
        case .awsNodegroupDone(let name):
            if let event = Self.settleNodegroup(name, aws: aws) { context.emit(event, by: .aws) }
        default:
            return
        }
    }

    /// How an update ends: `Successful`, or `Failed` with an error when the `failNextUpdate` fault
    /// marked it (aws-eks-model §2: a failed update leaves the old values, a failed version update
    /// leaves the old version).
    static func finish(_ update: AWSUpdate) -> UpdateFinished {
        guard update.willFail else { return UpdateFinished(id: update.id, status: .successful) }
        let detail = AWSUpdate.ErrorDetail(
            errorCode: "Unknown",
            errorMessage: "The \(update.type.rawValue) failed (injected by the scenario's failNextUpdate fault)")
        return UpdateFinished(id: update.id, status: .failed, errors: [detail])
    }

    /// A node group timer: CREATING becomes ACTIVE; DELETING becomes a tombstone at `nodeGroups.NAME`
    /// carrying the removal's provenance, and the node group stops existing.
    static func settleNodegroup(_ name: String, aws: AWSClusterState) -> ClusterEvent? {
        switch aws.nodegroupStatus[name] {
        case .creating?:
            return .awsResourcesChanged(ResourcesChanged(
                change: SubtreeChange(), nodegroupStatus: [name: .active], requestedBy: .aws,
                action: "CreateNodegroup completed"))
        case .deleting?:
            let path = EKSView.nodegroupPath(name)
            let deletion = aws.nodegroupDeletions[name]
                ?? NodegroupDeletion(removal: Entry(nil, origin: .initial, readAt: 0), requestedBy: .aws)
            let tombstone = Entry(nil, origin: deletion.removal.origin, readAt: deletion.removal.readAt)
            return .awsResourcesChanged(ResourcesChanged(
                change: SubtreeChange(replaced: [path], entries: [path.raw: tombstone]),
                nodegroupStatus: [name: nil], requestedBy: deletion.requestedBy, action: "DeleteNodegroup",
                requestedAt: deletion.requestedAt))
        default:
            return nil
        }
    }

    // MARK: The call pipeline

    /// Runs one EKS call: throttling first, then `decide` on the folded state; records the call
    /// (accepted or refused) by `caller`, then applies what it decided and schedules its timers.
    func perform<Response>(
        _ operation: String, caller: Actor, request: [String: String], fields: [FieldPath],
        _ decide: (EKSView) throws(EKSError) -> Accepted<Response>
    ) throws(EKSError) -> Response {
        let aws = context.awsState
        let view = EKSView(aws: aws, now: context.now, parameters: parameters, knownNames: resourceNames(aws))
        // The parameter naming this cluster is recorded by name only: the log holds the cluster's
        // name once (ClusterObserved), not once per call.
        var request = request
        var target: String?
        for key in ["name", "clusterName"] where !view.aws.name.isEmpty && request[key] == view.aws.name {
            request[key] = nil
            target = key
            break
        }
        // The attempt's own moment: later than `now` by the pass's earlier calls and SDK waits.
        let attemptAt = context.now + attemptDelay
        let call = AWSCall(caller: caller, operation: operation, request: request, fields: fields.sorted(),
                           error: nil, response: "", target: target,
                           attempt: attemptNumber > 1 ? attemptNumber : nil, attemptAfter: attemptNumber > 1 ? attemptDelay : nil)

        // Throttling (aws-eks-model §1 and §6): a token bucket per operation, refilled by elapsed
        // sim time and capped at its burst, in force until the fault is cleared; an empty bucket answers 429
        // TooManyRequestsException "Too Many Requests" before anything else is looked at. The bucket's
        // new state travels in the call record, which the fold stores.
        var bucket: TokenBucket?
        // A later attempt (an SDK retry) made once the fault's end has passed is not throttled.
        if attemptDelay > 0, let stored = view.aws.throttles[operation] {
            context.compared(attemptAt: attemptAt, withFaultEndingAt: stored.until)
        }
        if let stored = view.aws.throttles[operation], attemptDelay == 0 || attemptAt < stored.until {
            var refilled = stored.refilled(at: attemptAt)
            guard refilled.tokens >= 1 else {
                refuse(call, with: .tooManyRequests(), bucket: refilled)
                throw .tooManyRequests()
            }
            refilled.tokens -= 1
            bucket = refilled
        }
        // The account's budget, shared by every cluster of a fleet: refused the same way.
        if let budget, !budget.admit(operation, at: attemptAt) {
            refuse(call, with: .tooManyRequests(), bucket: bucket)
            throw .tooManyRequests()
        }

        let accepted: Accepted<Response>
        do throws(EKSError) {
            accepted = try decide(view)
        } catch {
            refuse(call, with: error, bucket: bucket)
            throw error
        }
        var record = call
        record.response = accepted.summary
        record.bucket = bucket
        context.emit(.awsCalled(record), by: caller)
        for event in accepted.events { context.emit(event, by: .aws) }
        for timer in accepted.timers { context.schedule(timer.kind, after: timer.delay, timer: timer.source) }
        return accepted.response
    }

    private func refuse(_ call: AWSCall, with error: EKSError, bucket: TokenBucket?) {
        var record = call
        record.error = error.record
        record.response = "refused: \(error.code)"
        record.bucket = bucket
        context.emit(.awsCalled(record), by: call.caller)
    }
}

/// What an accepted call answers, the events that record its effect on AWS, and the timers it starts.
struct Accepted<Response> {
    struct Timer {
        var kind: WorkKind
        var delay: SimTime
        /// Which parameter `delay` is (for parameter sweeps).
        var source: AWSTimer?
    }

    var response: Response
    /// A short account of the answer for the call record (`update 3f2a… InProgress`).
    var summary: String
    var events: [ClusterEvent] = []
    var timers: [Timer] = []
}

/// Request parameters flattened to text for the call record: a value with its origin, `"true (w3)"`.
enum RequestText {
    static func entry(_ entry: Entry?) -> String? {
        guard let entry else { return nil }
        return "\(entry.value.map { "\($0)" } ?? "removed") (\(entry.origin))"
    }

    static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
