import ClusterStateMachine
import Foundation
import Yams

/// Rancher's own objects for the cluster, as `kubectl get ... -o yaml` (or `-o json`) shows them:
/// the management `Cluster` (spec.eksConfig, status.appliedSpec.eksConfig,
/// status.eksStatus.upstreamSpec, the `ke-last-refresh` annotation) or the `EKSClusterConfig`
/// (spec, status.phase).
public struct RancherObject: Sendable {
    public var file: String
    public var kind: String
    /// `Spec.EKSConfig` (or the EKSClusterConfig's spec): non-null keys are managed.
    public var spec: JSONValue?
    public var appliedSpec: JSONValue?
    public var upstreamSpec: JSONValue?
    /// `clusters.management.cattle.io/ke-last-refresh`, Unix seconds.
    public var lastRefresh: Int64?
    public var phase: String?

    public static let lastRefreshAnnotation = "clusters.management.cattle.io/ke-last-refresh"

    /// Reads `kubectl get … -o yaml` objects (one per file, or a List), credentials redacted.
    public static func read(paths: [String]) throws(AuditError) -> [RancherObject] {
        var objects: [RancherObject] = []
        for path in paths {
            let data = try JSONInput.read(path)
            let root: JSONValue
            do {
                guard let loaded = try Yams.load(yaml: String(decoding: data, as: UTF8.self)) else {
                    throw AuditError(file: path, message: "the file is empty; expected a Rancher Cluster or EKSClusterConfig object")
                }
                root = Redaction.clean(Self.json(loaded))
            } catch let error as AuditError {
                throw error
            } catch let error as YamlError {
                throw AuditError(file: path, message: "not YAML or JSON: \(error)")
            } catch {
                throw AuditError(file: path, message: "not YAML or JSON: \(error)")
            }
            // `kubectl get ... -o yaml` of several objects is a List.
            let items = root["kind"]?.stringValue == "List" ? (root["items"]?.arrayValue ?? []) : [root]
            for (i, item) in items.enumerated() {
                let where_ = items.count > 1 ? "items[\(i)]" : ""
                guard let kind = item["kind"]?.stringValue else {
                    throw AuditError(file: path, location: where_, message: "expected a Kubernetes object with kind Cluster or EKSClusterConfig")
                }
                let annotations = item["metadata"]?["annotations"]
                let refresh = annotations?[lastRefreshAnnotation]?.stringValue.flatMap { Int64($0) }
                    ?? annotations?[lastRefreshAnnotation]?.int64Value
                switch kind {
                case "Cluster":
                    guard let spec = item["spec"]?["eksConfig"], spec.objectValue != nil else {
                        throw AuditError(file: path, location: where_, message: "a Cluster without spec.eksConfig: not an EKS cluster")
                    }
                    objects.append(RancherObject(file: path, kind: kind, spec: spec,
                                                 appliedSpec: item["status"]?["appliedSpec"]?["eksConfig"],
                                                 upstreamSpec: item["status"]?["eksStatus"]?["upstreamSpec"],
                                                 lastRefresh: refresh, phase: nil))
                case "EKSClusterConfig":
                    objects.append(RancherObject(file: path, kind: kind, spec: item["spec"], appliedSpec: nil, upstreamSpec: nil,
                                                 lastRefresh: refresh, phase: item["status"]?["phase"]?.stringValue))
                default:
                    throw AuditError(file: path, location: where_, message: "kind \(kind): expected Cluster (management.cattle.io/v3) or EKSClusterConfig (eks.cattle.io/v1)")
                }
            }
        }
        return objects
    }

    /// YAML as Yams loads it, as JSON (keys sorted).
    static func json(_ any: Any?) -> JSONValue {
        switch any {
        case nil: return .null
        case is NSNull: return .null
        case let b as Bool: return .bool(b)
        case let i as Int: return .int(Int64(i))
        case let d as Double: return .double(d)
        case let s as String: return .string(s)
        case let a as [Any?]: return .array(a.map(json))
        case let m as [String: Any?]: return .object(m.keys.sorted().map { ($0, json(m[$0] ?? nil)) })
        case let m as [AnyHashable: Any?]: return .object(m.keys.map { "\($0)" }.sorted().map { k in (k, json(m.first { "\($0.key)" == k }?.value ?? nil)) })
        default: return .null
        }
    }
}
