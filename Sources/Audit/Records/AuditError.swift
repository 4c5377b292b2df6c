/// Bad audit input: which file, which record or line, and what was expected (exit 2, nothing written).
public struct AuditError: Error, Hashable, CustomStringConvertible {
    public var file: String
    /// `record 3`, `line 12`, `Events[2].CloudTrailEvent`; empty when the whole file is wrong.
    public var location: String
    public var message: String

    public init(file: String, location: String = "", message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        if file.isEmpty { return message }
        return location.isEmpty ? "\(file): \(message)" : "\(file): \(location): \(message)"
    }
}
