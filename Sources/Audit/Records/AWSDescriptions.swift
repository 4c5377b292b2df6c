import ClusterStateMachine
import Foundation

/// DescribeCluster, DescribeNodegroup, ListUpdates and DescribeUpdate outputs (awscli v1 and v2).
public struct AWSDescriptions: Sendable {
    /// `cluster` of a DescribeCluster output.
    public var cluster: JSONValue?
    public var clusterFile: String?
    /// `nodegroup` of each DescribeNodegroup output.
    public var nodegroups: [JSONValue] = []
    /// DescribeUpdate outputs by update id.
    public var updates: [String: DescribedUpdate] = [:]
    /// ListUpdates ids.
    public var listedUpdateIDs: [String] = []

    public init() {}

    /// Reads each file; each must be one of the four outputs.
    public static func read(describeCluster: String?, nodegroups: [String], updates: [String]) throws(AuditError) -> AWSDescriptions {
        var result = AWSDescriptions()
        if let path = describeCluster {
            let root = try JSONInput.parse(try JSONInput.read(path), file: path)
            guard let cluster = root["cluster"], cluster["name"]?.stringValue != nil else {
                throw AuditError(file: path, message: "expected DescribeCluster output {\"cluster\": {\"name\": ...}}")
            }
            result.cluster = cluster
            result.clusterFile = path
        }
        for path in nodegroups {
            let root = try JSONInput.parse(try JSONInput.read(path), file: path)
            guard let group = root["nodegroup"], group["nodegroupName"]?.stringValue != nil else {
                throw AuditError(file: path, message: "expected DescribeNodegroup output {\"nodegroup\": {\"nodegroupName\": ...}}")
            }
            result.nodegroups.append(group)
        }
        for path in updates {
            let root = try JSONInput.parse(try JSONInput.read(path), file: path)
            if let ids = root["updateIds"]?.stringArray {
                result.listedUpdateIDs += ids
            } else if let update = root["update"], let id = update["id"]?.stringValue,
                      let status = update["status"]?.stringValue, let type = update["type"]?.stringValue {
                guard let created = Timestamp.milliseconds(update["createdAt"]) else {
                    throw AuditError(file: path, location: "update.createdAt", message: "expected an ISO 8601 time or epoch seconds")
                }
                result.updates[id] = DescribedUpdate(id: id, status: status, type: type, createdAt: created,
                                                     errors: update["errors"]?.arrayValue?.compactMap { $0["errorCode"]?.stringValue } ?? [])
            } else {
                throw AuditError(file: path, message: "expected ListUpdates {\"updateIds\": [...]} or DescribeUpdate {\"update\": {\"id\", \"status\", \"type\", ...}} output")
            }
        }
        return result
    }
}

/// One update as DescribeUpdate shows it (no completion time: the Update shape has none).
public struct DescribedUpdate: Hashable, Sendable {
    public var id: String
    public var status: String
    public var type: String
    public var createdAt: Int64
    public var errors: [String]
}
