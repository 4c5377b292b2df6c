import ClusterStateMachine
import SyncEngine

/// `simctl profiles`: the releases modeled, grouped where their behaviours are the same, and each
/// behaviour switch with its range and upstream evidence (CONTRACT.md §2).
public enum ReleaseReport {
    /// Consecutive releases with the same behaviours, as one row.
    struct Group {
        var releases: [RancherRelease]
        var behaviours: Set<Behaviour>
    }

    static var groups: [Group] {
        var groups: [Group] = []
        for release in ReleaseTable.releases {
            let behaviours = ReleaseTable.behaviours(of: release)
            if let last = groups.last, last.behaviours == behaviours {
                groups[groups.count - 1].releases.append(release)
            } else {
                groups.append(Group(releases: [release], behaviours: behaviours))
            }
        }
        return groups
    }

    /// The table: one row per group of releases, a mark per switch, then the switches.
    public static var text: String {
        let switches = ReleaseTable.switches
        var out = "\(ReleaseTable.releases.count) Rancher releases modeled, \(ReleaseTable.releases[0].name) to \(ReleaseTable.latest.name) (latest).\n"
        out += "Each row is a run of releases with the same behaviours; ● = on. `simctl profiles rancher-X.Y.Z` shows one.\n\n"
        let header = switches.indices.map { String(format: "%2d", $0 + 1) }.joined(separator: " ")
        out += pad("releases", 30) + pad("eks-operator", 16) + pad("refresher", 10) + header + "\n"
        for group in groups {
            let first = group.releases[0], last = group.releases[group.releases.count - 1]
            let names = first == last ? first.name : "\(first.name) … \(last.version)"
            let marks = switches.map { group.behaviours.contains($0.behaviour) ? " ●" : " ·" }.joined(separator: " ")
            let refresher = group.behaviours.contains(.cronRefresher) ? "cron" : "timer"
            let pins = first.eksOperator == last.eksOperator ? "v\(first.eksOperator)" : "v\(first.eksOperator)–\(last.eksOperator)"
            out += pad(names, 30) + pad(pins, 16) + pad(refresher, 10) + marks + "\n"
        }
        out += "\nBehaviours (range; upstream evidence; [I] = inferred, see README):\n"
        for (i, row) in switches.enumerated() {
            out += String(format: "%2d ", i + 1) + "\(row.behaviour.rawValue): \(row.behaviour.summary)\n"
            out += "   \(row.rangeText)\(row.inferred ? " [I]" : ""); \(row.source)\n"
        }
        out += "\nAliases: " + ReleaseTable.aliases.map { "\($0.alias) = \($0.release)" }.joined(separator: ", ") + "\n"
        return out
    }

    /// One release in full: what each switch does there.
    public static func text(for profile: Profile) -> String {
        var out = "\(profile.name)" + (profile.name == profile.release.name ? "" : " (= \(profile.release.name))")
            + ": eks-operator v\(profile.release.eksOperator), \(profile.refresher == .cron ? "eks-refresh-cron job" : "per-cluster eks-refresh timer")\n"
        for row in ReleaseTable.switches {
            out += "  \(profile.has(row.behaviour) ? "●" : "·") \(row.behaviour.rawValue): \(row.behaviour.summary) (\(row.rangeText))\n"
        }
        return out
    }

    /// The whole table for tools.
    public static var json: JSONValue {
        .object([
            ("latest", .string(ReleaseTable.latest.name)),
            ("releases", .array(ReleaseTable.releases.map { release in
                let behaviours = ReleaseTable.behaviours(of: release)
                return .object([
                    ("release", .string(release.name)), ("eksOperator", .string("v\(release.eksOperator)")),
                    ("refresher", .string(behaviours.contains(.cronRefresher) ? "cron" : "timer")),
                    ("behaviours", .array(Behaviour.allCases.filter(behaviours.contains).map { .string($0.rawValue) })),
                ])
            })),
            ("aliases", .array(ReleaseTable.aliases.map { alias in
                .object([("alias", .string(alias.alias)), ("release", .string(alias.release)), ("meaning", .string(alias.meaning))])
            })),
            ("behaviours", .array(ReleaseTable.switches.map { row in
                .object([
                    ("name", .string(row.behaviour.rawValue)), ("summary", .string(row.behaviour.summary)),
                    ("component", .string(row.component.rawValue)),
                    ("ranges", .array(row.ranges.map { range in
                        .object([("from", range.from.map { .string("v\($0)") } ?? .null),
                                 ("until", range.until.map { .string("v\($0)") } ?? .null)])
                    })),
                    ("source", .string(row.source)), ("inferred", .bool(row.inferred)),
                ])
            })),
        ])
    }

    private static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s.padding(toLength: n, withPad: " ", startingAt: 0)
    }
}
