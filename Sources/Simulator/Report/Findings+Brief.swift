import ClusterStateMachine

extension Findings {
    /// What a one-line summary must not hide, one clause each: lost writes, changes nobody asked
    /// for, stuck edits, conflicts a policy surfaced and writes it reverted by design. Empty when
    /// there is none of these.
    public var briefClauses: [String] {
        func writes(_ list: [Write]) -> String { list.map { "\($0.actor.rawValue) \($0.path)" }.joined(separator: ", ") }
        var clauses: [String] = []
        if !lost.isEmpty { clauses.append("lost: " + writes(lost.map(\.write))) }
        if !unrequestedChanges.isEmpty {
            clauses.append("nobody asked for: " + unrequestedChanges.map { "\($0.field) \($0.after == .null ? "deleted" : "changed")" }
                .joined(separator: ", "))
        }
        if !stuck.isEmpty { clauses.append("stuck: " + writes(stuck.map(\.write))) }
        if !surfacedConflicts.isEmpty { clauses.append("conflicts surfaced: " + surfacedConflicts.map(\.conflict.path.raw).joined(separator: ", ")) }
        if !revertedByPolicy.isEmpty { clauses.append("reverted by design: " + writes(revertedByPolicy.map(\.write))) }
        return clauses
    }
}
