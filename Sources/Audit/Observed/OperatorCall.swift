import ClusterStateMachine
import Simulator
import SyncEngine

/// One recorded eks-operator call, made against the modeled AWS with each value's provenance: the
/// origin of the value Rancher's copies held (the EKSClusterConfig spec, then Spec.EKSConfig), else
/// the latest write of that value, else `initial`.
struct OperatorCall {
    let sim: SimulationContext
    let clusterName: String

    /// Makes the call; true when AWS accepted it.
    func make(_ r: CloudTrailRecord, changes: [ObservedChange], aws: any EKSAPI) -> Bool {
        do throws(EKSError) {
            switch r.eventName {
            case "UpdateClusterConfig":
                var request = UpdateClusterConfigRequest(name: clusterName)
                for c in changes {
                    switch c.path.raw {
                    case "publicAccess": request.endpointPublicAccess = entry(c)
                    case "privateAccess": request.endpointPrivateAccess = entry(c)
                    case "publicAccessSources": request.publicAccessCidrs = entry(c)
                    case "loggingTypes":
                        let wanted = Set(c.value?.stringsValue ?? []), current = Set(sim.state.aws.visible.strings("loggingTypes") ?? [])
                        request.logging = LoggingRequest(enable: wanted.subtracting(current).sorted(),
                                                         disable: current.subtracting(wanted).sorted(), origin: entry(c))
                    default: break
                    }
                }
                _ = try aws.updateClusterConfig(request)
            case "UpdateClusterVersion":
                guard let c = changes.first else { return false }
                _ = try aws.updateClusterVersion(name: clusterName, version: entry(c), clientRequestToken: nil)
            case "TagResource":
                var tags: [String: Entry] = [:]
                for c in changes { tags[String(c.path.raw.dropFirst("tags.".count))] = entry(c) }
                try aws.tagResource(resourceArn: sim.state.aws.arn, tags: tags)
            case "UntagResource":
                guard let first = changes.first else { return false }
                try aws.untagResource(resourceArn: sim.state.aws.arn, tagKeys: changes.map { String($0.path.raw.dropFirst("tags.".count)) },
                                      removal: entry(first))
            case "UpdateNodegroupConfig":
                guard let ng = r.nodegroupName else { return false }
                var request = UpdateNodegroupConfigRequest(clusterName: clusterName, nodegroupName: ng)
                let base = "nodeGroups.\(ng)."
                for c in changes {
                    let key = String(c.path.raw.dropFirst(base.count))
                    switch key {
                    case "desiredSize": request.desiredSize = entry(c)
                    case "minSize": request.minSize = entry(c)
                    case "maxSize": request.maxSize = entry(c)
                    default:
                        let label = String(key.dropFirst("labels.".count))
                        if c.value == nil {
                            request.removeLabels.append(label)
                            request.labelRemoval = entry(c)
                        } else {
                            request.addOrUpdateLabels[label] = entry(c)
                        }
                    }
                }
                _ = try aws.updateNodegroupConfig(request)
            case "UpdateNodegroupVersion":
                guard let ng = r.nodegroupName, let c = changes.first else { return false }
                _ = try aws.updateNodegroupVersion(clusterName: clusterName, nodegroupName: ng, version: entry(c), clientRequestToken: nil)
            case "DeleteNodegroup":
                guard let ng = r.nodegroupName, let c = changes.first else { return false }
                _ = try aws.deleteNodegroup(clusterName: clusterName, nodegroupName: ng, removal: entry(c))
            default:
                return false
            }
            return true
        } catch {
            return false
        }
    }

    /// The value with the provenance of the Rancher copy it was taken from.
    func entry(_ c: ObservedChange) -> Entry {
        let rancher = sim.state.rancher
        for doc in [rancher.eksccSpec, rancher.spec] {
            if let held = doc.effectiveEntry(at: c.path), held.value == c.value { return Entry(c.value, origin: held.origin, readAt: held.readAt) }
        }
        if let w = sim.state.writes.last(where: { $0.path == c.path && $0.value == c.value.map(WriteValue.leaf) }) {
            return Entry(c.value, origin: w.id, readAt: w.at)
        }
        return Entry(c.value, origin: .initial, readAt: 0)
    }
}
