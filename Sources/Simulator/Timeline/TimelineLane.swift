/// One swimlane of the timeline: a person, a Rancher surface or component, or AWS.
///
/// Top to bottom: the two people, then AWS (which the console person calls), the refresher that
/// reads AWS, `Spec.EKSConfig` it copies into, the bridge that pushes the spec, and the
/// eks-operator that acts on it. The common clobbers then cross few lanes: a refresher sync runs
/// AWS → Spec.EKSConfig, a stale push Spec.EKSConfig → bridge or eks-operator.
public enum TimelineLane: Int, CaseIterable, Sendable, Hashable, Comparable {
    case rancherPerson
    case consolePerson
    case aws
    case refresher
    case rancherSpec
    case bridge
    case `operator`

    public var title: String {
        switch self {
        case .rancherPerson: "Person in Rancher"
        case .consolePerson: "Person in console"
        case .rancherSpec: "Spec.EKSConfig"
        case .refresher: "Refresher"
        case .bridge: "Bridge"
        case .operator: "eks-operator"
        case .aws: "AWS EKS"
        }
    }

    public var subtitle: String {
        switch self {
        case .rancherPerson: "edits the cluster in Rancher"
        case .consolePerson: "EKS console / CLI (AWS API)"
        case .rancherSpec: "Rancher edits, refresher syncs"
        case .refresher: "ticks: reads AWS"
        case .bridge: "Spec → EKSClusterConfig"
        case .operator: "reconciles, calls AWS"
        case .aws: "updates: accepted → done"
        }
    }

    public var color: String {
        switch self {
        case .rancherPerson: TimelinePalette.rancherPerson
        case .consolePerson: TimelinePalette.consolePerson
        case .rancherSpec: TimelinePalette.rancherSpec
        case .refresher: TimelinePalette.refresher
        case .bridge: TimelinePalette.bridge
        case .operator: TimelinePalette.operator
        case .aws: TimelinePalette.aws
        }
    }

    /// A stable name for `data-lane` attributes.
    public var key: String {
        switch self {
        case .rancherPerson: "rancher"
        case .consolePerson: "console"
        case .rancherSpec: "spec"
        case .refresher: "refresher"
        case .bridge: "bridge"
        case .operator: "operator"
        case .aws: "aws"
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
