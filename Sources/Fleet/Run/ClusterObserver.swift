import ClusterStateMachine
import Simulator

/// Watches one cluster's fold: feeds the lost-write tally, samples how old UpstreamSpec is at each
/// person's edit, and counts changes to AWS that no person's write asked for.
final class ClusterObserver: FoldObserver {
    let tally = LossTally()
    private(set) var lagSamples: [SimTime] = []
    private(set) var unrequested = 0
    /// When the refresher last read AWS completely (a pass whose every call was answered).
    private var lastRead: SimTime
    private var passStartedAt: SimTime?
    private var passFailed = false
    /// `--db`: where the cluster's events go.
    let writer: StreamWriter?

    init(lastRead: SimTime, writer: StreamWriter?) {
        self.lastRead = lastRead
        self.writer = writer
    }

    func folding(_ timed: TimedEvent, before state: ClusterState) {
        tally.folding(timed, before: state)
        writer?.add(timed)
        switch timed.event {
        case .workStarted:
            closePass()
        case .awsCalled(let call) where timed.actor == .refresher:
            if call.operation == "DescribeCluster" && call.error == nil {
                passStartedAt = timed.at
                passFailed = false
            } else if call.error != nil {
                passFailed = true
            }
        case .writeMade(let write):
            closePass()
            lagSamples.append(write.at - lastRead)
        default:
            break
        }
    }

    func stored(_ obs: StoreObservation) {
        tally.stored(obs)
        // A change on AWS by a Rancher component that carries no person's write: nobody asked for it.
        if obs.surface == .aws, obs.by != .aws, obs.by != .console, let before = obs.before, let after = obs.after,
           before.origin.isInitial, after.origin.isInitial, before.value != after.value {
            unrequested += 1
        }
    }

    private func closePass() {
        if let start = passStartedAt, !passFailed { lastRead = start }
        passStartedAt = nil
    }
}
