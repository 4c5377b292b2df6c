/// Identifiers the model derives from state instead of drawing them from the seeded generator:
/// a node group ARN's trailing UUID and the id of a hidden platform update. Deriving them keeps the
/// model free of state of its own: the same folded state always names the same ids.
enum StableIdentifier {
    /// A UUID-shaped string (8-4-4-4-12 lowercase hex) from two FNV-1a 64-bit hashes of `text`.
    static func uuid(_ text: String) -> String {
        let hex = String(format64(fnv1a(text, basis: 0xcbf2_9ce4_8422_2325)) + format64(fnv1a(text, basis: 0x8422_2325_cbf2_9ce4)))
        let c = Array(hex)
        return [c[0..<8], c[8..<12], c[12..<16], c[16..<20], c[20..<32]].map { String($0) }.joined(separator: "-")
    }

    private static func fnv1a(_ text: String, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func format64(_ value: UInt64) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
