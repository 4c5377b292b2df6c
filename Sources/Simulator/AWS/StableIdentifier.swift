/// Identifiers the model derives from state instead of drawing them from the seeded generator:
/// a node group ARN's trailing UUID and the id of a hidden platform update. Deriving them keeps the
/// model free of state of its own: the same folded state always names the same ids.
enum StableIdentifier {
    /// A UUID-shaped string (8-4-4-4-12 lowercase hex) from two FNV-1a 64-bit hashes of `text`.
    static func uuid(_ text: String) -> String {
        // The 32 hex digits of the two hashes (each zero-padded to 16), grouped 8-4-4-4-12. Written
        // digit by digit: every refresh of a fleet names its node groups' ARNs.
        let hashes = (fnv1a(text, basis: 0xcbf2_9ce4_8422_2325), fnv1a(text, basis: 0x8422_2325_cbf2_9ce4))
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        for digit in 0..<32 {
            if digit == 8 || digit == 12 || digit == 16 || digit == 20 { bytes.append(UInt8(ascii: "-")) }
            let hash = digit < 16 ? hashes.0 : hashes.1
            let nibble = Int((hash >> UInt64(60 - 4 * (digit % 16))) & 0xF)
            bytes.append(hexDigits[nibble])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func fnv1a(_ text: String, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
