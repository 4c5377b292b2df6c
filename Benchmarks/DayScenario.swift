import ClusterStateMachine
import Simulator

/// The bench's long run: one cluster under the default profile (rancher-2.5-cron, a refresh every
/// five minutes) for a simulated day, with eight people's edits spread over it.
enum DayScenario {
    /// Each edit's time as a fraction of the day (in 24ths), who makes it, and what it sets.
    static let edits: [(at: Int, actor: String, set: String)] = [
        (1, "console", "{privateAccess: true}"),
        (3, "rancher", "{tags.env: prod}"),
        (6, "console", "{tags.owner: alice}"),
        (9, "rancher", "{loggingTypes: [audit]}"),
        (12, "console", "{nodeGroups.ng1.desiredSize: 3}"),
        (15, "rancher", "{tags.cost: shared}"),
        (18, "console", "{privateAccess: false}"),
        (21, "rancher", "{nodeGroups.ng1.desiredSize: 2}"),
    ]

    /// The scenario's YAML for a day of `hours` simulated hours.
    static func yaml(hours: Int) -> String {
        let minutes = hours * 60
        var text = """
            name: bench-day
            description: One cluster for \(hours) simulated hours with edits from the console and Rancher.
            start: 2025-01-01T00:00:00Z
            profile: rancher-2.5-cron
            aws:
              updateDurations:
                EndpointAccessUpdate: 1m
                LoggingUpdate: 30s
            cluster:
              displayName: bench
              region: us-west-2
              kubernetesVersion: "1.29"
              publicAccess: true
              privateAccess: false
              loggingTypes: []
              tags: {team: platform}
              nodeGroups:
                - {nodegroupName: ng1, desiredSize: 2, minSize: 1, maxSize: 3}
            steps:

            """
        for edit in edits {
            text += "  - at: \(minutes * edit.at / 24)m\n    actor: \(edit.actor)\n    set: \(edit.set)\n"
        }
        text += "until: \(hours)h\n"
        return text
    }

    /// The parsed scenario.
    static func scenario(hours: Int) throws -> Scenario {
        try ScenarioLoader.parse(yaml(hours: hours), path: "bench")
    }
}
