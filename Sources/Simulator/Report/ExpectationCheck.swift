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
        /// Exactly `wanted` writes, in any order, or a failure named `key`.
        func check(_ key: String, _ wanted: [ExpectedLostWrite]?, _ writes: [Write]) {
            guard let wanted else { return }
            let got = writes.map { ExpectedLostWrite(actor: $0.actor, field: $0.path) }.sorted()
            if got != wanted.sorted() { failures.append("\(key): expected \(describe(wanted.sorted())), got \(describe(got))") }
        }
        check("lostWrites", expect.lostWrites, findings.lost.map(\.write))
        check("stuck", expect.stuck, findings.stuck.map(\.write))
        check("revertedByPolicy", expect.revertedByPolicy, findings.revertedByPolicy.map(\.write))
        if let wanted = expect.unrequestedChanges {
            let got = findings.unrequestedChanges.map(\.field.raw).sorted()
            if got != wanted.map(\.raw).sorted() {
                failures.append("unrequestedChanges: expected \(wanted.isEmpty ? "none" : wanted.map(\.raw).sorted().joined(separator: ", ")), got \(got.isEmpty ? "none" : got.joined(separator: ", "))")
            }
        }
        if let wanted = expect.conflictsSurfaced {
            let got = findings.surfacedConflicts.map(\.conflict.path).sorted()
            if got != wanted.sorted() {
                let text = { (paths: [FieldPath]) in paths.isEmpty ? "none" : paths.map(\.raw).joined(separator: ", ") }
                failures.append("conflictsSurfaced: expected \(text(wanted.sorted())), got \(text(got))")
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
