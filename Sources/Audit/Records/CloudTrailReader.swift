import ClusterStateMachine
import Foundation

/// Reads CloudTrail: trail files (`{"Records": [...]}`, gzipped or not), `aws cloudtrail
/// lookup-events` output (`{"Events": [{"CloudTrailEvent": "<record as a JSON string>"}]}`), a single
/// record, or a directory of any of them (every `.json` and `.json.gz` file under it, in path order,
/// digest and Insights files left out).
public enum CloudTrailReader {
    /// What was read: EKS records, and how many records of other services were skipped.
    public struct Result: Sendable {
        public var records: [CloudTrailRecord] = []
        /// Skipped records by event source (`iam.amazonaws.com`: 3).
        public var skipped: [String: Int] = [:]
    }

    /// Reads trail files (gzipped or not) and lookup-events output from files or folders.
    public static func read(paths: [String]) throws(AuditError) -> Result {
        var result = Result()
        for path in try expand(paths) { try read(file: path, into: &result) }
        return result
    }

    /// Files named directly, and the trail files under directories.
    static func expand(_ paths: [String]) throws(AuditError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw AuditError(file: path, message: "no such file or directory")
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            // A synced trail bucket also holds digest and Insights files (`CloudTrail-Digest/`,
            // `CloudTrail-Insight/`): they are not API call records.
            let found = (FileManager.default.subpaths(atPath: path) ?? [])
                .filter { ($0.hasSuffix(".json") || $0.hasSuffix(".json.gz")) && !$0.contains("CloudTrail-Digest") && !$0.contains("CloudTrail-Insight") }
                .sorted()
            guard !found.isEmpty else { throw AuditError(file: path, message: "the directory holds no .json or .json.gz file") }
            files += found.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    static func read(file: String, into result: inout Result) throws(AuditError) {
        let root = try JSONInput.parse(try JSONInput.read(file), file: file)
        if let records = root["Records"] {
            guard let list = records.arrayValue else { throw AuditError(file: file, location: "Records", message: "expected an array of records") }
            for (i, record) in list.enumerated() { try add(record, file: file, location: "Records[\(i)]", into: &result) }
        } else if let events = root["Events"] {
            guard let list = events.arrayValue else { throw AuditError(file: file, location: "Events", message: "expected an array of events") }
            for (i, event) in list.enumerated() {
                let location = "Events[\(i)].CloudTrailEvent"
                guard let text = event["CloudTrailEvent"]?.stringValue else {
                    throw AuditError(file: file, location: location, message: "expected the record as a JSON string (lookup-events output)")
                }
                let record = try JSONInput.parse(Data(text.utf8), file: file, location: location)
                try add(record, file: file, location: location, into: &result)
            }
        } else if root["eventSource"] != nil {
            try add(root, file: file, location: "record 0", into: &result)
        } else {
            throw AuditError(file: file, message: "expected a CloudTrail trail file {\"Records\": [...]}, lookup-events output {\"Events\": [...]}, or one record")
        }
    }

    static func add(_ json: JSONValue, file: String, location: String, into result: inout Result) throws(AuditError) {
        func fail(_ message: String) -> AuditError { AuditError(file: file, location: location, message: message) }
        guard json.objectValue != nil else { throw fail("expected a record object") }
        guard let source = json["eventSource"]?.stringValue else { throw fail("expected eventSource") }
        guard source == "eks.amazonaws.com" else {
            result.skipped[source, default: 0] += 1
            return
        }
        guard let name = json["eventName"]?.stringValue else { throw fail("expected eventName") }
        guard let timeText = json["eventTime"]?.stringValue, let time = Timestamp.milliseconds(.string(timeText)) else {
            throw fail("expected eventTime as an RFC 3339 time (\"2025-01-01T14:02:11Z\")")
        }
        let identity = json["userIdentity"] ?? .null
        let request = Redaction.clean(PercentDecoding.decode(json["requestParameters"] ?? .null))
        let response = Redaction.clean(json["responseElements"] ?? .null)
        let cluster = request["name"]?.stringValue ?? request["clusterName"]?.stringValue
            ?? request["resourceArn"]?.stringValue.flatMap(EKSArn.clusterName)
            ?? response["cluster"]?["name"]?.stringValue ?? response["cluster"]?["clusterName"]?.stringValue
        let nodegroup = request["nodegroupName"]?.stringValue
            ?? request["resourceArn"]?.stringValue.flatMap(EKSArn.nodegroupName)
        result.records.append(CloudTrailRecord(
            file: file, location: location, order: result.records.count, eventTime: time, eventName: name,
            eventID: json["eventID"]?.stringValue ?? "",
            principal: identity["arn"]?.stringValue ?? identity["invokedBy"]?.stringValue ?? "unknown",
            roleArn: identity["type"]?.stringValue == "AssumedRole" ? identity["sessionContext"]?["sessionIssuer"]?["arn"]?.stringValue : nil,
            identityType: identity["type"]?.stringValue ?? "unknown",
            userAgent: json["userAgent"]?.stringValue ?? "",
            fromConsole: json["sessionCredentialFromConsole"]?.boolValue ?? false,
            invokedBy: identity["invokedBy"]?.stringValue,
            clusterName: cluster, nodegroupName: nodegroup, request: request, response: response,
            errorCode: json["errorCode"]?.stringValue, errorMessage: json["errorMessage"]?.stringValue))
    }
}
