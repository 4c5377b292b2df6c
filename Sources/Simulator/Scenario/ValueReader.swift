import ClusterStateMachine
import Yams

/// Reads a YAML value as the field at a path expects it (bool, number, text, list, map, node group).
struct ValueReader {
    let reader: YAMLReader
    /// True where the value must be one AWS can hold (the cluster at offset 0, Rancher's edits);
    /// false for console calls, which AWS may refuse.
    var mustHoldOnAWS = true

    /// `name` is the field's JSON name (`tags`, `kubernetesVersion`), for AWS's limits.
    func read(_ node: Node, kind: FieldKind, what: String, name: String? = nil) throws(ScenarioError) -> WriteValue {
        let limits = AWSLimits(reader: reader)
        switch kind {
        case .bool: return .leaf(.bool(try reader.bool(node, what)))
        case .int:
            let n = try reader.int(node, what)
            guard n >= 0 else { throw reader.error(node, "\(what): expected a whole number ≥ 0") }
            return .leaf(.int(n))
        case .string:
            let text = try reader.string(node, what)
            if mustHoldOnAWS, name == "kubernetesVersion" || name == "version" {
                try limits.checkVersion(text, node: node, what: what)
            }
            if mustHoldOnAWS, name == "displayName" { try limits.checkClusterName(text, node: node, what: what) }
            return .leaf(.string(text))
        case .strings: return .leaf(.strings(try reader.strings(node, what)))
        case .map:
            var map: [String: WriteValue] = [:]
            let pairs = try reader.mapping(node, what)
            if mustHoldOnAWS && name == "tags" { try limits.checkTags(pairs, what: what, node: node) }
            for (key, _, value) in pairs {
                map[key] = .leaf(.string(try reader.string(value, "\(what).\(key)")))
            }
            return .map(map)
        case .nodeGroups:
            throw reader.error(node, "\(what): set node groups one at a time (nodeGroups.NAME)")
        }
    }

    /// A node group mapping; fields it leaves out get `defaults` (pass `[:]` for none).
    func nodeGroup(_ node: Node, name expected: String?, what: String, defaults: [String: WriteValue]) throws(ScenarioError) -> (String, WriteValue) {
        var fields = defaults
        var name = expected
        let allowed = ["nodegroupName"] + FieldSchema.nodeGroup.map(\.name) + ["launchTemplate"]
        for (key, keyNode, value) in try reader.mapping(node, what, allowed: allowed) {
            if key == "nodegroupName" {
                let given = try reader.string(value, "\(what).nodegroupName")
                if let expected, given != expected {
                    throw reader.error(value, "\(what).nodegroupName: \"\(given)\" differs from the path's \"\(expected)\"")
                }
                name = given
                continue
            }
            if reader.isNull(value) { fields[key] = nil; continue }
            guard let field = FieldSchema.nodeGroupField(key) else {
                throw reader.error(keyNode, "\(what).\(key): launch templates are not modeled; leave it out or null")
            }
            fields[key] = try read(value, kind: field.kind, what: "\(what).\(key)", name: key)
        }
        guard let name, !name.isEmpty else {
            throw reader.error(node, "\(what): missing nodegroupName")
        }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), name.first?.isLetter == true || name.first?.isNumber == true else {
            throw reader.error(node, "\(what): node group name \"\(name)\" must match [0-9A-Za-z][A-Za-z0-9-_]*")
        }
        if mustHoldOnAWS { try AWSLimits(reader: reader).checkScaling(fields, name: name, node: node, what: what) }
        return (name, .map(fields))
    }

    /// Node group defaults for a cluster at `version`.
    static func nodeGroupDefaults(version: String) -> [String: WriteValue] {
        ["version": .leaf(.string(version)), "desiredSize": .leaf(.int(2)), "minSize": .leaf(.int(1)),
         "maxSize": .leaf(.int(3)), "labels": .map([:]), "tags": .map([:])]
    }
}
