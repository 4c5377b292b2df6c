import ClusterStateMachine
import SyncEngine

/// One scenario file, validated: the cluster, the settings, what people do, and what should hold.
public struct Scenario: Sendable {
    public var name: String
    public var description: String
    /// The simulated wall clock at offset 0, as Unix seconds (UTC).
    public var startEpochSeconds: Int64
    public var profile: Profile
    /// The sync policy (`policy:`, `--policy`); `.rancher` is the profile's real behaviour.
    public var policy: SyncPolicy = .rancher
    public var seed: UInt64
    public var refresh: RefreshSettings
    public var timings: SyncTimings
    public var aws: AWSModelParameters
    /// The cluster as it exists at offset 0, as AWS shows it.
    public var cluster: SpecDocument
    /// Which top-level keys Rancher manages at offset 0.
    public var managed: Managed
    public var steps: [Step]
    public var until: SimTime?
    public var expect: Expectations?
    /// Where the scenario came from, and its text (stored with every recorded run).
    public var sourcePath: String
    public var source: String
    /// What the loader decided for the user and the report should say (a converted cron).
    public var notes: [String] = []

    /// A scenario built in code (a fleet's clusters); files go through `ScenarioLoader`.
    public init(name: String, description: String, startEpochSeconds: Int64, profile: Profile, seed: UInt64,
                refresh: RefreshSettings, timings: SyncTimings, aws: AWSModelParameters, cluster: SpecDocument,
                managed: Managed, steps: [Step], until: SimTime?, expect: Expectations?, sourcePath: String, source: String,
                notes: [String] = []) {
        self.name = name
        self.description = description
        self.startEpochSeconds = startEpochSeconds
        self.profile = profile
        self.seed = seed
        self.refresh = refresh
        self.timings = timings
        self.aws = aws
        self.cluster = cluster
        self.managed = managed
        self.steps = steps
        self.until = until
        self.expect = expect
        self.sourcePath = sourcePath
        self.source = source
        self.notes = notes
    }

    /// The EKS cluster name (`displayName`).
    public var clusterName: String { cluster.string("displayName") ?? name }
    public var region: String { cluster.string("region") ?? "us-west-2" }
}

/// Which top-level keys of `Spec.EKSConfig` are non-nil (managed) at the start (CONTRACT.md §1).
public enum Managed: Hashable, Sendable {
    /// Created from Rancher: every nillable field is non-nil.
    case all
    /// Registered/imported: every nillable field is nil.
    case none
    /// Exactly these top-level keys are managed.
    case keys([String])

    /// True when `key` starts managed.
    public func includes(_ key: String) -> Bool {
        switch self {
        case .all: true
        case .none: false
        case .keys(let keys): keys.contains(key)
        }
    }
}
