import ClusterStateMachine
import Yams

/// Reads `cluster:` into the document AWS shows at offset 0 (every value's origin is `initial`).
public struct ClusterReader {
    let reader: YAMLReader

    public init(reader: YAMLReader) { self.reader = reader }

    /// The values AWS has for fields a scenario leaves out (aws-eks-model §2 defaults).
    static let defaults: [String: WriteValue] = [
        "region": .leaf(.string("us-west-2")),
        "amazonCredentialSecret": .leaf(.string(CredentialRedaction.redact("cattle-global-data:cc-aws"))),
        "imported": .leaf(.bool(false)),
        "kubernetesVersion": .leaf(.string("1.29")),
        "publicAccess": .leaf(.bool(true)),
        "privateAccess": .leaf(.bool(false)),
        "publicAccessSources": .leaf(.strings([])),
        "loggingTypes": .leaf(.strings([])),
        "tags": .map([:]),
    ]

    public func read(_ node: Node, defaultName: String) throws(ScenarioError) -> SpecDocument {
        var values = Self.defaults
        values["displayName"] = .leaf(.string(defaultName))
        var groups: [(String, WriteValue)] = []
        var groupNodes: [Node] = []
        let values2 = ValueReader(reader: reader)
        for (key, keyNode, value) in try reader.mapping(node, "cluster") {
            guard let field = FieldSchema.clusterField(key) else {
                let names = FieldSchema.cluster.map(\.name)
                throw reader.error(keyNode, "cluster: unknown field \"\(key)\"\(Suggestion.expected(key, among: names, list: "an EKSClusterConfigSpec field: " + names.joined(separator: ", ")))")
            }
            if reader.isNull(value) {
                guard field.nillable else { throw reader.error(value, "cluster.\(key): cannot be null") }
                values[key] = nil
                continue
            }
            if field.kind == .nodeGroups {
                groupNodes = try reader.sequence(value, "cluster.nodeGroups")
                continue
            }
            values[key] = try values2.read(value, kind: field.kind, what: "cluster.\(key)", name: key)
            if key == "amazonCredentialSecret", case .leaf(.string(let secret))? = values[key] {
                values[key] = .leaf(.string(CredentialRedaction.redact(secret)))
            }
        }
        let version: String = if case .leaf(.string(let v))? = values["kubernetesVersion"] { v } else { "1.29" }
        var names = Set<String>()
        for (i, groupNode) in groupNodes.enumerated() {
            let (name, group) = try values2.nodeGroup(groupNode, name: nil, what: "cluster.nodeGroups[\(i)]",
                                                      defaults: ValueReader.nodeGroupDefaults(version: version))
            guard names.insert(name).inserted else {
                throw reader.error(groupNode, "cluster.nodeGroups[\(i)]: node group name [\(name)] is not unique")
            }
            groups.append((name, group))
        }
        // AWS reports the default CIDR list when none was set (aws-eks-model §2 defaults).
        if case .leaf(.strings([]))? = values["publicAccessSources"] {
            values["publicAccessSources"] = .leaf(.strings(["0.0.0.0/0"]))
        }
        var doc = SpecDocument()
        for (key, value) in values {
            doc.replaceSubtree(FieldPath(unchecked: key), with: value.entries(at: FieldPath(unchecked: key), origin: .initial, readAt: 0))
        }
        doc[FieldPath("nodeGroups")] = Entry(.container, origin: .initial, readAt: 0)
        for (name, group) in groups {
            let path = FieldPath(unchecked: "nodeGroups.\(name)")
            doc.replaceSubtree(path, with: group.entries(at: path, origin: .initial, readAt: 0))
        }
        return doc
    }
}
