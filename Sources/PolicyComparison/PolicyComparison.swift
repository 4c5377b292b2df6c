import ClusterStateMachine
import Simulator
import SyncEngine

/// `simctl compare`: every scenario run under every sync policy, one cell per pair: what each
/// proposed fix closes, what it costs, and what it breaks.
public struct PolicyComparison: Sendable {
    /// The profile every scenario was run with (`--profile`), or nil: each scenario's own.
    public var profile: String?
    public var policies: [SyncPolicy]
    /// The scenarios' names, in the order given.
    public var scenarios: [String]
    /// `cells[i][j]`: scenario i under policy j.
    public var cells: [[PolicyCell]]

    /// Runs each scenario under each policy (the scenarios are loaded and validated by the caller).
    public static func run(_ scenarios: [Scenario], policies: [SyncPolicy], profile: String?) -> PolicyComparison {
        let cells = scenarios.map { scenario in
            policies.map { policy in
                var variant = scenario
                variant.policy = policy
                return PolicyCell(RunReport(result: Simulation(scenario: variant).run()))
            }
        }
        return PolicyComparison(profile: profile, policies: policies, scenarios: scenarios.map(\.name), cells: cells)
    }

    /// One policy's cells, down the scenarios.
    public func column(_ j: Int) -> [PolicyCell] { cells.map { $0[j] } }

    /// A policy's totals over every scenario.
    public func totals(_ j: Int) -> PolicyTotals { PolicyTotals(column(j)) }

    /// True when some cell reports unrequested changes (the column is shown only then).
    public var hasUnrequestedChanges: Bool { cells.joined().contains { $0.unrequestedChanges != nil } }
}
