import ClusterStateMachine
import Simulator
import Yams

/// `workload:`: per person kind (console, rancher), Poisson edits per cluster per day over weighted
/// field paths, each checked against the template.
enum WorkloadBlock {
    static func read(_ node: Node, template: SpecDocument, reader: YAMLReader) throws(ScenarioError) -> [WorkloadStream] {
        var streams: [WorkloadStream] = []
        for (actorName, _, value) in try reader.mapping(node, "workload", allowed: ["console", "rancher"]) {
            let actor: Actor = actorName == "console" ? .console : .rancher
            let what = "workload.\(actorName)"
            var rate: Double?
            var paths: [WeightedPath] = []
            var setNode: Node?
            for (key, _, v) in try reader.mapping(value, what, allowed: ["perClusterPerDay", "set"]) {
                if key == "perClusterPerDay" {
                    let n = try reader.number(v, "\(what).perClusterPerDay")
                    guard n >= 0, n.isFinite else { throw reader.error(v, "\(what).perClusterPerDay: expected a number ≥ 0") }
                    rate = n
                } else {
                    setNode = v
                    for (pathText, keyNode, weightNode) in try reader.mapping(v, "\(what).set") {
                        let path: FieldPath
                        do { path = try FieldPath(parsing: pathText) } catch { throw reader.error(keyNode, "\(what).set: \(error)") }
                        if let problem = WorkloadValues.problem(with: path, actor: actor, template: template) {
                            throw reader.error(keyNode, "\(what).set: \(pathText): \(problem)")
                        }
                        guard case .scalar = weightNode, let weight = weightNode.float ?? weightNode.int.map(Double.init),
                              weight > 0, weight.isFinite else {
                            throw reader.error(weightNode, "\(what).set.\(pathText): expected a weight, a number > 0 (like 0.4)")
                        }
                        paths.append(WeightedPath(path: path, weight: weight))
                    }
                }
            }
            guard let rate else { throw reader.error(value, "\(what): missing \"perClusterPerDay\" (edits per cluster per day)") }
            guard !paths.isEmpty else {
                throw reader.error(setNode ?? value, "\(what): missing \"set\" ({path: weight, ...}, the fields people edit)")
            }
            streams.append(WorkloadStream(actor: actor, perClusterPerDay: rate, paths: paths))
        }
        return streams
    }
}
