import ClusterStateMachine

/// An error a reconcile pass returns to `recordError` (reference §2.2).
struct OperatorFailure: Error, Hashable {
    let message: String
}

/// One run of the eks-operator's handler: the EKSClusterConfig as the handler holds it, the status
/// writes it made, and the work it queued. Nothing survives the pass except its events.
struct OperatorPass {
    let profile: Profile
    let timings: SyncTimings
    let aws: any EKSAPI
    let now: SimTime
    /// The EKSClusterConfig spec: the operator reads the object the bridge wrote, never `Spec.EKSConfig`.
    /// A sync policy may replace it before the ladder (`applyPolicy`).
    var spec: SpecDocument
    /// `displayName`, the EKS cluster name used in every call.
    let clusterName: String
    /// Consecutive failures before this pass: `Enqueue` is `AddRateLimited`, which backs off on
    /// them until the pass's own `Forget`.
    let failuresBefore: Int
    /// `config.Status` as the handler holds it: the cached object and any in-place edits.
    var status: OperatorStatus
    /// The status as the API server has it: the last `UpdateStatus`, or the folded state.
    private(set) var persisted: OperatorStatus
    private(set) var events: [ClusterEvent] = []
    private(set) var requeues: [Requeue] = []
    /// The sync policy, and the folded state it decides from.
    var policy: SyncPolicy = .rancher
    let state: ClusterState

    init(profile: Profile, timings: SyncTimings, aws: any EKSAPI, now: SimTime, state: ClusterState) {
        self.profile = profile
        self.timings = timings
        self.aws = aws
        self.now = now
        spec = state.rancher.eksccSpec
        clusterName = spec.clusterName ?? state.aws.name
        failuresBefore = state.rancher.operatorFailures
        status = OperatorStatus(phase: state.rancher.phase, failureMessage: state.rancher.failureMessage,
                                completedUpdateIDs: state.rancher.completedUpdateIDs)
        persisted = status
        self.state = state
    }

    /// An event the pass decides beside its status writes (a conflict a sync policy surfaced).
    mutating func emit(_ event: ClusterEvent) { events.append(event) }

    // MARK: Status writes and requeues

    /// `DeepCopy` + `UpdateStatus`. A write that changes nothing is a no-op on the API server and
    /// fires no watch event, so it is not an event here either. Its watch event re-triggers the
    /// operator (reference §2.1), through `SyncEngine.reactions`.
    mutating func updateStatus(_ change: (inout OperatorStatus) -> Void) {
        change(&status)
        guard status != persisted else { return }
        persisted = status
        events.append(.operatorStatusUpdated(status))
    }

    mutating func setPhase(_ phase: OperatorPhase) {
        updateStatus { $0.phase = phase }
    }

    /// `EnqueueAfter(delay)`: a plain `AddAfter`.
    mutating func enqueueAfter(_ delay: SimTime) {
        requeues.append(Requeue(.operatorReconcile, after: delay))
    }

    /// `enqueueUpdate`: already `updating` → `Enqueue` (AddRateLimited, about 5 ms after a success);
    /// otherwise `UpdateStatus(phase=updating)`, whose watch event re-triggers the reconcile.
    mutating func enqueueUpdate() {
        if status.phase == .updating {
            requeues.append(Requeue(.operatorReconcile, after: failuresBefore == 0
                ? timings.operatorRequeue
                : timings.operatorErrorDelay(failures: failuresBefore, clientGoDefault: profile.has(.operatorLimiterCap1000s))))
        } else {
            setPhase(.updating)
        }
    }

    /// The wait of §2.4 steps 3 and 4: set `updating` and return (the status event re-triggers),
    /// or, already `updating`, poll again in 30 s.
    mutating func waitForUpdates() {
        if status.phase != .updating {
            setPhase(.updating)
        } else {
            enqueueAfter(timings.operatorPoll)
        }
    }

    // MARK: AWS calls

    /// A call whose error fails the pass (wrapped in `context`, as the Go code wraps it).
    func call<T>(_ operation: String, context: String? = nil, _ body: () throws(EKSError) -> T) throws(OperatorFailure) -> T {
        do {
            return try body()
        } catch {
            throw failure(error, operation: operation, context: context)
        }
    }

    /// A ladder step's mutating call: true when AWS accepted it. In the 2024+ profiles the step
    /// treats `ResourceInUseException` as "not updated, no error" and the ladder falls through to
    /// the next step (hazard H3, reference §2.5 and §5); eks-operator v1.0.x returned every error.
    func mutate(_ operation: String, context: String? = nil, _ body: () throws(EKSError) -> Void) throws(OperatorFailure) -> Bool {
        do {
            try body()
            return true
        } catch {
            if error.isResourceInUse && profile.has(.resourceInUseFallsThrough) { return false }
            throw failure(error, operation: operation, context: context)
        }
    }

    func failure(_ error: EKSError, operation: String, context: String?) -> OperatorFailure {
        // The SDK's error text, without the request id. aws-sdk-go v1 code (eks-operator before
        // v1.9.0) returned its errors unwrapped; aws-sdk-go-v2 code wraps them in `context`.
        guard profile.has(.awsSDKGoV2) else {
            return OperatorFailure(message: "\(error.code): \(error.message)\n\tstatus code: \(error.httpStatus)")
        }
        let sdk = "operation error EKS: \(operation), https response error StatusCode: \(error.httpStatus), \(error.code): \(error.message)"
        return OperatorFailure(message: context.map { "\($0): \(sdk)" } ?? sdk)
    }
}
