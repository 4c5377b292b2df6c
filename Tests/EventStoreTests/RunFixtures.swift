import EventStore

/// Builders for run records.
enum RunFixtures {
    static func run(name: String = "console-private-access-lost", seed: UInt64 = 7, stream: String = "run-1") -> RunRecord {
        RunRecord(
            id: 0, scenarioName: name,
            scenarioSource: "name: \(name)\nsteps:\n  - at: 1m\n    actor: console\n    set: {privateAccess: true}\n",
            sourcePath: "scenarios/\(name).yaml", profile: "rancher-2.5-cron", seed: seed,
            toolVersion: "0.1.0", streamId: stream, options: #"{"overrides":{"eksRefresh":300}}"#)
    }
}
