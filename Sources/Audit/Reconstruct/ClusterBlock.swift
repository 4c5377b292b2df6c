import ClusterStateMachine

/// The scenario's `cluster:` block from DescribeCluster/DescribeNodegroup (the eks-operator's
/// `BuildUpstreamClusterState` rules, reference real-inputs §1a) or from Rancher's objects.
enum ClusterBlock {
    /// Fields in `FieldSchema.cluster` order; values as JSON (valid YAML flow).
    static func fromDescribe(_ c: JSONValue, nodegroups: [JSONValue]) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        func add(_ key: String, _ value: JSONValue?) { if let value, value != .null { out.append((key, value)) } }
        add("displayName", c["name"])
        add("region", c["arn"]?.stringValue.flatMap(EKSArn.region).map(JSONValue.string))
        add("ipFamily", c["kubernetesNetworkConfig"]?["ipFamily"])
        add("kubernetesVersion", c["version"])
        add("tags", c["tags"] ?? .object([]))
        let encryption = c["encryptionConfig"]?.arrayValue ?? []
        add("secretsEncryption", .bool(!encryption.isEmpty))
        add("kmsKey", encryption.first?["provider"]?["keyArn"])
        let vpc = c["resourcesVpcConfig"] ?? .null
        add("publicAccess", vpc["endpointPublicAccess"])
        add("privateAccess", vpc["endpointPrivateAccess"])
        add("publicAccessSources", vpc["publicAccessCidrs"])
        // Only clusterLogging[0] is read (BuildUpstreamClusterState).
        let first = c["logging"]?["clusterLogging"]?.arrayValue?.first
        add("loggingTypes", first?["enabled"]?.boolValue == true ? first?["types"] : .array([]))
        add("subnets", vpc["subnetIds"])
        add("securityGroups", vpc["securityGroupIds"])
        add("serviceRole", c["roleArn"])
        let groups: [JSONValue] = nodegroups.filter { $0["status"]?.stringValue != "DELETING" }.map { g in
            var pairs: [(String, JSONValue)] = [("nodegroupName", g["nodegroupName"] ?? .null)]
            func put(_ key: String, _ value: JSONValue?) { if let value, value != .null { pairs.append((key, value)) } }
            put("version", g["version"])
            put("desiredSize", g["scalingConfig"]?["desiredSize"])
            put("minSize", g["scalingConfig"]?["minSize"])
            put("maxSize", g["scalingConfig"]?["maxSize"])
            put("labels", g["labels"])
            put("tags", g["tags"])
            put("instanceType", g["instanceTypes"]?.arrayValue?.first)
            put("diskSize", g["diskSize"])
            put("nodeRole", g["nodeRole"])
            return .object(pairs)
        }
        if !groups.isEmpty { out.append(("nodeGroups", .array(groups))) }
        return out
    }

    /// From Rancher's spec or UpstreamSpec: the fields the model knows, nulls left out.
    static func fromRancher(_ spec: JSONValue) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        for field in FieldSchema.cluster {
            guard let value = spec[field.name], value != .null else { continue }
            if field.kind == .nodeGroups {
                let groups: [JSONValue] = (value.arrayValue ?? []).map { g in
                    .object((g.objectValue ?? []).filter { k, v in
                        v != .null && (k == "nodegroupName" || FieldSchema.nodeGroupField(k) != nil)
                    })
                }
                out.append((field.name, .array(groups)))
            } else {
                out.append((field.name, value))
            }
        }
        return out
    }

    /// `rancher.managed` from Rancher's spec: the nillable keys that are not null.
    static func managed(_ spec: JSONValue?) -> String {
        guard let spec else { return "all" }
        let nillable = FieldSchema.cluster.filter(\.nillable).map(\.name)
        let managed = nillable.filter { spec[$0] != nil && spec[$0] != .null }
        if managed.count == nillable.count { return "all" }
        if managed.isEmpty { return "none" }
        return "[" + managed.joined(separator: ", ") + "]"
    }
}
