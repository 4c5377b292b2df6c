import ClusterStateMachine

/// Nothing that could be a credential is kept: the value of a key that names one (unless it is a
/// flag, a number or null: `secretsEncryption: true` is no secret) is replaced by "[redacted]", and so
/// is any string that looks like an AWS access key id.
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
        case .object(let pairs): .object(pairs.map { key, v in
            switch v {
            case .bool, .int, .double, .null: (key, v)
            default: isSecretKey(key) ? (key, .string(marker)) : (key, clean(v))
            }
        })
        default: value
        }
    }
}
