import SyncEngine

/// Which release the records point at, with the reason: cron-aligned ticks or a per-cluster phase,
/// the SDK in Rancher's user agent, and whether the operator asks ListUpdates before writing.
/// Candidates are every release of the table (`Profile.releases`); the newest that fits wins, and
/// the reason names the range that fits.
enum ProfileInference {
    /// Whether the release's operator asks ListUpdates/DescribeUpdate before a cluster update (PR #1166).
    static func asksListUpdates(_ p: Profile) -> Bool { p.has(.listUpdatesGate) }

    /// Whether the release's eks-operator calls AWS through aws-sdk-go-v2: eks-operator v1.9.0 on
    /// (commit 6ec4368b "Migrating to the AWS SDK for Go V2", 2024-03-06); before it, aws-sdk-go v1.
    static func usesSDKv2(_ p: Profile) -> Bool { p.has(.awsSDKGoV2) }

    static func infer(_ attribution: Attribution, override: String?, startEpochSeconds: Int64) throws(AuditError) -> (name: String, reason: String) {
        var overridden: Profile?
        if let override {
            guard let profile = Profile.named(override) else {
                throw AuditError(file: "--profile", message: "unknown profile \(override); did you mean \(Profile.suggestion(for: override))?")
            }
            overridden = profile
        }
        var reasons: [String] = []
        var refresher: Profile.RefresherSchedule?
        if let period = attribution.period, attribution.ticks.count >= 2 {
            let aligned = period % 60_000 == 0 && attribution.ticks.allSatisfy { t in
                let r = t % period
                return min(r, period - r) <= Attribution.gridTolerance
            }
            refresher = aligned ? .cron : .timer
            reasons.append(aligned
                ? "the refresher's \(attribution.ticks.count) ticks fall on the wall clock every \(period / 60_000) min (eks-refresh-cron, Rancher v2.5.0–v2.5.7)"
                : "the refresher's \(attribution.ticks.count) ticks recur every \(period / 1000) s at a per-cluster phase (the eks-refresh timer, Rancher v2.5.8+)")
        } else {
            reasons.append("too few refresher ticks to tell cron from timer")
        }
        var sdkV2: Bool?
        if let agent = attribution.rancherUserAgent {
            if agent.hasPrefix("aws-sdk-go-v2") {
                sdkV2 = true
                reasons.append("Rancher's calls use \(agent.split(separator: " ").first ?? "") (aws-sdk-go-v2: eks-operator v1.9.0 or later)")
            } else if agent.hasPrefix("aws-sdk-go/") {
                sdkV2 = false
                reasons.append("Rancher's calls use \(agent.split(separator: " ").first ?? "") (aws-sdk-go v1: eks-operator before v1.9.0)")
            }
        }
        let operatorCalls = attribution.calls.filter { $0.actor == .operator }.map(\.record)
        var gate: Bool?
        if operatorCalls.contains(where: { !$0.isRead }) {
            gate = operatorCalls.contains { $0.eventName == "ListUpdates" || $0.eventName == "DescribeUpdate" }
            reasons.append(gate! ? "the operator asked ListUpdates/DescribeUpdate before writing (PR #1166's gate)"
                                 : "the operator wrote without asking ListUpdates first")
        }
        let fits = Profile.releases.filter { p in
            (refresher.map { p.refresher == $0 } ?? true) && (sdkV2.map { usesSDKv2(p) == $0 } ?? true)
                && (gate.map { asksListUpdates(p) == $0 } ?? true)
        }
        let text = reasons.joined(separator: "; ")
        if let overridden {
            // The user's word wins, but not silently against the records.
            guard !fits.isEmpty, !fits.contains(where: { $0.release == overridden.release }) else { return (overridden.name, "given with --profile") }
            let range = fits.count == 1 ? fits[0].name : "\(fits[0].name) … \(fits[fits.count - 1].release.version)"
            return (overridden.name, "given with --profile, although the records point elsewhere: \(text); that fits \(range)")
        }
        guard let chosen = fits.last ?? Profile.releases.last else { return ("latest", "no profile known") }
        guard let first = fits.first else { return (chosen.name, "no release fits all of: \(text); using the newest") }
        let range = first == chosen ? chosen.name : "\(first.name) … \(chosen.release.version) (\(fits.count) releases)"
        return (chosen.name, "\(text); that fits \(range), the newest is taken")
    }
}
