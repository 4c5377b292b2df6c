import ClusterStateMachine
import Foundation

/// `simctl fleet`'s answer: one result per release × refresh setting, and a recommendation.
public struct FleetReport: Sendable {
    public var fleet: FleetFile
    public var results: [FleetResult]

    /// Builds the report from each combination's merged statistics (in `fleet.combinations` order).
    public init(fleet: FleetFile, statistics: [UnitStatistics]) {
        self.fleet = fleet
        results = zip(fleet.combinations, statistics).map { FleetResult(fleet: fleet, combination: $0, statistics: $1) }
    }

    /// One line: the setting with the fewest lost writes per 1,000 cluster-days (ties: fewer
    /// throttled calls, then fewer calls), what it costs, and the cheapest setting whose interval
    /// overlaps it (not distinguishable at this size).
    public var recommendation: String {
        guard !results.isEmpty else { return "nothing to compare" }
        let best = results.min {
            ($0.lostPer1000.value, $0.throttled, $0.callsPerSecondMean) < ($1.lostPer1000.value, $1.throttled, $1.callsPerSecondMean)
        }!
        var line = "Recommended: \(best.combination.profile.name) with \(Self.settingText(best.combination.setting)): "
        line += "the fewest lost writes (\(Self.fixed(best.lostPer1000.value, 2)) per 1,000 cluster-days, 95% \(Self.fixed(best.lostPer1000.low, 2))–\(Self.fixed(best.lostPer1000.high, 2)))"
        line += best.throttled == 0
            ? ", never throttled"
            : ", although \(best.throttled) calls were answered 429 (the SDK retried them)"
        line += ", at \(Self.fixed(best.callsPerSecondMean, 2)) API calls/s (peak \(best.callsPerSecondPeak))"
        // A cheaper setting whose loss rate cannot be told apart from the best's (the 95% intervals
        // overlap), when the saving shows at the printed precision.
        if let cheaper = results.filter({ Self.fixed($0.callsPerSecondMean, 2) != Self.fixed(best.callsPerSecondMean, 2)
                && $0.callsPerSecondMean < best.callsPerSecondMean && $0.lostPer1000.low <= best.lostPer1000.high })
            .min(by: { $0.callsPerSecondMean < $1.callsPerSecondMean }) {
            line += "; \(cheaper.combination.profile.name) at \(Self.settingText(cheaper.combination.setting)) costs only \(Self.fixed(cheaper.callsPerSecondMean, 2)) calls/s, and its loss rate's 95% interval overlaps the best's"
        }
        return line + "."
    }

    static func settingText(_ setting: RefreshSetting) -> String {
        switch setting {
        case .seconds(let s): "eksRefresh \(s) s"
        case .cron(let c): "eksRefreshCron \"\(c.source)\""
        }
    }

    /// A number with `digits` decimals, the same text on every machine.
    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    /// Rounded for JSON so that the printed digits do not depend on the last bits.
    static func rounded(_ value: Double, _ digits: Int = 4) -> JSONValue {
        let scale = pow(10, Double(digits))
        return .double((value * scale).rounded() / scale)
    }
}
