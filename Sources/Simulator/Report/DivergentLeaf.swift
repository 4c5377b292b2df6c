import ClusterStateMachine

/// One leaf where Rancher and AWS disagree at the end, spelled as a scenario path
/// (`nodeGroups.ng1.desiredSize`), so a long node group list prints as the values that differ.
struct DivergentLeaf {
    var path: String
    /// nil: the leaf is absent on that side.
    var rancher: JSONValue?
    var aws: JSONValue?

    /// The differing leaves of `divergence`, in the order of Rancher's keys, then AWS's.
    static func leaves(of divergence: Divergence) -> [DivergentLeaf] {
        var out: [DivergentLeaf] = []
        collect(divergence.field.description, divergence.rancher, divergence.aws, into: &out)
        return out
    }

    private static func collect(_ path: String, _ rancher: JSONValue?, _ aws: JSONValue?, into out: inout [DivergentLeaf]) {
        guard rancher != aws else { return }
        if let r = children(rancher), let a = children(aws) {
            let rancherKeys = r.map(\.0), awsOnly = a.map(\.0).filter { !rancherKeys.contains($0) }
            let rancherValues = Dictionary(r, uniquingKeysWith: { first, _ in first })
            let awsValues = Dictionary(a, uniquingKeysWith: { first, _ in first })
            for key in rancherKeys + awsOnly {
                collect(path + "." + key, rancherValues[key], awsValues[key], into: &out)
            }
        } else {
            out.append(DivergentLeaf(path: path, rancher: rancher, aws: aws))
        }
    }

    /// An object's members, or a node group list keyed by `nodegroupName`; nil for anything else.
    private static func children(_ value: JSONValue?) -> [(String, JSONValue)]? {
        switch value {
        case .object(let members): return members
        case .array(let items) where !items.isEmpty:
            return NodeGroupList.groups(value)?.map { ($0.name, .object($0.fields)) }
        default: return nil
        }
    }
}
