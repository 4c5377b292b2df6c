/// A JSON writer for event payloads that produces exactly the bytes Foundation's `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` produces for the same value, without its boxing.
///
/// What it matches, byte for byte: object keys sorted by their UTF-8 bytes; strings escaped as
/// `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t` and `\u00xx` (lowercase hex) for the other control
/// characters, everything else (slashes, non-ASCII) as is; integers in decimal; doubles as Swift's
/// `description` without a trailing `.0`; nil optionals left out; enums with associated values as
/// `{"case":{"label":…}}` (`_0` for an unlabelled value). `ClusterEventEncodingTests` checks every
/// event case against `JSONEncoder`.
public struct EventJSON {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// Empties the buffer, keeping its storage.
    public mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    /// A value JSON cannot hold (a non-finite double), as `JSONEncoder` refuses it.
    public struct InvalidValue: Error, CustomStringConvertible {
        public var description: String
    }

    // MARK: Scalars

    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            for i in 0..<utf8.count {
                let byte = utf8[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                start = i + 1
                escape(byte)
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }

    mutating func int<I: BinaryInteger>(_ value: I) {
        let v = Int64(value)
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(m % 10))
            m /= 10
        } while m > 0
        bytes[start...].reverse()
    }

    mutating func double(_ value: Double) throws(InvalidValue) {
        guard value.isFinite else { throw InvalidValue(description: "\(value) is not a number JSON can hold") }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func bool(_ value: Bool) { bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes) }

    mutating func null() { bytes.append(contentsOf: Self.nullBytes) }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)

    // MARK: Structure

    mutating func raw(_ ascii: StaticString) {
        ascii.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `{`; then `key(_:first:)` before each value, in sorted order; then `close()`.
    mutating func open() { bytes.append(UInt8(ascii: "{")) }
    mutating func close() { bytes.append(UInt8(ascii: "}")) }

    /// A fixed key, already sorted by the caller: `"key":`, with a comma unless it is the first.
    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// An array of `items`, each written by `element`.
    mutating func array<S: Sequence, E: Error>(_ items: S, _ element: (inout EventJSON, S.Element) throws(E) -> Void) throws(E) {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            try element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// An object from a dictionary, keys sorted by their UTF-8 bytes (as `JSONEncoder.sortedKeys`).
    mutating func object<V, E: Error>(_ dictionary: [String: V], _ value: (inout EventJSON, V) throws(E) -> Void) throws(E) {
        bytes.append(UInt8(ascii: "{"))
        if dictionary.count == 1, let (key, v) = dictionary.first {
            string(key)
            bytes.append(UInt8(ascii: ":"))
            try value(&self, v)
        } else if !dictionary.isEmpty {
            var first = true
            for (key, v) in dictionary.sorted(by: { Self.utf8Precedes($0.key, $1.key) }) {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                string(key)
                bytes.append(UInt8(ascii: ":"))
                try value(&self, v)
            }
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Byte order of the UTF-8 forms (what `JSONEncoder.sortedKeys` sorts by; `String <` compares
    /// canonical forms instead).
    static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                for i in 0..<min(x.count, y.count) where x[i] != y[i] { return x[i] < y[i] }
                return x.count < y.count
            }
        }
    }
}
