import ClusterStateMachine
import Yams

/// What EKS can never hold (aws-eks-model §2, R6, R7): a cluster at offset 0 that breaks these
/// cannot exist, and a Rancher edit that breaks them is retried by the eks-operator forever. A
/// console call that breaks them is a legitimate scenario: AWS refuses it and the report says so.
struct AWSLimits {
    let reader: YAMLReader

    static let maximumTags = 50
    static let tagKeyLength = 1...128
    static let maximumTagValueLength = 256

    /// A tag map: at most 50 entries, keys of 1 to 128 characters, values up to 256 (R6).
    func checkTags(_ pairs: [(key: String, keyNode: Node, value: Node)], what: String, node: Node) throws(ScenarioError) {
        if pairs.count > Self.maximumTags {
            throw reader.error(pairs[Self.maximumTags].keyNode,
                               "\(what): \(pairs.count) tags; AWS holds at most \(Self.maximumTags) per resource")
        }
        for (key, keyNode, value) in pairs {
            try checkTag(key: key, keyNode: keyNode, value: value, what: what)
        }
    }

    /// One tag: key length 1...128, value length ≤ 256.
    func checkTag(key: String, keyNode: Node, value: Node, what: String) throws(ScenarioError) {
        guard Self.tagKeyLength.contains(key.count) else {
            throw reader.error(keyNode, "\(what): tag key of \(key.count) characters; AWS takes keys of 1 to 128")
        }
        if case .scalar(let s) = value, s.string.count > Self.maximumTagValueLength {
            throw reader.error(value, "\(what).\(key): tag value of \(s.string.count) characters; AWS takes at most \(Self.maximumTagValueLength)")
        }
    }

    /// `kubernetesVersion` and node group `version`: `major.minor` as EKS names them ("1.29").
    func checkVersion(_ text: String, node: Node, what: String) throws(ScenarioError) {
        guard KubernetesVersion(text) != nil else {
            throw reader.error(node, "\(what): \"\(text)\" is not a Kubernetes version EKS knows; expected major.minor like \"1.29\"")
        }
    }

    /// The cluster's name (`displayName`, the EKS name): 1 to 100 characters of
    /// `[0-9A-Za-z][A-Za-z0-9-_]*` (aws-eks-model CreateCluster).
    func checkClusterName(_ name: String, node: Node, what: String) throws(ScenarioError) {
        let allowed = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") }
        guard (1...100).contains(name.count), name.allSatisfy(allowed), name.first.map({ $0.isLetter || $0.isNumber }) == true else {
            throw reader.error(node, "\(what): \"\(name)\" is not a name EKS takes: 1 to 100 characters, letters, digits, - and _, starting with a letter or digit")
        }
    }

    /// A node group's scaling as AWS holds it: maxSize ≥ 1 and minSize ≤ desiredSize ≤ maxSize.
    func checkScaling(_ group: [String: WriteValue], name: String, node: Node, what: String) throws(ScenarioError) {
        func int(_ key: String) -> Int? { if case .leaf(.int(let n))? = group[key] { n } else { nil } }
        let (minSize, maxSize, desired) = (int("minSize"), int("maxSize"), int("desiredSize"))
        if let maxSize, maxSize < 1 {
            throw reader.error(node, "\(what): node group \(name) has maxSize \(maxSize); AWS needs maxSize ≥ 1")
        }
        if let minSize, let desired, minSize > desired {
            throw reader.error(node, "\(what): node group \(name) has minSize \(minSize) above desiredSize \(desired); AWS holds minSize ≤ desiredSize ≤ maxSize")
        }
        if let maxSize, let desired, desired > maxSize {
            throw reader.error(node, "\(what): node group \(name) has desiredSize \(desired) above maxSize \(maxSize); AWS holds minSize ≤ desiredSize ≤ maxSize")
        }
        if let minSize, let maxSize, minSize > maxSize {
            throw reader.error(node, "\(what): node group \(name) has minSize \(minSize) above maxSize \(maxSize); AWS holds minSize ≤ desiredSize ≤ maxSize")
        }
    }
}
