import ClusterStateMachine
import HeapModule
import Simulator

/// One clock over many clusters: a heap of each cluster's next work, ordered as one cluster's
/// queue is (time, machines before people) and then by cluster. Only the cluster that ran can have
/// changed its queue, so after each item only its entry is renewed; stale entries are skipped.
struct FleetLoop {
    private struct Entry: Comparable {
        var at: SimTime
        var isStep: Bool
        var cluster: Int
        var version: Int

        static func < (a: Entry, b: Entry) -> Bool {
            (a.at, a.isStep ? 1 : 0, a.cluster) < (b.at, b.isStep ? 1 : 0, b.cluster)
        }
    }

    let sims: [Simulation]
    private var heap = Heap<Entry>()
    private var versions: [Int]

    init(sims: [Simulation]) {
        self.sims = sims
        versions = Array(repeating: 0, count: sims.count)
        for sim in sims { sim.start() }
        for i in sims.indices { push(i) }
    }

    /// The time of the earliest work of any cluster.
    var nextTime: SimTime? {
        mutating get {
            while let top = heap.min, top.version != versions[top.cluster] { heap.removeMin() }
            return heap.min?.at
        }
    }

    /// Runs the earliest work item of the fleet.
    mutating func runNext() {
        guard nextTime != nil, let top = heap.popMin() else { return }
        sims[top.cluster].runNext()
        push(top.cluster)
    }

    /// Cluster `i` changed outside `runNext` (a walk's visit, a restart): renew its entry.
    mutating func touched(_ i: Int) { push(i) }

    private mutating func push(_ i: Int) {
        versions[i] += 1
        guard let item = sims[i].nextWork else { return }
        heap.insert(Entry(at: item.at, isStep: item.kind.isStep, cluster: i, version: versions[i]))
    }
}
