/// One policy's sums over the scenarios.
public struct PolicyTotals: Sendable {
    public var lostWrites: Int
    public var scenariosWithLoss: Int
    public var conflictsSurfaced: Int
    public var revertedByPolicy: Int
    public var unrequestedChanges: Int?
    public var apiCalls: Int

    init(_ cells: [PolicyCell]) {
        lostWrites = cells.map(\.lostWrites.count).reduce(0, +)
        scenariosWithLoss = cells.filter { !$0.lostWrites.isEmpty }.count
        conflictsSurfaced = cells.map(\.conflictsSurfaced).reduce(0, +)
        revertedByPolicy = cells.map(\.revertedByPolicy.count).reduce(0, +)
        let unrequested = cells.compactMap(\.unrequestedChanges)
        unrequestedChanges = unrequested.isEmpty ? nil : unrequested.reduce(0, +)
        apiCalls = cells.map(\.apiCalls).reduce(0, +)
    }
}
