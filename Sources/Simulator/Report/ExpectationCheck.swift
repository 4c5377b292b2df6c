import ClusterStateMachine

/// Compares a run with its scenario's `expect:` (lost writes and final values).
enum ExpectationCheck {
    static func failures(result: RunResult, findings: Findings) -> [String] {
        var failures: [String] = []
        // A run that does not settle is not a pass unless the scenario says it is meant not to.
        let wantsSettled = result.scenario.expect?.settled ?? true
        if wantsSettled && !result.settled {
            failures.append("settled: the run did not settle (\(unsettledReason(result))); write expect: {settled: false} if that is the point")
        } else if !wantsSettled && result.settled {
            failures.append("settled: expected the run not to settle, but it settled at \(result.clock(result.endedAt))")
        }
        guard let expect = result.scenario.expect else { return failures }
        if let wanted = expect.lostWrites {
            let got = findings.lost.map { ExpectedLostWrite(actor: $0.write.actor, field: $0.write.path) }.sorted()
            if got != wanted.sorted() {
                failures.append("lostWrites: expected \(describe(wanted.sorted())), got \(describe(got))")
            }
        }
        for (path, value) in expect.final {
            let actual = result.state.aws.visible.json(at: path) ?? .null
            if actual != value {
                failures.append("final.\(path): expected \(value), AWS holds \(actual)")
            }
        }
        return failures
    }

    static func unsettledReason(_ result: RunResult) -> String {
        if result.log.count >= result.options.maxEvents { return "still busy after \(result.options.maxEvents) events" }
        return "cut short at until: \(DurationText.format(result.scenario.until ?? 0)) with work still to come"
    }

    static func describe(_ writes: [ExpectedLostWrite]) -> String {
        writes.isEmpty ? "none" : writes.map { "\($0.actor.rawValue) \($0.field)" }.joined(separator: ", ")
    }
}
