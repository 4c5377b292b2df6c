import ClusterStateMachine
import SyncEngine

extension FleetReport {
    /// `fleet --format json` (CONTRACT.md §5): `{"fleet", "clusters", "days", "results": [...]}`.
    /// With `--policy`, `"policy": NAME` follows `days`.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("fleet", .string(fleet.name)),
            ("clusters", .int(Int64(fleet.clusterCount))),
            ("accounts", .int(Int64(fleet.accounts))),
            ("days", Self.rounded(Double(fleet.duration) / Double(86_400 * SimTime.second))),
        ]
        if let policy = fleet.policy { pairs.append(("policy", .string(policy.rawValue))) }
        pairs += [
            ("recommendation", .string(recommendation)),
            ("results", .array(results.map(\.json))),
            ("expectationFailures", .array(expectationFailures.map { .string($0) })),
        ]
        return .object(pairs)
    }
}

extension FleetResult {
    var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("profile", .string(combination.profile.name))]
        switch combination.setting {
        case .seconds(let s): pairs.append(("eksRefresh", .int(Int64(s))))
        case .cron(let c): pairs.append(("eksRefreshCron", .string(c.source)))
        }
        func interval(_ r: (value: Double, low: Double, high: Double)) -> JSONValue {
            .object([("value", FleetReport.rounded(r.value)), ("low", FleetReport.rounded(r.low)), ("high", FleetReport.rounded(r.high)),
                     ("interval", .string("exact Poisson (Garwood) 95%"))])
        }
        func counts(_ d: [String: Int]) -> JSONValue { .object(d.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) }) }
        pairs += [
            ("clusterDays", FleetReport.rounded(clusterDays)),
            ("writes", .int(Int64(writes))),
            ("lostWrites", .int(Int64(lostWrites))),
            ("lostPer1000ClusterDays", interval(lostPer1000)),
            ("unrequestedChanges", .int(Int64(unrequestedChanges))),
            ("unrequestedPer1000ClusterDays", interval(unrequestedPer1000)),
            ("refusedWrites", .int(Int64(refusedWrites))),
            ("conflicts", .int(Int64(conflicts))),
            ("apiCalls", .object([
                ("total", .int(Int64(callsTotal))),
                ("perSecond", .object([("mean", FleetReport.rounded(callsPerSecondMean)),
                                       ("p99", .int(Int64(callsPerSecondP99))), ("peak", .int(Int64(callsPerSecondPeak)))])),
                ("byOperation", counts(callsByOperation)),
            ])),
            ("throttled", .int(Int64(throttled))),
            ("throttledByOperation", counts(throttledByOperation)),
            ("refreshLagSeconds", .object([("p50", refreshLagP50.map { FleetReport.rounded($0, 3) } ?? .null),
                                           ("p99", refreshLagP99.map { FleetReport.rounded($0, 3) } ?? .null)])),
        ]
        if combination.setting.isCron {
            pairs.append(("cronWalk", .object([
                ("walks", .int(Int64(walks))),
                ("p50Seconds", walkP50.map { FleetReport.rounded($0, 3) } ?? .null),
                ("maxSeconds", walkMax.map { FleetReport.rounded($0, 3) } ?? .null),
                ("overlapping", .int(Int64(overlappingWalks))),
            ])))
        }
        return .object(pairs)
    }
}
