import ClusterStateMachine
import SyncEngine

extension ModeledEKS {
    /// DescribeAddon(aws-ebs-csi-driver): the add-on check of `BuildUpstreamClusterState`
    /// (eks-operator v1.9+). Its answer changes nothing the simulator models; the call costs budget.
    func describeAddon(clusterName: String, caller: Actor) throws(EKSError) {
        try perform("DescribeAddon", caller: caller,
                    request: ["clusterName": clusterName, "addonName": "aws-ebs-csi-driver"], fields: []) { view throws(EKSError) in
            try view.requireCluster(clusterName)
            return Accepted(response: (), summary: "aws-ebs-csi-driver")
        }
    }

    /// EC2 DescribeLaunchTemplateVersions for a node group on Rancher's managed launch template.
    func describeLaunchTemplateVersions(clusterName: String, nodegroupName: String, caller: Actor) throws(EKSError) {
        try perform("DescribeLaunchTemplateVersions", caller: caller,
                    request: ["nodegroupName": nodegroupName], fields: []) { view throws(EKSError) in
            try view.requireCluster(clusterName)
            return Accepted(response: (), summary: "launch template of \(nodegroupName)")
        }
    }
}
