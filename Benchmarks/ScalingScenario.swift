import Simulator

/// The scenarios of the scaling figures: one dimension of the work grows, the rest stays.
enum ScalingScenario {
    /// `steps` edits three minutes apart, console and Rancher in turn, over ten tags: under a
    /// five-minute refresh some edits race and are lost, so the checker has clobbers to trace.
    static func steps(_ steps: Int) throws -> Scenario {
        var text = header(name: "bench-steps-\(steps)", nodeGroups: 1, userData: 0) + "steps:\n"
        for i in 0..<steps {
            let actor = i % 2 == 0 ? "console" : "rancher"
            text += "  - {at: \(3 * i + 1)m, actor: \(actor), set: {tags.k\(i % 10): v\(i)}}\n"
        }
        return try parse(text)
    }

    /// `count` node groups for two hours, with a console scale and a Rancher tag edit.
    static func nodeGroups(_ count: Int) throws -> Scenario {
        try parse(header(name: "bench-node-groups-\(count)", nodeGroups: count, userData: 0) + """
            steps:
              - {at: 2m, actor: console, set: {nodeGroups.ng0.desiredSize: 3}}
              - {at: 31m, actor: rancher, set: {tags.env: prod}}
            until: 2h

            """)
    }

    /// One node group whose `userData` is `bytes` long, for a day with four edits.
    static func stringSize(_ bytes: Int) throws -> Scenario {
        try parse(header(name: "bench-string-\(bytes)", nodeGroups: 1, userData: bytes) + """
            steps:
              - {at: 2m, actor: console, set: {privateAccess: true}}
              - {at: 61m, actor: rancher, set: {tags.env: prod}}
              - {at: 122m, actor: console, set: {nodeGroups.ng0.desiredSize: 3}}
              - {at: 183m, actor: rancher, set: {nodeGroups.ng0.desiredSize: 2}}
            until: 24h

            """)
    }

    private static func header(name: String, nodeGroups: Int, userData: Int) -> String {
        var text = """
            name: \(name)
            start: 2025-01-01T00:00:00Z
            profile: rancher-2.5-cron
            aws:
              updateDurations:
                EndpointAccessUpdate: 1m
            cluster:
              displayName: bench
              region: us-west-2
              kubernetesVersion: "1.29"
              privateAccess: false
              tags: {team: platform}
              nodeGroups:

            """
        for i in 0..<nodeGroups {
            let data = i == 0 && userData > 0 ? ", userData: \(String(repeating: "x", count: userData))" : ""
            text += "    - {nodegroupName: ng\(i), desiredSize: 2, minSize: 1, maxSize: 3\(data)}\n"
        }
        return text
    }

    private static func parse(_ text: String) throws -> Scenario {
        do { return try ScenarioLoader.parse(text, path: "bench") } catch { throw BenchError("\(error)") }
    }
}
