import ClusterStateMachine
import SyncEngine

/// Rancher v2.5.0–2.5.7's `eks-refresh-cron`: at every fire time one goroutine walks all clusters
/// in turn, each refresh taking its calls' latency (and SDK waits); a walk longer than the period
/// overlaps the next one, which starts anyway (robfig/cron v1 runs each fire in its own goroutine).
struct CronWalks {
    private struct Walk {
        var startedAt: SimTime
        var next: Int
        var cursor: SimTime
    }

    private let clusters: Int
    private let end: SimTime
    private var fireTimes: [SimTime]
    private var active: [Walk] = []
    /// Each finished walk's length (ms), and how many walks started while another was running.
    private(set) var lengths: [SimTime] = []
    private(set) var overlaps = 0
    private var current: Int?

    init(fleet: FleetFile, combination: Combination, clusters: Int, end: SimTime) {
        self.clusters = clusters
        self.end = end
        fireTimes = []
        guard case .cron(let cron) = combination.setting, combination.profile.refresher == .cron else { return }
        var epoch = fleet.startEpochSeconds
        while true {
            epoch = cron.next(after: epoch)
            let t = (epoch - fleet.startEpochSeconds) * .second
            guard t <= end else { break }
            // A cron scheduler that is down misses its fire times; it does not catch up.
            if let r = fleet.restart, t >= r.at && t < r.at + r.down { continue }
            fireTimes.append(t)
        }
        fireTimes.reverse()
    }

    /// The time of the next visit of any walk (a fire time starts a walk at its first cluster).
    var nextVisit: SimTime? {
        let walking = active.map(\.cursor).min()
        guard let fire = fireTimes.last else { return walking }
        return min(walking ?? .max, fire)
    }

    /// The next visit: which cluster (index in the account) and when. Starts a walk if one is due.
    mutating func visit() -> (Int, SimTime) {
        if let fire = fireTimes.last, fire <= (active.map(\.cursor).min() ?? .max) {
            fireTimes.removeLast()
            if !active.isEmpty { overlaps += 1 }
            active.append(Walk(startedAt: fire, next: 0, cursor: fire))
        }
        let i = active.indices.min { (active[$0].cursor, $0) < (active[$1].cursor, $1) }!
        current = i
        return (active[i].next, active[i].cursor)
    }

    /// The visit just made took `elapsed`: the walk moves on, and ends after its last cluster.
    mutating func visited(elapsed: SimTime) {
        guard let i = current else { return }
        active[i].cursor += elapsed
        active[i].next += 1
        if active[i].next >= clusters {
            lengths.append(active[i].cursor - active[i].startedAt)
            active.remove(at: i)
        }
        current = nil
    }
}
