import ClusterStateMachine
import Foundation

/// Reads CloudTrail: trail files (`{"Records": [...]}`, gzipped or not), `aws cloudtrail
/// lookup-events` output (`{"Events": [{"CloudTrailEvent": "<record as a JSON string>"}]}`), a single
/// record, or a directory of any of them (every `.json` and `.json.gz` file under it, in path order).
public enum CloudTrailReader {
    /// What was read: EKS records, and how many records of other services were skipped.
    public struct Result: Sendable {
        public var records: [CloudTrailRecord] = []
        /// Skipped records by event source (`iam.amazonaws.com`: 3).
        public var skipped: [String: Int] = [:]
    }

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
            let found = (FileManager.default.subpaths(atPath: path) ?? [])
                .filter { $0.hasSuffix(".json") || $0.hasSuffix(".json.gz") }.sorted()
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

/// EKS ARNs: `arn:aws:eks:REGION:ACCOUNT:cluster/NAME`, `.../nodegroup/CLUSTER/NAME/ID`.
enum EKSArn {
    static func clusterName(_ arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5).last?.split(separator: "/") ?? []
        guard parts.count >= 2, ["cluster", "nodegroup"].contains(parts[0]) else { return nil }
        return String(parts[1])
    }

    static func nodegroupName(_ arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5).last?.split(separator: "/") ?? []
        guard parts.count >= 3, parts[0] == "nodegroup" else { return nil }
        return String(parts[2])
    }

    static func region(_ arn: String) -> String? {
        let parts = arn.split(separator: ":")
        return parts.count > 3 && parts[2] == "eks" ? String(parts[3]) : nil
    }
}

/// Later-era EKS records keep URI labels percent-encoded (`arn%3Aaws%3Aeks%3A...`).
enum PercentDecoding {
    static func decode(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s) where s.contains("%"): .string(s.removingPercentEncoding ?? s)
        case .array(let items): .array(items.map(decode))
        case .object(let pairs): .object(pairs.map { ($0.0, decode($0.1)) })
        default: value
        }
    }
}

/// Nothing that could be a credential is kept: keys that name one are replaced by "[redacted]", and
/// so is any string that looks like an AWS access key id.
enum Redaction {
    static let marker = "[redacted]"
    private static let secretWords = ["password", "secret", "token", "accesskey", "credential", "privatekey", "kubeconfig"]

    static func isSecretKey(_ key: String) -> Bool {
        let k = key.lowercased()
        return secretWords.contains { k.contains($0) }
    }

    static func looksLikeAccessKey(_ s: String) -> Bool {
        let chars = Array(s.utf8)
        guard chars.count == 20, s.hasPrefix("AKIA") || s.hasPrefix("ASIA") else { return false }
        return chars.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }
    }

    static func clean(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s) where looksLikeAccessKey(s): .string(marker)
        case .array(let items): .array(items.map(clean))
        case .object(let pairs): .object(pairs.map { isSecretKey($0.0) ? ($0.0, .string(marker)) : ($0.0, clean($0.1)) })
        default: value
        }
    }
}
