/// Long values in text output: the first characters and the length, so a 100 KB tag value prints
/// as one short line. JSON output keeps every value whole.
public enum LongValue {
    /// Characters shown of a value longer than `limit`.
    public static let limit = 60

    /// `text` itself, or its first `limit` characters, `…` and how long it is.
    public static func cut(_ text: String) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(text.count) characters)"
    }
}
