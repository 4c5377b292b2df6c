import ClusterStateMachine
import SyncEngine

extension ModeledEKS {
    /// UpdateClusterVersion (aws-eks-model §4): a VersionUpdate with params `Version` and
    /// `PlatformVersion`. Order: not found, a version EKS knows (`unsupported Kubernetes version`),
    /// the cluster lock (R1/R2), then R7: exactly the next minor (`Unsupported Kubernetes minor
    /// version update from A to B` for the same version, a downgrade or a skipped minor), and every
    /// node group on the cluster's current minor.
    func updateClusterVersion(name: String, version: Entry, clientRequestToken: String?, caller: Actor) throws(EKSError) -> UpdateDescription {
        var request = ["name": name]
        request.add("version", RequestText.entry(version))
        request.add("clientRequestToken", clientRequestToken)
        return try perform("UpdateClusterVersion", caller: caller, request: request, fields: ["kubernetesVersion"]) { view throws(EKSError) in
            try view.requireCluster(name)
            if let original = replay(view, token: clientRequestToken, action: "UpdateClusterVersion", nodegroup: nil) {
                return original
            }
            guard let text = version.value?.stringValue, let target = KubernetesVersion(text) else {
                throw .unsupportedVersion
            }
            try requireClusterUnlocked(view, rejected: .versionUpdate)
            let currentText = view.kubernetesVersion
            // aws-eks-model R7: one minor at a time, never down.
            guard let current = KubernetesVersion(currentText), current.isNextMinor(target) else {
                throw .unsupportedMinorUpdate(from: currentText, to: text)
            }
            // aws-eks-model R7: every managed node group on the cluster's current minor first.
            let behind = view.nodegroupNames.filter { ng in
                KubernetesVersion(view.nodegroupVersion(ng)).map { $0 < current } ?? false
            }
            if !behind.isEmpty { throw .nodegroupsBehind(behind, clusterVersion: currentText) }

            // A new minor starts at platform version eks.1. [U]
            let params = [AWSUpdate.Param(type: "Version", value: text), AWSUpdate.Param(type: "PlatformVersion", value: "eks.1")]
            return acceptUpdate(view, type: .versionUpdate, nodegroup: nil, params: params,
                                change: SubtreeChange(entries: ["kubernetesVersion": version]), caller: caller,
                                action: "UpdateClusterVersion", token: clientRequestToken)
        }
    }

    /// AssociateEncryptionConfig (aws-eks-model §4): an update of the same name with param
    /// `EncryptionConfig`; on success `secretsEncryption` is true and `kmsKey` the key, both with the
    /// key's provenance. Irreversible: a second association is 400 `Encryption is already enabled on
    /// the cluster` (checked after the lock, like a no-op).
    func associateEncryptionConfig(name: String, keyArn: Entry, clientRequestToken: String?, caller: Actor) throws(EKSError) -> UpdateDescription {
        var request = ["name": name]
        request.add("keyArn", RequestText.entry(keyArn))
        request.add("clientRequestToken", clientRequestToken)
        return try perform("AssociateEncryptionConfig", caller: caller, request: request,
                           fields: ["kmsKey", "secretsEncryption"]) { view throws(EKSError) in
            try view.requireCluster(name)
            if let original = replay(view, token: clientRequestToken, action: "AssociateEncryptionConfig", nodegroup: nil) {
                return original
            }
            guard let key = keyArn.value?.stringValue, key.hasPrefix("arn:") else { throw .invalidValue("encryptionConfig.provider.keyArn") }
            try requireClusterUnlocked(view, rejected: .associateEncryptionConfig)
            if view.aws.visible.bool("secretsEncryption") == true { throw .encryptionAlreadyEnabled }

            let config = JSONValue.array([.object([
                ("resources", .array([.string("secrets")])),
                ("provider", .object([("keyArn", .string(key))])),
            ])]).description
            let change = SubtreeChange(entries: [
                "secretsEncryption": Entry(.bool(true), origin: keyArn.origin, readAt: keyArn.readAt),
                "kmsKey": keyArn,
            ])
            return acceptUpdate(view, type: .associateEncryptionConfig, nodegroup: nil,
                                params: [AWSUpdate.Param(type: "EncryptionConfig", value: config)], change: change,
                                caller: caller, action: "AssociateEncryptionConfig", token: clientRequestToken)
        }
    }
}
