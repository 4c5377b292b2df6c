import ClusterStateMachine
import Simulator
import Foundation

/// JSON text read into `JSONValue`, with errors that say where the text went wrong.
enum JSONInput {
    /// Parses one JSON document; `what` names it in errors.
    static func parse(_ data: Data, file: String, location: String = "") throws(AuditError) -> JSONValue {
        do {
            return try JSONText.decode(data)
        } catch let error as DecodingError {
            throw AuditError(file: file, location: location, message: "not JSON: \(Self.reason(error, data: data))")
        } catch {
            throw AuditError(file: file, location: location, message: "not JSON: \(error)")
        }
    }

    /// The file's bytes, inflated when gzipped.
    static func read(_ path: String) throws(AuditError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AuditError(file: path, message: "cannot read the file: " + FileProblem.reason(path))
        }
        guard Gzip.isGzip(data) else { return data }
        do { return try Gzip.inflate(data) } catch { throw AuditError(file: path, message: error.message) }
    }

    private static func reason(_ error: DecodingError, data: Data) -> String {
        switch error {
        case .dataCorrupted(let c):
            if let underlying = (c.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String { return underlying }
            // Foundation on Linux gives JSONDecoder's syntax errors no position; JSONSerialization
            // names one ("Invalid value around character 15.").
            do { _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) } catch {
                if let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String { return text }
            }
            return c.debugDescription
        default: return "\(error)"
        }
    }
}
