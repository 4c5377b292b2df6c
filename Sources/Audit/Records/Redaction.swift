import ClusterStateMachine

/// Nothing that could be a credential is kept: keys that name one are replaced by "[redacted]", and
/// so is any string that looks like an AWS access key id.
enum Redaction {
    static let marker = "[redacted]"
    private static let secretWords = ["password", "secret", "token", "accesskey", "credential", "privatekey", "kubeconfig"]

    static func isSecretKey(_ key: String) -> Bool {
        let k = key.lowercased()
        return secretWords.contains { k.contains($0) }
    }

    static func looksLikeAccessKey(_ s: String) -> Bool {
        let chars = Array(s.utf8)
        guard chars.count == 20, s.hasPrefix("AKIA") || s.hasPrefix("ASIA") else { return false }
        return chars.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }
    }

    static func clean(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s) where looksLikeAccessKey(s): .string(marker)
        case .array(let items): .array(items.map(clean))
        case .object(let pairs): .object(pairs.map { isSecretKey($0.0) ? ($0.0, .string(marker)) : ($0.0, clean($0.1)) })
        default: value
        }
    }
}
