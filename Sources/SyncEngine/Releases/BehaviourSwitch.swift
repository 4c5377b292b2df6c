/// One row of the behaviour table: where a switch is on, and the upstream evidence for it.
public struct BehaviourSwitch: Hashable, Sendable {
    /// Whose version the ranges are of.
    public enum Component: String, Hashable, Sendable {
        case rancher
        case eksOperator = "eks-operator"
    }

    public let behaviour: Behaviour
    public let component: Component
    /// The versions of `component` that have the behaviour.
    public let ranges: [VersionRange]
    /// The upstream commit, PR or issue, and the file it is in.
    public let source: String
    /// True where the range or the effect is inferred rather than read in the code ([I] in
    /// reference/versions.md).
    public let inferred: Bool

    public init(_ behaviour: Behaviour, _ component: Component, _ ranges: [VersionRange], source: String, inferred: Bool = false) {
        self.behaviour = behaviour
        self.component = component
        self.ranges = ranges
        self.source = source
        self.inferred = inferred
    }

    /// Whether `release` has the behaviour.
    public func isOn(for release: RancherRelease) -> Bool {
        let version = component == .rancher ? release.version : release.eksOperator
        return ranges.contains { $0.contains(version) }
    }

    /// `eks-operator v1.0.1 to before v1.0.10`.
    public var rangeText: String {
        "\(component.rawValue) " + ranges.map(\.description).joined(separator: ", ")
    }
}
