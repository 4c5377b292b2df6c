import ClusterStateMachine

/// Long values in text output: the first characters and the length, so a 100 KB tag value prints
/// as one short line. JSON output keeps every value whole.
public enum LongValue {
    /// Characters shown of a value longer than `limit`.
    public static let limit = 60

    /// Characters shown of a value inside a sentence (an explanation, which JSON carries too).
    public static let sentenceLimit = 200

    /// `text` itself, or its first `limit` characters, `…` and how long it is.
    public static func cut(_ text: String, limit: Int = limit) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(text.count) characters)"
    }

    /// `value` with every long string in it cut, so printing it costs what the short form costs.
    public static func shortened(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s): .string(cut(s))
        case .array(let items): .array(items.map(shortened))
        case .object(let pairs): .object(pairs.map { (cut($0.0), shortened($0.1)) })
        default: value
        }
    }
}
