import ClusterStateMachine
import Simulator

/// A generated scenario, small enough to shrink: the settings it overrides, whether the cluster
/// has a second node group, and its steps. It renders to a scenario file, which is what runs.
public struct Candidate: Hashable, Sendable {
    public var profile: String
    /// The sync policy (`policy:` in the file); nil for Rancher as released.
    public var policy: String? = nil
    /// Overrides; nil keeps the default.
    public var eksRefresh: Int?
    public var lastRefresh: SimTime?
    public var updateDurations: [String: SimTime] = [:]
    public var nodegroupCreate: SimTime?
    public var nodegroupDelete: SimTime?
    public var statusLag: SimTime?
    /// The cluster starts with `ng1`, and `ng2` too when true.
    public var secondNodeGroup: Bool
    public var steps: [CandidateStep]

    /// How many settings differ from the defaults.
    public var settingsCount: Int {
        [eksRefresh != nil, lastRefresh != nil, nodegroupCreate != nil, nodegroupDelete != nil, statusLag != nil].filter { $0 }.count
            + updateDurations.count
    }

    /// The size shrinking reduces, component by component: steps, changes, node groups, settings,
    /// and how unround the times are.
    public var size: CandidateSize {
        CandidateSize(steps: steps.count, changes: steps.map(\.action.changeCount).reduce(0, +),
                      nodeGroups: secondNodeGroup ? 2 : 1, settings: settingsCount,
                      roughness: steps.map { Roundness.roughness($0.at) }.reduce(0, +))
    }
}

/// The measures shrinking reduces; a shrunk scenario is never larger in any of them.
public struct CandidateSize: Hashable, Sendable, CustomStringConvertible {
    public var steps: Int
    public var changes: Int
    public var nodeGroups: Int
    public var settings: Int
    public var roughness: Int

    var components: [Int] { [steps, changes, nodeGroups, settings, roughness] }

    /// No component larger than `other`'s.
    public func fits(in other: CandidateSize) -> Bool { zip(components, other.components).allSatisfy { $0 <= $1 } }

    public var description: String {
        "\(steps) steps, \(changes) changes, \(nodeGroups) node groups, \(settings) settings, roughness \(roughness)"
    }
}

/// One step of a candidate.
public struct CandidateStep: Hashable, Sendable {
    public var at: SimTime
    public var actor: Actor
    public var action: CandidateAction
}

/// What a candidate step does; values are spelled as the scenario file spells them.
public enum CandidateAction: Hashable, Sendable {
    case set([Change])
    case unset([String])
    case operatorDown(SimTime)
    case failNextUpdate
    case platformUpdate(SimTime)
    /// `operation` refused for this long (a read of the refresher's, when it is DescribeCluster or ListNodegroups).
    case throttle(String, SimTime)

    /// A path and its value as YAML flow text (`true`, `prod`, `{desiredSize: 1, …}`).
    public struct Change: Hashable, Sendable {
        public var path: String
        public var value: String
    }

    var changeCount: Int {
        switch self {
        case .set(let c): c.count
        case .unset(let p): p.count
        default: 1
        }
    }

    /// The paths it touches.
    var paths: [String] {
        switch self {
        case .set(let c): c.map(\.path)
        case .unset(let p): p
        default: []
        }
    }
}

/// How round a time is: 0 for whole minutes, then 30 s, 10 s, 1 s, 100 ms, 10 ms, 1 ms.
enum Roundness {
    static let units: [SimTime] = [60_000, 30_000, 10_000, 1_000, 100, 10, 1]

    static func roughness(_ t: SimTime) -> Int { units.firstIndex { t % $0 == 0 } ?? units.count }
}
