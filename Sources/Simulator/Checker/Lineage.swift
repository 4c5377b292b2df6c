import ClusterStateMachine

/// Who saw whose write: a write's author saw every origin in its basis, and everything those saw.
struct Lineage {
    private(set) var writes: [WriteID: Write] = [:]
    private var seen: [WriteID: Set<WriteID>] = [:]

    mutating func record(_ write: Write) { writes[write.id] = write }

    /// True when `q`'s author saw `p` (or `q` is `p`).
    mutating func saw(_ q: WriteID, _ p: WriteID) -> Bool {
        if q == p { return true }
        if q.isInitial { return false }
        return closure(of: q).contains(p)
    }

    private mutating func closure(of id: WriteID) -> Set<WriteID> {
        if let known = seen[id] { return known }
        var result = Set<WriteID>()
        var stack = writes[id]?.basis ?? []
        while let next = stack.popLast() {
            guard result.insert(next).inserted else { continue }
            if let known = seen[next] { result.formUnion(known) } else { stack.append(contentsOf: writes[next]?.basis ?? []) }
        }
        seen[id] = result
        return result
    }
}
