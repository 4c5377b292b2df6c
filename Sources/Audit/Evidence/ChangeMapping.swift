import ClusterStateMachine

/// What EKS calls and Rancher edits change, in the scenario's field paths.
enum ChangeMapping {
    /// The fields an EKS write call sets, from its `requestParameters`; nil for a call the model
    /// does not know (recorded, but not replayed).
    static func changes(of r: CloudTrailRecord, current: SpecDocument) -> [ObservedChange]? {
        let p = r.request
        switch r.eventName {
        case "UpdateClusterConfig":
            var out: [ObservedChange] = []
            if let vpc = p["resourcesVpcConfig"] {
                if let b = vpc["endpointPublicAccess"]?.boolValue { out.append(.init(path: "publicAccess", value: .bool(b))) }
                if let b = vpc["endpointPrivateAccess"]?.boolValue { out.append(.init(path: "privateAccess", value: .bool(b))) }
                if let c = vpc["publicAccessCidrs"]?.stringArray { out.append(.init(path: "publicAccessSources", value: .strings(c))) }
            }
            if let entries = p["logging"]?["clusterLogging"]?.arrayValue {
                var types = Set(current.strings("loggingTypes") ?? [])
                for e in entries where e["enabled"]?.boolValue == false { types.subtract(e["types"]?.stringArray ?? []) }
                for e in entries where e["enabled"]?.boolValue == true { types.formUnion(e["types"]?.stringArray ?? []) }
                out.append(.init(path: "loggingTypes", value: .strings(types.sorted())))
            }
            return out.isEmpty ? nil : out
        case "UpdateClusterVersion":
            return p["version"]?.stringValue.map { [.init(path: "kubernetesVersion", value: .string($0))] }
        case "TagResource":
            guard r.nodegroupName == nil, let tags = p["tags"]?.stringMap else { return nil }
            return tags.keys.sorted().map { .init(path: FieldPath(unchecked: "tags.\($0)"), value: .string(tags[$0]!)) }
        case "UntagResource":
            guard r.nodegroupName == nil, let keys = p["tagKeys"]?.stringArray else { return nil }
            return keys.sorted().map { .init(path: FieldPath(unchecked: "tags.\($0)"), value: nil) }
        case "UpdateNodegroupConfig":
            guard let ng = r.nodegroupName else { return nil }
            var out: [ObservedChange] = []
            for key in ["desiredSize", "minSize", "maxSize"] {
                if let n = p["scalingConfig"]?[key]?.int64Value { out.append(.init(path: FieldPath(unchecked: "nodeGroups.\(ng).\(key)"), value: .int(Int(n)))) }
            }
            for (k, v) in p["labels"]?["addOrUpdateLabels"]?.stringMap?.sorted(by: { $0.key < $1.key }) ?? [] {
                out.append(.init(path: FieldPath(unchecked: "nodeGroups.\(ng).labels.\(k)"), value: .string(v)))
            }
            for k in p["labels"]?["removeLabels"]?.stringArray ?? [] {
                out.append(.init(path: FieldPath(unchecked: "nodeGroups.\(ng).labels.\(k)"), value: nil))
            }
            return out.isEmpty ? nil : out
        case "UpdateNodegroupVersion":
            guard let ng = r.nodegroupName, let v = p["version"]?.stringValue else { return nil }
            return [.init(path: FieldPath(unchecked: "nodeGroups.\(ng).version"), value: .string(v))]
        case "DeleteNodegroup":
            return r.nodegroupName.map { [.init(path: FieldPath(unchecked: "nodeGroups.\($0)"), value: nil)] }
        default:
            return nil
        }
    }

    /// The fields a Rancher edit changed: its body's `eksConfig` against the one before it (the
    /// previous edit's body, or Rancher's spec at the start), per tag, label and node group field.
    static func changes(edit: JSONValue, before: JSONValue) -> [ObservedChange] {
        var out: [ObservedChange] = []
        for field in FieldSchema.cluster where field.updatable {
            let key = field.name
            let new = edit[key] ?? .null, old = before[key] ?? .null
            guard new != old else { continue }
            switch field.kind {
            case .map where new == .null:
                out.append(.init(path: FieldPath(unchecked: key), value: nil))  // no longer managed
            case .map:
                out += mapDiff(FieldPath(unchecked: key), new: new.stringMap ?? [:], old: old.stringMap ?? [:])
            case .nodeGroups:
                out += nodeGroupDiff(new: new.arrayValue ?? [], old: old.arrayValue ?? [])
            default:
                if let v = fieldValue(new) { out.append(.init(path: FieldPath(unchecked: key), value: v)) }
                else if new == .null { out.append(.init(path: FieldPath(unchecked: key), value: nil)) }  // no longer managed
            }
        }
        return out
    }

    static func mapDiff(_ base: FieldPath, new: [String: String], old: [String: String]) -> [ObservedChange] {
        var out: [ObservedChange] = []
        for k in new.keys.sorted() where new[k] != old[k] { out.append(.init(path: base.appending(k), value: .string(new[k]!))) }
        for k in old.keys.sorted() where new[k] == nil { out.append(.init(path: base.appending(k), value: nil)) }
        return out
    }

    static func nodeGroupDiff(new: [JSONValue], old: [JSONValue]) -> [ObservedChange] {
        func byName(_ list: [JSONValue]) -> [String: JSONValue] {
            Dictionary(list.compactMap { g in g["nodegroupName"]?.stringValue.map { ($0, g) } }, uniquingKeysWith: { a, _ in a })
        }
        let n = byName(new), o = byName(old)
        var out: [ObservedChange] = []
        for name in o.keys.sorted() where n[name] == nil { out.append(.init(path: FieldPath(unchecked: "nodeGroups.\(name)"), value: nil)) }
        for name in n.keys.sorted() {
            guard let before = o[name], let after = n[name] else { continue }
            let base = FieldPath(unchecked: "nodeGroups.\(name)")
            for field in FieldSchema.nodeGroup where field.updatable && after[field.name] != before[field.name] {
                if field.kind == .map {
                    out += mapDiff(base.appending(field.name), new: after[field.name]?.stringMap ?? [:], old: before[field.name]?.stringMap ?? [:])
                } else if let v = fieldValue(after[field.name] ?? .null) {
                    out.append(.init(path: base.appending(field.name), value: v))
                }
            }
        }
        return out
    }

    static func fieldValue(_ json: JSONValue) -> FieldValue? {
        switch json {
        case .bool(let b): .bool(b)
        case .int(let i): .int(Int(i))
        case .string(let s): .string(s)
        case .array(let items): .strings(items.compactMap(\.stringValue))
        default: nil
        }
    }
}
