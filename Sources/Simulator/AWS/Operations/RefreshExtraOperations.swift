import ClusterStateMachine
import SyncEngine

extension ModeledEKS {
    /// EC2 DescribeLaunchTemplateVersions for a node group on Rancher's managed launch template.
    func describeLaunchTemplateVersions(clusterName: String, nodegroupName: String, caller: Actor) throws(EKSError) {
        try perform("DescribeLaunchTemplateVersions", caller: caller,
                    request: ["nodegroupName": nodegroupName], fields: []) { view throws(EKSError) in
            try view.requireCluster(clusterName)
            return Accepted(response: (), summary: "launch template of \(nodegroupName)")
        }
    }
}
