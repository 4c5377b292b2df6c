/// What `simctl audit` was given (CONTRACT.md §5).
public struct AuditInput: Sendable {
    public var cloudTrail: [String]
    public var rancherAudit: [String] = []
    public var describeCluster: String?
    public var describeNodegroups: [String] = []
    /// ListUpdates / DescribeUpdate outputs.
    public var describeUpdates: [String] = []
    public var rancherObjects: [String] = []
    public var rancherPrincipal: String?
    public var profile: String?
    public var cluster: String?

    public init(cloudTrail: [String]) { self.cloudTrail = cloudTrail }
}
