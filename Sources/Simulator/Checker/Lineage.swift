import ClusterStateMachine

/// Who saw whose write: a write's author saw every origin in its basis, and everything those saw.
///
/// Answered by a search down the basis edges, not by materialising each write's closure (which
/// grows with the run: quadratic in steps). A basis only names earlier writes, so the search skips
/// every write older than the one looked for; answers are remembered per pair.
struct Lineage {
    private(set) var writes: [WriteID: Write] = [:]
    /// False if some basis names a write not older than its own (then nothing is skipped).
    private var basisIsOlder = true
    private var answers: [Pair: Bool] = [:]
    /// Search marks by write id: `marks[id] == generation` means visited in the current search.
    private var marks: [Int] = []
    private var generation = 0

    private struct Pair: Hashable { var q: Int, p: Int }

    mutating func record(_ write: Write) {
        writes[write.id] = write
        if write.basis.contains(where: { $0.rawValue >= write.id.rawValue }) { basisIsOlder = false }
    }

    /// True when `q`'s author saw `p` (or `q` is `p`).
    mutating func saw(_ q: WriteID, _ p: WriteID) -> Bool {
        if q == p { return true }
        if q.isInitial { return false }
        if basisIsOlder && q.rawValue < p.rawValue { return false }
        let pair = Pair(q: q.rawValue, p: p.rawValue)
        if let known = answers[pair] { return known }
        let answer = search(from: q, for: p)
        answers[pair] = answer
        return answer
    }

    private mutating func search(from q: WriteID, for p: WriteID) -> Bool {
        generation += 1
        var stack = writes[q]?.basis ?? []
        while let next = stack.popLast() {
            if next == p { return true }
            if basisIsOlder && next.rawValue < p.rawValue { continue }
            guard next.rawValue >= 0, !next.isInitial else { continue }
            if next.rawValue >= marks.count { marks.append(contentsOf: repeatElement(0, count: next.rawValue + 1 - marks.count)) }
            guard marks[next.rawValue] != generation else { continue }
            marks[next.rawValue] = generation
            stack.append(contentsOf: writes[next]?.basis ?? [])
        }
        return false
    }
}
