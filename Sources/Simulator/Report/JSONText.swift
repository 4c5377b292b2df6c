import ClusterStateMachine
import Foundation

/// Stored JSON payloads as `JSONValue`, object keys sorted.
public enum JSONText {
    public static func parse(_ data: Data) -> JSONValue {
        (try? decode(data)) ?? .string(String(decoding: data, as: UTF8.self))
    }

    /// Decodes any JSON document, object keys sorted (the same text gives the same value); throws
    /// `JSONDecoder`'s error when the text is not JSON.
    public static func decode(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(Decoded.self, from: data).value
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private struct Decoded: Decodable {
        let value: JSONValue

        init(from decoder: Decoder) throws {
            if let object = try? decoder.container(keyedBy: Key.self) {
                var pairs: [(String, JSONValue)] = []
                for key in object.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                    pairs.append((key.stringValue, try object.decode(Decoded.self, forKey: key).value))
                }
                value = .object(pairs)
            } else if var array = try? decoder.unkeyedContainer() {
                var items: [JSONValue] = []
                while !array.isAtEnd { items.append(try array.decode(Decoded.self).value) }
                value = .array(items)
            } else {
                let single = try decoder.singleValueContainer()
                if single.decodeNil() { value = .null }
                else if let b = try? single.decode(Bool.self) { value = .bool(b) }
                else if let i = try? single.decode(Int64.self) { value = .int(i) }
                else if let d = try? single.decode(Double.self) { value = .double(d) }
                else { value = .string(try single.decode(String.self)) }
            }
        }
    }
}
