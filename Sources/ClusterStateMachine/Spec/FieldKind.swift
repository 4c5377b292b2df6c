/// The shape of a field of `EKSClusterConfigSpec` or of a `NodeGroup`.
public enum FieldKind: Sendable, Hashable {
    case bool
    case int
    case string
    case strings
    /// A `map[string]string` (tags, labels): the key's container plus one child path per entry.
    case map
    /// The `nodeGroups` list, keyed by `nodegroupName`.
    case nodeGroups
}

/// One known field: its JSON name, shape, and whether Rancher can change it after creation.
public struct FieldSpec: Sendable, Hashable {
    public let name: String
    public let kind: FieldKind
    /// False for `displayName`, `region`, `amazonCredentialSecret`, `imported`: never nil, never synced.
    public let nillable: Bool
    /// False for fields the eks-operator has no update path for (reference §1.1 and §1.2).
    public let updatable: Bool

    public init(_ name: String, _ kind: FieldKind, nillable: Bool = true, updatable: Bool = true) {
        self.name = name
        self.kind = kind
        self.nillable = nillable
        self.updatable = updatable
    }
}

/// The fields of `EKSClusterConfigSpec` and `NodeGroup` (eks.cattle.io/v1), by JSON name.
public enum FieldSchema {
    /// Top-level fields of `EKSClusterConfigSpec`, in the order of the Go struct.
    public static let cluster: [FieldSpec] = [
        FieldSpec("amazonCredentialSecret", .string, nillable: false, updatable: false),
        FieldSpec("displayName", .string, nillable: false, updatable: false),
        FieldSpec("region", .string, nillable: false, updatable: false),
        FieldSpec("ipFamily", .string, updatable: false),
        FieldSpec("imported", .bool, nillable: false, updatable: false),
        FieldSpec("kubernetesVersion", .string),
        FieldSpec("tags", .map),
        FieldSpec("secretsEncryption", .bool, updatable: false),
        FieldSpec("kmsKey", .string, updatable: false),
        FieldSpec("publicAccess", .bool),
        FieldSpec("privateAccess", .bool),
        FieldSpec("ebsCSIDriver", .bool, updatable: false),
        FieldSpec("publicAccessSources", .strings),
        FieldSpec("loggingTypes", .strings),
        FieldSpec("subnets", .strings, updatable: false),
        FieldSpec("securityGroups", .strings, updatable: false),
        FieldSpec("serviceRole", .string, updatable: false),
        FieldSpec("nodeGroups", .nodeGroups),
    ]

    /// Fields of a `NodeGroup` other than `nodegroupName`, its key.
    public static let nodeGroup: [FieldSpec] = [
        FieldSpec("version", .string),
        FieldSpec("desiredSize", .int),
        FieldSpec("minSize", .int),
        FieldSpec("maxSize", .int),
        FieldSpec("labels", .map),
        FieldSpec("tags", .map),
        FieldSpec("instanceType", .string, updatable: false),
        FieldSpec("diskSize", .int, updatable: false),
        FieldSpec("imageId", .string, updatable: false),
        FieldSpec("ec2SshKey", .string, updatable: false),
        FieldSpec("userData", .string, updatable: false),
        FieldSpec("nodeRole", .string, updatable: false),
        FieldSpec("subnets", .strings, updatable: false),
        FieldSpec("gpu", .bool, updatable: false),
        FieldSpec("arm", .bool, updatable: false),
        FieldSpec("requestSpotInstances", .bool, updatable: false),
        FieldSpec("spotInstanceTypes", .strings, updatable: false),
        FieldSpec("resourceTags", .map, updatable: false),
    ]

    private static let clusterByName = Dictionary(uniqueKeysWithValues: cluster.map { ($0.name, $0) })
    private static let nodeGroupByName = Dictionary(uniqueKeysWithValues: nodeGroup.map { ($0.name, $0) })

    /// The top-level field named `name`, if it exists.
    public static func clusterField(_ name: String) -> FieldSpec? { clusterByName[name] }
    /// The node group field named `name`, if it exists.
    public static func nodeGroupField(_ name: String) -> FieldSpec? { nodeGroupByName[name] }
}
