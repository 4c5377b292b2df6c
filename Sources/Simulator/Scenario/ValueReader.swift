import ClusterStateMachine
import Yams

/// Reads a YAML value as the field at a path expects it (bool, number, text, list, map, node group).
struct ValueReader {
    let reader: YAMLReader

    func read(_ node: Node, kind: FieldKind, what: String) throws(ScenarioError) -> WriteValue {
        switch kind {
        case .bool: return .leaf(.bool(try reader.bool(node, what)))
        case .int:
            let n = try reader.int(node, what)
            guard n >= 0 else { throw reader.error(node, "\(what): expected a whole number ≥ 0") }
            return .leaf(.int(n))
        case .string: return .leaf(.string(try reader.string(node, what)))
        case .strings: return .leaf(.strings(try reader.strings(node, what)))
        case .map:
            var map: [String: WriteValue] = [:]
            for (key, _, value) in try reader.mapping(node, what) {
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
            fields[key] = try read(value, kind: field.kind, what: "\(what).\(key)")
        }
        guard let name, !name.isEmpty else {
            throw reader.error(node, "\(what): missing nodegroupName")
        }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), name.first?.isLetter == true || name.first?.isNumber == true else {
            throw reader.error(node, "\(what): node group name \"\(name)\" must match [0-9A-Za-z][A-Za-z0-9-_]*")
        }
        return (name, .map(fields))
    }

    /// Node group defaults for a cluster at `version`.
    static func nodeGroupDefaults(version: String) -> [String: WriteValue] {
        ["version": .leaf(.string(version)), "desiredSize": .leaf(.int(2)), "minSize": .leaf(.int(1)),
         "maxSize": .leaf(.int(3)), "labels": .map([:]), "tags": .map([:])]
    }
}
