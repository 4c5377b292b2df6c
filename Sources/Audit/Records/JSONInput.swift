import ClusterStateMachine
import Foundation

/// JSON text read into `JSONValue`, with errors that say where the text went wrong.
enum JSONInput {
    /// Parses one JSON document; `what` names it in errors.
    static func parse(_ data: Data, file: String, location: String = "") throws(AuditError) -> JSONValue {
        do {
            return try JSONDecoder().decode(Decoded.self, from: data).value
        } catch let error as DecodingError {
            throw AuditError(file: file, location: location, message: "not JSON: \(Self.reason(error))")
        } catch {
            throw AuditError(file: file, location: location, message: "not JSON: \(error)")
        }
    }

    /// The file's bytes, inflated when gzipped.
    static func read(_ path: String) throws(AuditError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AuditError(file: path, message: "cannot read the file")
        }
        guard Gzip.isGzip(data) else { return data }
        do { return try Gzip.inflate(data) } catch { throw AuditError(file: path, message: error.message) }
    }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let c):
            let underlying = (c.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? c.debugDescription
        default: return "\(error)"
        }
    }

    /// Decodes any JSON value; objects keep their keys sorted, so the same text gives the same value.
    private struct Decoded: Decodable {
        let value: JSONValue

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

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
