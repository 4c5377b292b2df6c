import ClusterStateMachine
import Simulator
import SyncEngine

/// The scenario the records describe: the starting cluster, the people's steps at their observed
/// times, the release, the refresher's phase, and update durations bounded by what was observed.
public struct Reconstruction: Sendable {
    public var yaml: String
    public var scenario: Scenario
    public var steps: [PersonStep]
    /// The operator's write calls, with the fields each set.
    public var operatorCalls: [(call: CloudTrailRecord, changes: [ObservedChange])]
    public var profileReason: String
    public var refreshReason: String
    public var clusterSource: String
    public var bounds: [DurationBound]
    /// Recorded calls the model has no counterpart for (replayed as nothing).
    public var unmodeled: [CloudTrailRecord]
    /// The refresher's reads that AWS refused, each replayed as a refused (throttled) read at its tick.
    public var failedReads: [CloudTrailRecord]
    /// Calls whose update DescribeUpdate shows `Failed`: replayed with AWS failing that update.
    public var failedUpdates: [CloudTrailRecord]
    /// Update ids ListUpdates or DescribeUpdate list that no CloudTrail record started.
    public var unseenUpdates: [String]

    /// The scenario's start (Unix ms): the minute before the first record.
    public var startMs: Int64 { scenario.startEpochSeconds * 1000 }

    /// Builds the scenario that replays `evidence`, the release given or inferred with its reason.
    public static func build(_ evidence: Evidence, profile override: String?) throws(AuditError) -> Reconstruction {
        let calls = evidence.calls
        let times = calls.map(\.record.eventTime) + evidence.edits.map(\.at)
        let first = times.min() ?? 0
        // The start is the refresher's last tick before anything else happened (Rancher's copy is as
        // fresh as that read), else the minute before the first record.
        let firstOther = (calls.filter { $0.actor != .refresher }.map(\.record.eventTime) + evidence.edits.map(\.at)).min() ?? first
        let failedTicks = Set(calls.filter { $0.actor == .refresher && $0.record.failed }.map(\.record.eventTime))
        let start = evidence.attribution.ticks.last { t in t <= firstOther && !failedTicks.contains { $0 >= t && $0 - t <= Attribution.burstGap } }
            ?? (first / 60_000 - 1) * 60_000
        let (profileName, profileReason) = try ProfileInference.infer(evidence.attribution, override: override, startEpochSeconds: start / 1000)
        let profile = Profile.named(profileName)!

        // The starting cluster and Rancher's side.
        let block: [(String, JSONValue)]
        let clusterSource: String
        if let c = evidence.descriptions.cluster {
            block = ClusterBlock.fromDescribe(c, nodegroups: evidence.descriptions.nodegroups)
            clusterSource = "DescribeCluster (\(evidence.descriptions.clusterFile ?? ""))"
                + (evidence.descriptions.nodegroups.isEmpty ? "" : " and \(evidence.descriptions.nodegroups.count) DescribeNodegroup")
        } else if let o = evidence.rancherObject, let spec = (o.upstreamSpec?.objectValue?.count ?? 0) > 3 ? o.upstreamSpec : o.spec {
            block = ClusterBlock.fromRancher(spec)
            clusterSource = "Rancher's \(o.kind) object (\(o.file))"
        } else {
            // Not the trail's fault: an input is missing.
            throw AuditError(file: "", message: "no starting cluster: the records say what changed, not what the cluster was before; give --describe-cluster (aws eks describe-cluster output) or --rancher-object (the management Cluster or EKSClusterConfig as kubectl -o json prints it)")
        }
        var current = SpecDocument()
        for (key, value) in block where key != "nodeGroups" {
            if let v = ChangeMapping.fieldValue(value) { current[FieldPath(unchecked: key)] = Entry(v, origin: .initial, readAt: 0) }
            for (k, v) in value.stringMap ?? [:] where value.objectValue != nil {
                current[FieldPath(unchecked: "\(key).\(k)")] = Entry(.string(v), origin: .initial, readAt: 0)
            }
        }
        let rancherStart: JSONValue = evidence.rancherObject?.spec ?? .object(block)

        // People's steps and the operator's calls, in time order (machines first within a millisecond).
        var steps: [PersonStep] = []
        var operatorCalls: [(CloudTrailRecord, [ObservedChange])] = []
        var unmodeled: [CloudTrailRecord] = []
        var items: [(at: Int64, person: Bool, call: AttributedCall?, edit: RancherEdit?)] = calls.filter { !$0.record.isRead }.map { ($0.record.eventTime, $0.actor.isPerson, $0, nil) }
        items += evidence.edits.map { ($0.at, true, nil, $0) }
        items.sort { ($0.at, $0.person ? 1 : 0) < ($1.at, $1.person ? 1 : 0) }
        var lastBody = rancherStart
        var changedAt: [FieldPath: Int64] = [:]
        let ticks = evidence.attribution.ticks
        for item in items {
            if let edit = item.edit {
                // A value AWS took before a refresher tick that came before the edit is what the form
                // showed (the refresher copied it), not the person's change.
                let changes = ChangeMapping.changes(edit: edit.eksConfig, before: lastBody).filter { c in
                    guard let t = changedAt[c.path], current[c.path]?.value == c.value else { return true }
                    return !ticks.contains { $0 > t && $0 < edit.at }
                }
                lastBody = edit.eksConfig
                guard !changes.isEmpty else { continue }
                steps.append(PersonStep(index: steps.count, actor: .rancher, at: edit.at, who: "\(edit.user) in Rancher",
                                        changes: changes, source: "\(edit.file): line \(edit.line)", call: nil))
                continue
            }
            guard let call = item.call else { continue }
            let r = call.record
            guard var changes = ChangeMapping.changes(of: r, current: current) else { unmodeled.append(r); continue }
            if call.actor.isPerson {
                let changed = changes.filter { current[$0.path]?.value != $0.value }
                if !changed.isEmpty { changes = changed }
                steps.append(PersonStep(index: steps.count, actor: .console, at: r.eventTime, who: call.actor.who,
                                        changes: changes, source: "\(r.file): \(r.location)", call: r))
            } else {
                operatorCalls.append((r, changes))
            }
            if !r.failed {
                for c in changes {
                    current[c.path] = c.value.map { Entry($0, origin: .initial, readAt: 0) }
                    changedAt[c.path] = r.eventTime
                }
            }
        }

        let failedReads = calls.filter { $0.actor == .refresher && $0.record.failed }.map(\.record)
        let described = evidence.descriptions.updates
        let failedUpdates = calls.map(\.record).filter { r in r.updateID.flatMap { described[$0]?.status } == "Failed" }
        let started = Set(calls.compactMap(\.record.updateID))
        let unseenUpdates = Set(evidence.descriptions.listedUpdateIDs + described.keys).subtracting(started).sorted()
        let bounds = durationBounds(calls.map(\.record), defaults: AWSModelParameters())
        var refreshReason = ""
        let settings = refreshSettings(evidence, profile: profile, start: start, reason: &refreshReason)
        let yaml = ScenarioText.render(name: "audit-\(ScenarioText.slug(evidence.clusterName))", evidence: evidence, start: start, profile: profileName,
                          settings: settings, bounds: bounds, block: block, managed: ClusterBlock.managed(evidence.rancherObject?.spec),
                          steps: steps, ticks: evidence.attribution.ticks, failedReads: failedReads, failedUpdates: failedUpdates)
        var scenario: Scenario
        do {
            scenario = try ScenarioLoader.parse(yaml, path: "reconstructed scenario")
            // The account the records name, so the observed calls carry the real ARN.
            if let account = evidence.descriptions.cluster?["arn"]?.stringValue?.split(separator: ":").dropFirst(4).first {
                scenario.aws.accountId = String(account)
            }
        } catch {
            throw AuditError(file: "reconstructed scenario", message: "the records give a scenario the model cannot load: \(error)")
        }
        return Reconstruction(yaml: yaml, scenario: scenario, steps: steps, operatorCalls: operatorCalls, profileReason: profileReason,
                              refreshReason: refreshReason, clusterSource: clusterSource, bounds: bounds, unmodeled: unmodeled,
                              failedReads: failedReads, failedUpdates: failedUpdates, unseenUpdates: unseenUpdates)
    }

    /// The update type a write call starts, if any.
    static func updateType(_ r: CloudTrailRecord) -> UpdateType? {
        // A node group version update's duration is `aws.nodegroupVersionUpdate`, not an update type's.
        if r.eventName == "UpdateNodegroupVersion" { return nil }
        if let t = r.response["update"]?["type"]?.stringValue, let type = UpdateType(rawValue: t) { return type }
        switch r.eventName {
        case "UpdateClusterConfig": return r.request["logging"] != nil ? .loggingUpdate : .endpointAccessUpdate
        case "UpdateClusterVersion": return .versionUpdate
        case "UpdateNodegroupConfig": return .configUpdate
        default: return nil
        }
    }

    /// Bounds from the calls after each accepted update: a refusal with ResourceInUseException means
    /// it was still running; an accepted cluster update means it had finished.
    static func durationBounds(_ records: [CloudTrailRecord], defaults: AWSModelParameters) -> [DurationBound] {
        let sorted = records.sorted(by: CloudTrailRecord.chronological)
        var bounds: [DurationBound] = []
        for (i, r) in sorted.enumerated() where !r.failed {
            guard let type = updateType(r) else { continue }
            let nodegroup = r.eventName.contains("Nodegroup")
            let sameLock: (CloudTrailRecord) -> Bool = { o in
                guard updateType(o) != nil, o.eventName.contains("Nodegroup") == nodegroup else { return false }
                return !nodegroup || o.nodegroupName == r.nodegroupName
            }
            let later = sorted[(i + 1)...].filter { $0.eventTime > r.eventTime && sameLock($0) }
            let finishedBy = later.first { !$0.failed }.map { $0.eventTime - r.eventTime }
            let runningAt = later.filter { o in o.errorCode == "ResourceInUseException" && (finishedBy.map { o.eventTime - r.eventTime < $0 } ?? true) }
                .map { $0.eventTime - r.eventTime }.max() ?? 0
            let model = defaults.duration(of: type, nodegroup: nodegroup)
            var chosen = max(model, runningAt + 1000)
            if let f = finishedBy, chosen >= f { chosen = max(runningAt + 1, f - 1000 > runningAt ? f - 1000 : (runningAt + f) / 2) }
            bounds.append(DurationBound(updateType: type, record: r, atLeast: runningAt, atMost: finishedBy, chosen: chosen))
        }
        return bounds
    }

    static func refreshSettings(_ e: Evidence, profile: Profile, start: Int64, reason: inout String) -> String {
        let a = e.attribution
        switch profile.refresher {
        case .cron:
            let minutes = a.period.map { max(1, $0 / 60_000) } ?? 5
            reason = a.period == nil ? "eks-refresh-cron */5 (Rancher's default; no regular ticks observed)"
                : "eks-refresh-cron */\(minutes) from the observed ticks"
            return "  eksRefreshCron: \"*/\(minutes) * * * *\"\n"
        case .timer:
            let period = a.period ?? 300_000
            var last: Int64 = -period
            if let firstTick = a.ticks.first(where: { $0 >= start }) {
                last = firstTick - period - start
                reason = "eks-refresh \(period / 1000) s, phase from the first observed tick (lastRefresh \(DurationText.format(last)))"
            } else if let annotated = e.rancherObject?.lastRefresh {
                let phase = ((annotated * 1000 - start) % period + period) % period
                last = phase - period
                reason = "eks-refresh \(period / 1000) s, phase from the ke-last-refresh annotation (\(annotated))"
            } else {
                reason = "eks-refresh 300 s (Rancher's default) at an unknown phase (no tick observed)"
            }
            return "  eksRefresh: \(period / 1000)\n  lastRefresh: \(last < 0 ? "-" + DurationText.format(-last) : DurationText.format(last))\n"
        }
    }
}
