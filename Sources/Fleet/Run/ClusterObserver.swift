import ClusterStateMachine
import Simulator

/// Watches one cluster's fold: feeds the lost-write tally (lost writes, changes nobody asked for)
/// and samples how old UpstreamSpec is at each person's edit.
final class ClusterObserver: FoldObserver {
    let tally = LossTally()
    private(set) var lagSamples: [SimTime] = []
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

    func folding(_ timed: TimedEvent, before aws: AWSClusterState) {
        tally.folding(timed, before: aws)
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

    func stored(_ obs: StoreObservation) { tally.stored(obs) }

    private func closePass() {
        if let start = passStartedAt, !passFailed { lastRead = start }
        passStartedAt = nil
    }
}
