/// The one table of real releases (reference/versions.md): every Rancher release from 2.5.0 to
/// 2.12.12 with the eks-operator version its `go.mod` pins, and every behaviour that differs
/// between versions with its range and the upstream evidence. Adding a release is one row.
public enum ReleaseTable {
    /// `(Rancher, eks-operator)`, read from `go.mod` at each Rancher tag. Before 2.9 the operator
    /// image that actually ran came from system-charts and may differ slightly (versions.md §0, §8).
    static let pins: [(String, String)] = [
        ("2.5.0", "1.0.1"), ("2.5.1", "1.0.1"), ("2.5.2", "1.0.4"), ("2.5.3", "1.0.4"), ("2.5.4", "1.0.4"), ("2.5.5", "1.0.4"),
        ("2.5.6", "1.0.6"), ("2.5.7", "1.0.6"), ("2.5.8", "1.0.6"), ("2.5.9", "1.0.6"), ("2.5.10", "1.0.9"), ("2.5.11", "1.0.9"),
        ("2.5.12", "1.0.9"), ("2.5.13", "1.0.9"), ("2.5.14", "1.0.9"), ("2.5.15", "1.0.9"), ("2.5.16", "1.0.9"), ("2.5.17", "1.0.9"),
        ("2.6.0", "1.1.1"), ("2.6.1", "1.1.1"), ("2.6.2", "1.1.1"), ("2.6.3", "1.1.2"), ("2.6.4", "1.1.3"), ("2.6.5", "1.1.3"),
        ("2.6.6", "1.1.3"), ("2.6.7", "1.1.4"), ("2.6.8", "1.1.4"), ("2.6.9", "1.1.5"), ("2.6.10", "1.1.5"), ("2.6.11", "1.1.5"),
        ("2.6.12", "1.1.5"), ("2.6.13", "1.1.5"), ("2.6.14", "1.1.5"),
        ("2.7.0", "1.1.5"), ("2.7.1", "1.1.5"), ("2.7.2", "1.2.0"), ("2.7.3", "1.2.0"), ("2.7.4", "1.2.0"), ("2.7.5", "1.2.0"),
        ("2.7.6", "1.2.0"), ("2.7.7", "1.2.2"), ("2.7.8", "1.2.2"), ("2.7.9", "1.2.2"), ("2.7.10", "1.2.2"), ("2.7.11", "1.2.2"),
        ("2.7.12", "1.2.3"), ("2.7.13", "1.2.3"), ("2.7.14", "1.2.3"), ("2.7.15", "1.2.3"), ("2.7.16", "1.2.4"), ("2.7.17", "1.2.4"),
        ("2.7.18", "1.2.4"),
        ("2.8.0", "1.3.0"), ("2.8.1", "1.3.0"), ("2.8.2", "1.3.0"), ("2.8.3", "1.3.1"), ("2.8.4", "1.3.1"), ("2.8.5", "1.3.1"),
        ("2.8.6", "1.3.3"), ("2.8.7", "1.3.4"), ("2.8.8", "1.3.5"), ("2.8.9", "1.3.5"), ("2.8.10", "1.3.5"), ("2.8.11", "1.3.6"),
        ("2.8.12", "1.3.7"), ("2.8.13", "1.3.7"), ("2.8.14", "1.3.7"), ("2.8.15", "1.3.7"),
        ("2.9.0", "1.9.0"), ("2.9.1", "1.9.1"), ("2.9.2", "1.9.2"), ("2.9.3", "1.9.3"), ("2.9.4", "1.9.4"), ("2.9.5", "1.9.5"),
        ("2.9.6", "1.9.6"), ("2.9.7", "1.9.6"), ("2.9.8", "1.9.7"), ("2.9.9", "1.9.8"), ("2.9.10", "1.9.9"), ("2.9.11", "1.9.10"),
        ("2.9.12", "1.9.10"),
        ("2.10.0", "1.10.0"), ("2.10.1", "1.10.1"), ("2.10.2", "1.10.2"), ("2.10.3", "1.10.2"), ("2.10.4", "1.10.3"), ("2.10.5", "1.10.4"),
        ("2.10.6", "1.10.5"), ("2.10.7", "1.10.6"), ("2.10.8", "1.10.7"), ("2.10.9", "1.10.8"), ("2.10.10", "1.10.9"), ("2.10.11", "1.10.9"),
        ("2.10.12", "1.10.9"),
        ("2.11.0", "1.11.0"), ("2.11.1", "1.11.1"), ("2.11.2", "1.11.2"), ("2.11.3", "1.11.3"), ("2.11.4", "1.11.4"), ("2.11.5", "1.11.5"),
        ("2.11.6", "1.11.6"), ("2.11.7", "1.11.6"), ("2.11.8", "1.11.7"), ("2.11.9", "1.11.8"), ("2.11.10", "1.11.8"), ("2.11.11", "1.11.10"),
        ("2.11.12", "1.11.11"), ("2.11.13", "1.11.11"), ("2.11.14", "1.11.11"), ("2.11.15", "1.11.11"), ("2.11.16", "1.11.12"),
        ("2.12.0", "1.12.0"), ("2.12.1", "1.12.1"), ("2.12.2", "1.12.2"), ("2.12.3", "1.12.2"), ("2.12.4", "1.12.3"), ("2.12.5", "1.12.4"),
        ("2.12.6", "1.12.4"), ("2.12.7", "1.12.6"), ("2.12.8", "1.12.7"), ("2.12.9", "1.12.8"), ("2.12.10", "1.12.9"), ("2.12.11", "1.12.10"),
        ("2.12.12", "1.12.11"),    ]

    /// Every Rancher release modeled, oldest first.
    public static let releases: [RancherRelease] = pins.map { rancher, eksOperator in
        RancherRelease(ReleaseVersion(rancher)!, eksOperator: ReleaseVersion(eksOperator)!)
    }

    /// Where each behaviour is on. Sections refer to reference/versions.md.
    public static let switches: [BehaviourSwitch] = [
        // Rancher
        BehaviourSwitch(.cronRefresher, .rancher, [range(until: "2.5.8")],
                        source: "pkg/controllers/management/eksupstreamrefresh (robfig/cron job) until v2.5.7; v2.5.8 clusterupstreamrefresher (§1.4)"),
        BehaviourSwitch(.listNodegroupsErrorIgnored, .rancher, [range(until: "2.5.12")],
                        source: "rancher 8ab060920d (PR #35811, issues #35804/#35809), first in v2.5.12; v2.6.0 already checks (§1.1, §6.1)"),
        BehaviourSwitch(.syncingErrorGate, .rancher, [range(from: "2.5.7")],
                        source: "eks_cluster_handler.go v2.5.7:235-237, v2.11.0:191-193; refresher condition v2.5.7:104-131 (§2.2, §6.3)"),
        BehaviourSwitch(.refresherDeferredBehindBridge, .rancher, [range(from: "2.5.8")],
                        source: "wrangler.go v2.5.8:18,20 registers both on the Cluster controller; lasso sharedhandler.go (§1.4, §6.7)",
                        inferred: true),
        BehaviourSwitch(.upstreamSpecNilOnFailedRefresh, .rancher, [range("2.5.8", "2.5.12"), range("2.6.0", "2.6.3")],
                        source: "cluster_upstream_refresher.go v2.5.8:147-199; fixed by 2bab3717c2 (v2.6.3) and 8ab060920d (v2.5.12) (§1.5, §6.2)",
                        inferred: true),
        BehaviourSwitch(.rancherLimiterCap1000s, .rancher, [range(until: "2.6.0")],
                        source: "every v2.5.x go.mod pins a lasso without 202b992 (May 2021, 'Reduce max backoff to 2 minutes'); v2.6.0 pins fc3ebd90 (§1.5)"),
        // eks-operator
        BehaviourSwitch(.oldLadderOrder, .eksOperator, [range(until: "1.9.3")],
                        source: "eks-operator 3f8c2f11 (PR #847, issue #752), first in v1.9.3 and v1.10.0 (§3.4)"),
        BehaviourSwitch(.tagsStepEndsPass, .eksOperator, [range(from: "1.2.2")],
                        source: "eks-operator a41ba647, first in v1.2.2 (§3.4)"),
        BehaviourSwitch(.resourceInUseFallsThrough, .eksOperator, [range(from: "1.9.0")],
                        source: "eks-operator 26f21928 (issue #547, PRs #600/#601), first in v1.9.0 (§3.3, §3.6)"),
        BehaviourSwitch(.downgradesSent, .eksOperator, [range(until: "1.9.0")],
                        source: "eks-operator v1.0.1 handler :817-829 (strings differ); 88abdfcd adds GT, first in v1.9.0 (§3.4, §6.4)"),
        BehaviourSwitch(.nodeGroupSkewOneMinor, .eksOperator, [range(until: "1.9.3")],
                        source: "validateUpdate v1.0.1:420 'equal to or one minor version lower'; b4676ee9, three minors from v1.9.3 (§3.2, §6.13)"),
        BehaviourSwitch(.listUpdatesGate, .eksOperator, [range(from: "1.10.3")],
                        source: "eks-operator fdfd3f80 (PR #1166, issue #752; backport #1207/PR #1209), first in v1.10.3 and v1.11.0, never in v1.9.x (§3.3)"),
        BehaviourSwitch(.tagDiffDeletesChangedKeys, .eksOperator, [range(until: "1.0.10")],
                        source: "utils/map.go v1.0.1:36 (tags[key] != val); fixed by 3cc8fa68 (PR #45, backport PR #48) in v1.0.10 and v1.1.1 (§3.5, §6.5)"),
        BehaviourSwitch(.partialScalingConfig, .eksOperator, [range(until: "1.0.10")],
                        source: "handler v1.0.6:1165-1216; fixed by 66cf4c4e and 3cc8fa68 in v1.0.10 and v1.1.1; rancher#33302 (§4.3, §6.6)"),
        BehaviourSwitch(.nodeGroupTagFlagAssigned, .eksOperator, [range(from: "1.2.2")],
                        source: "eks-operator a41ba647, HEAD handler :1116-1127 (§4.4)"),
        BehaviourSwitch(.nodeGroupVersionManagedTemplateOnly, .eksOperator, [range(from: "1.2.2")],
                        source: "eks-operator 1ff95b0b (2023-06), HEAD handler :1052-1089 (§4.2, §6.8)"),
        BehaviourSwitch(.upstreamVersionDroppedWhileUpdating, .eksOperator, [range(from: "1.3.0")],
                        source: "controller/external.go v1.3.0; 7970ee65 compares two *string pointers, so the guard is never true (§1.1)"),
        BehaviourSwitch(.operatorLimiterCap1000s, .eksOperator, [range(until: "1.1.2")],
                        source: "eks-operator v1.0.1–v1.1.1 go.mod pin lasso 0e4cc0ef/7fcb07d6 (client-go DefaultControllerRateLimiter); v1.1.2 pins fc3ebd90, after lasso 202b992 (§3.7)"),
        BehaviourSwitch(.describeAddonInRefresh, .eksOperator, [range(from: "1.9.1")],
                        source: "controller/external.go v1.9.1:104 CheckEBSAddon (DescribeAddon aws-ebs-csi-driver) in BuildUpstreamClusterState, which the refresher and the operator's checkAndUpdate both call (§1.1)"),
        BehaviourSwitch(.awsSDKGoV2, .eksOperator, [range(from: "1.9.0")],
                        source: "go.mod: aws-sdk-go v1 up to v1.3.x, aws-sdk-go-v2 from v1.9.0 (real-inputs.md §2)"),
    ]

    /// The four first profile names, kept as aliases of named releases (CONTRACT.md §2).
    public static let aliases: [(alias: String, release: String, meaning: String)] = [
        ("rancher-2.5-cron", "rancher-2.5.7", "the last eks-refresh-cron release (v2.5.0–v2.5.7), eks-operator v1.0.6"),
        ("rancher-2.5.8-timer", "rancher-2.5.8", "the first per-cluster eks-refresh timer release, eks-operator v1.0.6"),
        ("eks-operator-2024", "rancher-2.10.2", "eks-operator v1.10.2: new ladder order, ResourceInUse falls through, no ListUpdates gate"),
        ("eks-operator-2025", "rancher-2.11.0", "eks-operator v1.11.0: as 2024 plus the ListUpdates/DescribeUpdate gate"),
    ]

    /// The newest release modeled (`latest`).
    public static var latest: RancherRelease { releases[releases.count - 1] }

    /// The release named `rancher-X.Y.Z`.
    public static func release(named name: String) -> RancherRelease? {
        releases.first { $0.name == name }
    }

    /// The behaviours `release` has.
    public static func behaviours(of release: RancherRelease) -> Set<Behaviour> {
        Set(switches.filter { $0.isOn(for: release) }.map(\.behaviour))
    }

    private static func range(_ from: String? = nil, _ until: String? = nil) -> VersionRange {
        VersionRange(from: from.map { ReleaseVersion($0)! }, until: until.map { ReleaseVersion($0)! })
    }

    private static func range(from: String) -> VersionRange { range(from, nil) }
    private static func range(until: String) -> VersionRange { range(nil, until) }
}
