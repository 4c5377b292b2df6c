import ClusterStateMachine
import Foundation

/// Reads Rancher API audit logs: one JSON object per line (the log file or the `rancher-audit-log`
/// sidecar's output), or one pretty-printed record per file as the docs show them.
public enum RancherAuditReader {
    public struct Result: Sendable {
        public var edits: [RancherEdit] = []
        /// Records that are not an EKS cluster edit with a body (reads, other resources, level 0/1).
        public var skipped = 0
        /// Cluster edits without a request body: the log's level is below 2, so what changed is unknown.
        public var withoutBody = 0
    }

    /// Reads Rancher API audit log lines from files, skipping what is not about EKS clusters.
    public static func read(paths: [String]) throws(AuditError) -> Result {
        var result = Result()
        for path in paths {
            let data = try JSONInput.read(path)
            let text = String(decoding: data, as: UTF8.self)
            // A whole-file object (the docs' samples) or JSON lines.
            if let whole = try? JSONInput.parse(data, file: path), whole.objectValue != nil {
                try add(whole, file: path, line: 1, into: &result)
                continue
            }
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { continue }
                let record = try JSONInput.parse(Data(trimmed.utf8), file: path, location: "line \(i + 1)")
                try add(record, file: path, line: i + 1, into: &result)
            }
        }
        return result
    }

    static func add(_ json: JSONValue, file: String, line: Int, into result: inout Result) throws(AuditError) {
        func fail(_ message: String) -> AuditError { AuditError(file: file, location: "line \(line)", message: message) }
        guard json.objectValue != nil else { throw fail("expected an audit record object") }
        guard let uri = json["requestURI"]?.stringValue, let method = json["method"]?.stringValue else {
            throw fail("expected requestURI and method (a Rancher API audit record)")
        }
        let isClusterWrite = ["PUT", "POST"].contains(method)
            && (uri.hasPrefix("/v3/clusters/") || uri.hasPrefix("/v1/management.cattle.io.clusters/"))
        let code = json["responseCode"]?.int64Value ?? 0
        guard isClusterWrite, (200..<300).contains(code) else { result.skipped += 1; return }
        guard var body = json["requestBody"] else { result.withoutBody += 1; return }
        // Some releases log the body as the request's raw JSON text.
        if case .string(let text) = body {
            body = try JSONInput.parse(Data(text.utf8), file: file, location: "line \(line): requestBody")
        }
        guard let eks = body["eksConfig"] ?? body["spec"]?["eksConfig"], eks.objectValue != nil else { result.skipped += 1; return }
        guard let stamp = json["requestTimestamp"]?.stringValue, let at = Timestamp.milliseconds(.string(stamp)) else {
            throw fail("expected requestTimestamp as an RFC 3339 time")
        }
        let user = json["user"]?["extra"]?["username"]?.stringArray?.first ?? json["user"]?["name"]?.stringValue ?? "unknown"
        result.edits.append(RancherEdit(file: file, line: line, at: at, user: user, requestURI: uri,
                                        eksConfig: Redaction.clean(eks)))
    }
}
