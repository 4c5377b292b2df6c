import ClusterStateMachine
import SyncEngine

/// A timing parameter that `simctl sweep --param NAME` moves, by its scenario-file name.
///
/// Exact parameters move the times of the work they govern by a multiple of their change, which the
/// simulator tracks as a rate per work item: `eksRefresh` moves the k-th timer tick (and what it
/// causes) by k·Δ and the default end of the run by 2·Δ; `lastRefresh` moves every timer tick by Δ;
/// an update duration moves that update's completion by Δ (and what follows it); `statusLag` moves
/// when DescribeCluster starts saying UPDATING. `settings.timings.*` feed delays inside the sync
/// engine that the simulator does not attribute, so those are swept on a stated grid.
public enum TimingParameter: Hashable, Sendable, CustomStringConvertible {
    case eksRefresh
    case lastRefresh
    case statusLag
    case updateDuration(UpdateType)
    case nodegroupCreate
    case nodegroupDelete
    case nodegroupVersionUpdate
    /// `settings.timings.NAME` (grid only).
    case timing(String)

    /// Every name `--param` accepts.
    public static var names: [String] {
        ["eksRefresh", "lastRefresh", "statusLag"]
            + UpdateType.allCases.map { "updateDurations.\($0.rawValue)" }
            + ["nodegroupCreate", "nodegroupDelete", "nodegroupVersionUpdate"]
            + SettingsReader.timingKeys.map { "timings.\($0.0)" }
    }

    /// Parses a `--param` name; nil when it is not one.
    public init?(name: String) {
        switch name {
        case "eksRefresh", "settings.eksRefresh": self = .eksRefresh
        case "lastRefresh", "settings.lastRefresh": self = .lastRefresh
        case "statusLag", "aws.statusLag": self = .statusLag
        case "nodegroupCreate", "aws.nodegroupCreate": self = .nodegroupCreate
        case "nodegroupDelete", "aws.nodegroupDelete": self = .nodegroupDelete
        case "nodegroupVersionUpdate", "aws.nodegroupVersionUpdate": self = .nodegroupVersionUpdate
        default:
            let bare = name.hasPrefix("aws.") || name.hasPrefix("settings.") ? String(name.drop { $0 != "." }.dropFirst()) : name
            if bare.hasPrefix("updateDurations."), let type = UpdateType(rawValue: String(bare.dropFirst("updateDurations.".count))) {
                self = .updateDuration(type)
            } else if bare.hasPrefix("timings."), SettingsReader.timingKeys.contains(where: { $0.0 == bare.dropFirst("timings.".count) }) {
                self = .timing(String(bare.dropFirst("timings.".count)))
            } else {
                return nil
            }
        }
    }

    public var description: String {
        switch self {
        case .eksRefresh: "eksRefresh"
        case .lastRefresh: "lastRefresh"
        case .statusLag: "statusLag"
        case .updateDuration(let type): "updateDurations.\(type.rawValue)"
        case .nodegroupCreate: "nodegroupCreate"
        case .nodegroupDelete: "nodegroupDelete"
        case .nodegroupVersionUpdate: "nodegroupVersionUpdate"
        case .timing(let name): "timings.\(name)"
        }
    }

    /// False for parameters swept on a grid.
    public var isExact: Bool { if case .timing = self { false } else { true } }

    /// The smallest value the parameter can take.
    public var minimum: SimTime? {
        switch self {
        case .lastRefresh: nil
        case .eksRefresh: 1
        default: 0
        }
    }

    /// The parameter's value in `scenario`.
    public func value(in scenario: Scenario) -> SimTime {
        switch self {
        case .eksRefresh: scenario.refresh.interval
        case .lastRefresh: scenario.refresh.lastRefresh
        case .statusLag: scenario.aws.statusLag
        case .updateDuration(let type): scenario.aws.duration(of: type, nodegroup: false)
        case .nodegroupCreate: scenario.aws.nodegroupCreate
        case .nodegroupDelete: scenario.aws.nodegroupDelete
        case .nodegroupVersionUpdate: scenario.aws.nodegroupVersionUpdate
        case .timing(let name): scenario.timings[keyPath: Self.keyPath(name)]
        }
    }

    /// `scenario` with the parameter set to `value`.
    public func applied(_ value: SimTime, to scenario: Scenario) -> Scenario {
        var s = scenario
        switch self {
        case .eksRefresh: s.refresh.interval = value
        case .lastRefresh: s.refresh.lastRefresh = value
        case .statusLag: s.aws.statusLag = value
        case .updateDuration(let type): s.aws.updateDurations[type] = value
        case .nodegroupCreate: s.aws.nodegroupCreate = value
        case .nodegroupDelete: s.aws.nodegroupDelete = value
        case .nodegroupVersionUpdate: s.aws.nodegroupVersionUpdate = value
        case .timing(let name): s.timings[keyPath: Self.keyPath(name)] = value
        }
        return s
    }

    /// Values at which the model switches behaviour rather than moving a time: the sweep starts a
    /// new segment there. A status lag of 0 schedules no "visible as UPDATING" at all; a timer
    /// tick due before the start is clamped to offset 0 (so it stops moving).
    func switchPoints(in scenario: Scenario) -> [(value: SimTime, why: String)] {
        guard scenario.profile.refresher == .timer || !(self == .eksRefresh || self == .lastRefresh) else { return [] }
        switch self {
        case .statusLag: return [(1, "a status lag above 0 makes DescribeCluster say ACTIVE for a while")]
        case .eksRefresh where scenario.refresh.lastRefresh < 0:
            return [(-scenario.refresh.lastRefresh, "the first tick (lastRefresh + eksRefresh) reaches the start")]
        case .lastRefresh:
            return [(-scenario.refresh.interval, "the first tick (lastRefresh + eksRefresh) reaches the start")]
        default: return []
        }
    }

    /// True when the delay of work scheduled by the simulator is this parameter (AWS timers).
    func governs(_ timer: AWSTimer) -> Bool {
        switch (self, timer) {
        case (.statusLag, .statusLag): true
        case (.updateDuration(let a), .update(let b, nodegroup: let ng)): a == b && !(ng && b == .versionUpdate)
        case (.nodegroupVersionUpdate, .update(.versionUpdate, nodegroup: true)): true
        case (.nodegroupCreate, .nodegroupCreate), (.nodegroupDelete, .nodegroupDelete): true
        default: false
        }
    }

    static func keyPath(_ name: String) -> WritableKeyPath<SyncTimings, SimTime> {
        SettingsReader.timingKeys.first { $0.0 == name }!.1
    }
}

/// Which AWS parameter a modeled-AWS timer's delay is.
public enum AWSTimer: Hashable, Sendable {
    case statusLag
    case update(UpdateType, nodegroup: Bool)
    case nodegroupCreate
    case nodegroupDelete
}
