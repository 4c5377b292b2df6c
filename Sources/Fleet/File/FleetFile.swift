import ClusterStateMachine
import Simulator
import SyncEngine

/// One fleet file, validated (CONTRACT.md §5): many clusters from one template, people's edits as
/// Poisson arrivals, the account's API budget, and the releases and refresh settings to compare.
public struct FleetFile: Sendable {
    public var name: String
    public var startEpochSeconds: Int64
    /// How long people edit; the run goes on `settleTail` after it so their writes can be judged.
    public var duration: SimTime
    public var seed: UInt64
    public var clusterCount: Int
    /// Account+region pairs the clusters are spread over (round-robin), each with its own budget
    /// and its own Rancher (its own cron walk). Default 1.
    public var accounts: Int
    /// The template: every cluster is a copy with its own name.
    public var template: SpecDocument
    public var managed: Managed
    public var workload: [WorkloadStream]
    public var aws: AWSModelParameters
    /// Token buckets per operation, per account and region.
    public var rateLimits: [String: RateLimit]
    /// The wall time one AWS call takes (the cron walk's pace). Default 100 ms [inference].
    public var callLatency: SimTime
    public var restart: RancherRestart?
    public var profiles: [Profile]
    public var settings: [RefreshSetting]
    public var timings: SyncTimings
    /// What must hold of the results (`simctl fleet` exits 1 otherwise).
    public var expect: FleetExpectations
    /// The file's text, for the shard header's fingerprint.
    public var source: String
    /// The path it was read from (in the runs rows of `--db`).
    public var sourcePath: String = ""
    /// `--policy NAME`: every cluster's engine follows this sync policy. Nil: the releases' own
    /// behaviour (`.rancher`), and the report does not name a policy.
    public var policy: SyncPolicy? = nil

    /// Every release × refresh setting, in file order (releases outer).
    public var combinations: [Combination] {
        profiles.flatMap { p in settings(for: p).map { Combination(profile: p, setting: $0) } }
    }

    /// The settings that apply to a release: cron expressions for the cron era, seconds otherwise.
    func settings(for profile: Profile) -> [RefreshSetting] {
        settings.filter { $0.isCron == (profile.refresher == .cron) }
    }

    /// Cluster-days simulated per combination (`clusterCount × duration`).
    public var clusterDays: Double { Double(clusterCount) * Double(duration) / Double(86_400 * SimTime.second) }
}

/// One kind of person's edits: who, how often, and which fields with which weights.
public struct WorkloadStream: Sendable, Hashable {
    public var actor: Actor
    public var perClusterPerDay: Double
    /// Field path and weight, in file order.
    public var paths: [WeightedPath]
}

/// One field path of a workload's mix and its weight (`tags.owner: 0.4`).
public struct WeightedPath: Sendable, Hashable {
    public var path: FieldPath
    public var weight: Double
}

/// A token bucket's size: `ratePerSecond` tokens a second, at most `burst`.
public struct RateLimit: Sendable, Hashable, Codable {
    public var ratePerSecond: Double
    public var burst: Double
}

/// Rancher is down from `at` for `down`: timers due meanwhile all fire when it is back (the
/// `ke-last-refresh` annotations are older than the interval); cron fires meanwhile are missed.
public struct RancherRestart: Sendable, Hashable {
    public var at: SimTime
    public var down: SimTime
}

/// One refresh setting: `eksRefresh` seconds (timer releases) or an `eksRefreshCron` expression.
public enum RefreshSetting: Sendable, Hashable {
    case seconds(Int)
    case cron(CronExpression)

    public var isCron: Bool { if case .cron = self { true } else { false } }

    /// As the report prints it: `300` or `*/5 * * * *`.
    public var label: String {
        switch self {
        case .seconds(let s): "\(s)"
        case .cron(let c): c.source
        }
    }
}

/// One result of the comparison: a release with one refresh setting.
public struct Combination: Sendable, Hashable {
    public var profile: Profile
    public var setting: RefreshSetting

    /// The time between refreshes (cron: between the first two fire times after `start`).
    public func period(startEpochSeconds: Int64) -> SimTime {
        switch setting {
        case .seconds(let s): return SimTime(s) * .second
        case .cron(let c):
            let first = c.next(after: startEpochSeconds)
            return (c.next(after: first) - first) * .second
        }
    }
}

/// `expect:` of a fleet file: the trend across each release's refresh settings.
public struct FleetExpectations: Sendable, Hashable {
    /// The shortest refresh loses fewer writes than the longest (the ones between are not compared:
    /// at test sizes their intervals overlap).
    public var shorterRefreshLosesLess = false
    /// A shorter refresh makes more API calls than a longer one.
    public var shorterRefreshCallsMore = false

    public init() {}
}
