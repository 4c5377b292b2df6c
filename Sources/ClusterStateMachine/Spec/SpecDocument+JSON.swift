extension SpecDocument {
    /// The document by spec JSON name: maps as objects, node groups as a list of objects with
    /// `nodegroupName`. With `nullForMissing`, every nillable top-level field appears, nil as `null`
    /// (how `Spec.EKSConfig` reads in `kubectl get -o yaml`).
    public func json(nullForMissing: Bool = false) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        for field in FieldSchema.cluster {
            let path = FieldPath(unchecked: field.name)
            guard let value = value(at: path) else {
                if nullForMissing && field.nillable { pairs.append((field.name, .null)) }
                continue
            }
            switch field.kind {
            case .map:
                pairs.append((field.name, mapJSON(path)))
            case .nodeGroups:
                let groups = (nodeGroupNames ?? []).map { nodeGroupJSON($0) }
                pairs.append((field.name, .array(groups)))
            default:
                pairs.append((field.name, value.json))
            }
        }
        return .object(pairs)
    }

    /// One node group as an object with `nodegroupName` first.
    public func nodeGroupJSON(_ name: String) -> JSONValue {
        let base = FieldPath(unchecked: "nodeGroups.\(name)")
        var pairs: [(String, JSONValue)] = [("nodegroupName", .string(name))]
        for field in FieldSchema.nodeGroup {
            let path = base.appending(field.name)
            guard let value = value(at: path) else { continue }
            pairs.append((field.name, field.kind == .map ? mapJSON(path) : value.json))
        }
        return .object(pairs)
    }

    private func mapJSON(_ path: FieldPath) -> JSONValue {
        .object((map(path) ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
    }

    /// The value at `path` as JSON, the way `final` and `state` print it: maps as objects, a node
    /// group as its object; nil when absent.
    public func json(at path: FieldPath) -> JSONValue? {
        guard let value = value(at: path) else { return nil }
        if path.raw == "nodeGroups" { return .array((nodeGroupNames ?? []).map { nodeGroupJSON($0) }) }
        if value == .container {
            if path.topLevel == "nodeGroups", let name = path.nodeGroupName, path.raw == "nodeGroups.\(name)" {
                return nodeGroupJSON(name)
            }
            return mapJSON(path)
        }
        return value.json
    }
}
