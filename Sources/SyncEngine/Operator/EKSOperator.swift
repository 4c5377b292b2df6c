import ClusterStateMachine

/// The eks-operator's EKSClusterConfig controller (`controller/eks-cluster-config-handler.go`,
/// reference §2): `recordError(OnEksConfigChanged)` on one workqueue key, serialized per cluster.
struct EKSOperator {
    let profile: Profile
    let timings: SyncTimings
    var policy: SyncPolicy = .rancher

    /// One reconcile: the phase dispatch, `recordError`, and the workqueue's rate limiter.
    func reconcile(state: ClusterState, aws: any EKSAPI, clock: some SimulationClock) -> Decision {
        let rancher = state.rancher
        // A scenario fault: the operator is down and misses the event; its restart reconciles.
        if rancher.operatorDownUntil != nil { return .none }

        var pass = OperatorPass(profile: profile, timings: timings, aws: aws, now: clock.now, state: state)
        pass.policy = policy
        var failure: OperatorFailure?
        do {
            try onEksConfigChanged(&pass)
        } catch {
            failure = error
        }
        recordError(&pass, failure)

        var decision = Decision(events: pass.events, requeues: pass.requeues)
        let failures = rancher.operatorFailures
        if failure != nil {
            // AddRateLimited: 5 ms · 2^n capped at 30 s, or 2 min after 30 failures (§2.1).
            decision.events.append(.operatorBackoff(Backoff(failures: failures + 1)))
            decision.requeues.append(Requeue(.operatorReconcile, after: timings.operatorErrorDelay(
                failures: failures, clientGoDefault: profile.has(.operatorLimiterCap1000s))))
        } else if failures != 0 {
            // Forget: a successful pass resets the limiter.
            decision.events.append(.operatorBackoff(Backoff(failures: 0)))
        }
        return decision
    }

    /// `OnEksConfigChanged`: dispatch on the phase (§2.3).
    private func onEksConfigChanged(_ pass: inout OperatorPass) throws(OperatorFailure) {
        switch pass.status.phase {
        case .active, .updating:
            try pass.checkAndUpdate()
        case .importing:
            try pass.importCluster()
        case .creating:
            try pass.waitForCreationComplete()
        case .none:
            pass.create()
        }
    }

    /// `recordError` (§2.2): an error's message becomes `failureMessage` (unless it contains
    /// "currently has update", which is retried silently), an active cluster with a new message
    /// goes `updating`, and a successful pass clears a stale message. Conflicts (409 on a stale
    /// cached object) cannot happen here: every write in the model is applied in order.
    private func recordError(_ pass: inout OperatorPass, _ failure: OperatorFailure?) {
        var message = ""
        if let failure, !failure.message.contains("currently has update") {
            message = failure.message
        }
        guard pass.status.failureMessage != message else { return }
        pass.updateStatus { status in
            if !message.isEmpty && status.phase == .active { status.phase = .updating }
            status.failureMessage = message
        }
    }
}

extension OperatorPass {
    /// `create` for phase "": only the imported path is modeled (phase `importing`); creating an
    /// EKS cluster (VPC and role stacks, CreateCluster) is outside the simulation.
    mutating func create() {
        if spec.bool("imported") == true {
            setPhase(.importing)
        }
    }

    /// `importCluster`: DescribeCluster, then phase `active`.
    mutating func importCluster() throws(OperatorFailure) {
        _ = try call("DescribeCluster") { () throws(EKSError) in try aws.describeCluster(name: clusterName) }
        setPhase(.active)
    }

    /// `waitForCreationComplete`: FAILED is an error, ACTIVE sets `active`, otherwise poll in 30 s.
    mutating func waitForCreationComplete() throws(OperatorFailure) {
        let cluster = try call("DescribeCluster") { () throws(EKSError) in try aws.describeCluster(name: clusterName) }
        switch cluster.status {
        case .failed:
            throw OperatorFailure(message: "creation failed for cluster named \"\(cluster.name)\" with ARN \"\(cluster.arn)\"")
        case .active:
            setPhase(.active)
        default:
            enqueueAfter(timings.operatorPoll)
        }
    }
}
