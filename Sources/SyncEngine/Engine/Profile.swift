import ClusterStateMachine

/// Which real Rancher release the engine reproduces (CONTRACT.md §2): its refresher, and the
/// eks-operator version it pins, as a set of named behaviours from `ReleaseTable`.
public struct Profile: Hashable, Sendable {
    /// How the refresher is scheduled (reference §4.1).
    public enum RefresherSchedule: String, Hashable, Sendable {
        /// `eks-refresh-cron`, wall-clock aligned (Rancher v2.5.0–v2.5.7).
        case cron
        /// Per-cluster `eks-refresh` seconds after the last refresh (Rancher v2.5.8+).
        case timer
    }

    /// The order of `updateUpstreamClusterState`'s cluster-level steps (reference §2.5).
    public enum Ladder: String, Hashable, Sendable {
        /// eks-operator before v1.9.3: version, tags, logging, access, sources.
        case v1
        /// eks-operator v1.9.3 on (commit 3f8c2f11): version, access, sources, tags, logging.
        case v2024
    }

    /// The name it was selected by: a release (`rancher-2.6.3`), an alias, or `latest`.
    public let name: String
    public let release: RancherRelease
    /// The behaviours of `release` (`ReleaseTable.switches`).
    public let behaviours: Set<Behaviour>

    public init(name: String? = nil, release: RancherRelease) {
        self.name = name ?? release.name
        self.release = release
        self.behaviours = ReleaseTable.behaviours(of: release)
    }

    private init(name: String, release: RancherRelease, behaviours: Set<Behaviour>) {
        self.name = name
        self.release = release
        self.behaviours = behaviours
    }

    /// This release with one behaviour switched on or off: what a release would do without one
    /// quirk (`rancher-2.5.8 without refresherDeferredBehindBridge`). No real release is such a blend.
    public func with(_ behaviour: Behaviour, on: Bool) -> Profile {
        guard has(behaviour) != on else { return self }
        var changed = behaviours
        if on { changed.insert(behaviour) } else { changed.remove(behaviour) }
        return Profile(name: "\(name) \(on ? "with" : "without") \(behaviour.rawValue)", release: release, behaviours: changed)
    }

    /// Whether this release has `behaviour`.
    public func has(_ behaviour: Behaviour) -> Bool { behaviours.contains(behaviour) }

    public var refresher: RefresherSchedule { has(.cronRefresher) ? .cron : .timer }
    public var ladder: Ladder { has(.oldLadderOrder) ? .v1 : .v2024 }

    /// `Rancher v2.5.7, eks-operator v1.0.6, eks-refresh-cron`.
    public var realVersions: String {
        "Rancher v\(release.version), eks-operator v\(release.eksOperator), "
            + (refresher == .cron ? "eks-refresh-cron" : "eks-refresh timer")
    }

    public static let rancher25Cron = named("rancher-2.5-cron")!
    public static let rancher258Timer = named("rancher-2.5.8-timer")!
    public static let eksOperator2024 = named("eks-operator-2024")!
    public static let eksOperator2025 = named("eks-operator-2025")!

    /// The four first names (aliases of real releases), oldest first.
    public static let aliases: [Profile] = [rancher25Cron, rancher258Timer, eksOperator2024, eksOperator2025]

    /// Every release modeled, oldest first, each under its own name.
    public static let releases: [Profile] = ReleaseTable.releases.map { Profile(release: $0) }

    /// The profile `name` selects: `rancher-X.Y.Z`, an alias, or `latest` (the newest release).
    public static func named(_ name: String) -> Profile? {
        if name == "latest" { return Profile(name: name, release: ReleaseTable.latest) }
        if let alias = ReleaseTable.aliases.first(where: { $0.alias == name }),
           let release = ReleaseTable.release(named: alias.release) {
            return Profile(name: name, release: release)
        }
        return ReleaseTable.release(named: name).map { Profile(release: $0) }
    }

    /// Every accepted spelling's short form, for messages: the aliases, `rancher-2.5.0` …
    /// `rancher-2.12.12`, `latest`.
    public static var names: [String] {
        ReleaseTable.aliases.map(\.alias) + ["rancher-\(ReleaseTable.releases[0].version) … \(ReleaseTable.latest.name)", "latest"]
    }

    /// The release name closest to an unknown `name`, for "did you mean": the first release of a
    /// named minor line (`rancher-2.6` → `rancher-2.6.0`), else the fewest edits.
    public static func suggestion(for name: String) -> String {
        let candidates = ReleaseTable.aliases.map(\.alias) + ReleaseTable.releases.map(\.name) + ["latest"]
        if let line = candidates.first(where: { $0.hasPrefix(name + ".") }) { return line }
        // A release newer than the table: the newest one modeled.
        if let asked = ReleaseVersion(String(name.dropFirst("rancher-".count))), name.hasPrefix("rancher-"),
           asked > ReleaseTable.latest.version { return ReleaseTable.latest.name }
        return candidates.min { EditDistance.between(name, $0) < EditDistance.between(name, $1) } ?? "latest"
    }
}
