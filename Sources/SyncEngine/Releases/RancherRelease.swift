/// One real Rancher release and the eks-operator version its `go.mod` pins.
public struct RancherRelease: Hashable, Sendable {
    public let version: ReleaseVersion
    public let eksOperator: ReleaseVersion

    public init(_ version: ReleaseVersion, eksOperator: ReleaseVersion) {
        self.version = version
        self.eksOperator = eksOperator
    }

    /// The profile name that selects it: `rancher-2.6.3`.
    public var name: String { "rancher-\(version)" }
}
