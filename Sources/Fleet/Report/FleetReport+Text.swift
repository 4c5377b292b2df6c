import ClusterStateMachine
import SyncEngine
import Foundation

extension FleetReport {
    /// The table a person reads, and the recommendation under it.
    public var text: String {
        let days = Double(fleet.duration) / Double(86_400 * SimTime.second)
        var out = "fleet \(fleet.name): \(fleet.clusterCount) clusters"
        out += fleet.accounts > 1 ? " in \(fleet.accounts) accounts" : ""
        out += " × \(Self.fixed(days * 24, 1)) h = \(Self.fixed(fleet.clusterDays, 1)) cluster-days per setting"
        out += fleet.policy.map { ", every engine under the \($0.rawValue) sync policy" } ?? ""
        out += "\n\n"
        let header = ["release", "refresh", "lost", "per 1,000 cd [95%]", "unreq", "calls", "calls/s", "p99/s", "peak/s",
                      "429s", "lag p50", "lag p99", "cron walk"]
        var rows = [header]
        for r in results {
            let walk = r.combination.setting.isCron
                ? (r.walkMax.map { "\(Self.fixed(r.walkP50 ?? 0, 0))s/\(Self.fixed($0, 0))s" + (r.overlappingWalks > 0 ? " ×\(r.overlappingWalks)" : "") } ?? "–")
                : "–"
            rows.append([
                r.combination.profile.name,
                r.combination.setting.isCron ? r.combination.setting.label : "\(r.combination.setting.label)s",
                "\(r.lostWrites)/\(r.writes)",
                "\(Self.fixed(r.lostPer1000.value, 2)) [\(Self.fixed(r.lostPer1000.low, 2))–\(Self.fixed(r.lostPer1000.high, 2))]",
                "\(r.unrequestedChanges)",
                "\(r.callsTotal)",
                Self.fixed(r.callsPerSecondMean, 2),
                "\(r.callsPerSecondP99)",
                "\(r.callsPerSecondPeak)",
                "\(r.throttled)",
                r.refreshLagP50.map { "\(Self.fixed($0, 0))s" } ?? "–",
                r.refreshLagP99.map { "\(Self.fixed($0, 0))s" } ?? "–",
                walk,
            ])
        }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { c, cell in
                c < 2 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                      : String(repeating: " ", count: widths[c] - cell.count) + cell
            }
            out += "  " + cells.joined(separator: "  ") + "\n"
        }
        out += "\n  lost: writes lost / people's writes; per 1,000 cluster-days with the exact Poisson (Garwood) 95% interval;\n"
        out += "  unreq: changes to AWS no person asked for; calls: API attempts (SDK retries included) per second of the\n"
        out += "  edit window; 429s: attempts the account's budget refused; lag: UpstreamSpec's age at people's edits;\n"
        out += "  cron walk: p50/longest walk over the clusters (×N: walks that overlapped the next fire).\n\n"
        out += recommendation + "\n"
        return out
    }
}
