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
