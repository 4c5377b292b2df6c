import ClusterStateMachine
import Simulator
import Yams

/// `clusters:`: how many, over how many accounts, the template, and what Rancher manages.
struct ClustersBlock {
    var count: Int
    var accounts: Int
    var template: SpecDocument
    var managed: Managed

    static func read(_ node: Node, name: String, reader: YAMLReader) throws(ScenarioError) -> ClustersBlock {
        var count: Int?
        var accounts = 1
        var template: SpecDocument?
        var managed = Managed.all
        for (key, _, value) in try reader.mapping(node, "clusters", allowed: ["count", "accounts", "template", "managed"]) {
            switch key {
            case "count":
                let n = try reader.int(value, "clusters.count")
                guard n >= 1 else { throw reader.error(value, "clusters.count: expected a whole number ≥ 1") }
                count = n
            case "accounts":
                let n = try reader.int(value, "clusters.accounts")
                guard n >= 1 else { throw reader.error(value, "clusters.accounts: expected a whole number ≥ 1") }
                accounts = n
            case "template":
                template = try ClusterReader(reader: reader).read(value, defaultName: name)
            default:
                managed = try ScenarioLoader.readManaged(value, reader: reader)
            }
        }
        guard let count else { throw reader.error(node, "clusters: missing \"count\" (how many clusters)") }
        guard let template else { throw reader.error(node, "clusters: missing \"template\" (a cluster block as in a scenario)") }
        guard accounts <= count else {
            throw reader.error(node, "clusters.accounts: \(accounts) accounts for \(count) clusters; expected at most one account per cluster")
        }
        return ClustersBlock(count: count, accounts: accounts, template: template, managed: managed)
    }
}
