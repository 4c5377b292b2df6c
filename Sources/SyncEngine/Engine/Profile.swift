/// Which real Rancher / eks-operator behaviour the engine reproduces (CONTRACT.md §2).
public struct Profile: Hashable, Sendable {
    /// How the refresher is scheduled (reference §4.1).
    public enum RefresherSchedule: String, Hashable, Sendable {
        /// `eks-refresh-cron`, wall-clock aligned (Rancher v2.5.0–v2.5.7).
        case cron
        /// Per-cluster `eks-refresh` seconds after the last refresh (Rancher v2.5.8+).
        case timer
    }

    /// The order and shape of `updateUpstreamClusterState`'s ladder (reference §2.5).
    public enum Ladder: String, Hashable, Sendable {
        /// eks-operator v1.0.x: version, tags (without returning), logging, access, sources.
        case v1
        /// 2024-09 on (commit 3f8c2f11): version, access, sources, tags, logging; each returns.
        case v2024
    }

    public var name: String
    public var refresher: RefresherSchedule
    public var ladder: Ladder
    /// Each ladder step treats ResourceInUseException as "not updated" and falls through (H3).
    public var resourceInUseFallsThrough: Bool
    /// The ListUpdates/DescribeUpdate InProgress gate and `completedUpdateIDs` (PR #1166, Feb 2025).
    public var listUpdatesGate: Bool
    /// The real versions this profile stands for.
    public var realVersions: String

    public static let rancher25Cron = Profile(
        name: "rancher-2.5-cron", refresher: .cron, ladder: .v1, resourceInUseFallsThrough: false,
        listUpdatesGate: false, realVersions: "Rancher v2.5.0–v2.5.7 (eks-refresh-cron), eks-operator v1.0.x")
    public static let rancher258Timer = Profile(
        name: "rancher-2.5.8-timer", refresher: .timer, ladder: .v1, resourceInUseFallsThrough: false,
        listUpdatesGate: false, realVersions: "Rancher v2.5.8+ (eks-refresh timer), eks-operator v1.0.x/v1.1.x")
    public static let eksOperator2024 = Profile(
        name: "eks-operator-2024", refresher: .timer, ladder: .v2024, resourceInUseFallsThrough: true,
        listUpdatesGate: false, realVersions: "Rancher v2.9/v2.10 era, eks-operator from 2024-09 (commit 3f8c2f11) to before PR #1166")
    public static let eksOperator2025 = Profile(
        name: "eks-operator-2025", refresher: .timer, ladder: .v2024, resourceInUseFallsThrough: true,
        listUpdatesGate: true, realVersions: "eks-operator from Feb 2025 (PR #1166, commit fdfd3f80) to HEAD")

    /// The four profiles, oldest first.
    public static let all: [Profile] = [rancher25Cron, rancher258Timer, eksOperator2024, eksOperator2025]

    /// The profile `name` selects; `latest` is the newest.
    public static func named(_ name: String) -> Profile? {
        name == "latest" ? all.last : all.first { $0.name == name }
    }

    /// Every accepted spelling, for error messages.
    public static var names: [String] { all.map(\.name) + ["latest"] }
}
