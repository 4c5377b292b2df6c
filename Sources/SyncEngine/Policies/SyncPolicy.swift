import ClusterStateMachine

/// A what-if sync policy: an alternative decider for the refresher's spec sync and for the spec the
/// eks-operator's ladder works from, selected like a release (`--policy NAME`, `policy:` in a
/// scenario). `.rancher` is the real behaviour of the selected profile; every other policy is a
/// proposed fix, each modeled on a real system's choice (reference `real-inputs.md` §3, the end).
public enum SyncPolicy: String, CaseIterable, Hashable, Sendable {
    /// The profile's real refresher and operator, unchanged.
    case rancher
    /// AppliedSpec is the base: the operator pushes only fields Rancher changed since it, the
    /// refresher copies only fields AWS changed since it; both changed is a surfaced conflict.
    case threeWayMerge = "three-way-merge"
    /// Tags, labels and node groups merged by key: the operator removes only keys Rancher applied
    /// before, and creates only node groups Rancher never applied.
    case perKeyMaps = "per-key-maps"
    /// The operator drops every field AWS changed since Rancher's last read (UpstreamSpec).
    case refreshBeforePush = "refresh-before-push"
    /// A manager per field path, as server-side apply: the newest writer owns a field; Rancher
    /// pushes only fields it owns, the refresher copies only fields it does not; conflicts reported.
    case fieldOwnership = "field-ownership"
    /// ACK: the spec is the only truth; AWS values are never copied into managed fields.
    case specWins = "spec-wins"
    /// Crossplane `managementPolicies: ["Observe"]`: the operator never changes AWS.
    case observeOnly = "observe-only"
    /// Never copy (or store) an upstream built from a read in which any call failed (the
    /// rancher#35804 fix, generalised).
    case errorSafeRefresh = "error-safe-refresh"

    /// The policy `name` selects.
    public static func named(_ name: String) -> SyncPolicy? { SyncPolicy(rawValue: name) }

    /// Every accepted spelling, for error messages.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The real system whose documented choice the policy models.
    public var realCounterpart: String {
        switch self {
        case .rancher: "Rancher and the eks-operator as released (the profile)"
        case .threeWayMerge: "a three-way merge with AppliedSpec as the merge base (git, kubectl apply's last-applied-configuration)"
        case .perKeyMaps: "strategic merge patch: maps merged by key, lists by their merge key (nodegroupName)"
        case .refreshBeforePush: "Terraform: refresh before plan; the plan drops what changed since it was made"
        case .fieldOwnership: "Kubernetes server-side apply: metadata.managedFields, a conflict instead of an overwrite"
        case .specWins: "ACK (aws-controllers-k8s): the spec is the source of truth; drift is reverted at the next reconcile"
        case .observeOnly: "Crossplane managementPolicies: [\"Observe\"]"
        case .errorSafeRefresh: "rancher#35804 (fixed in v2.5.12): a failed ListNodegroups is an error, not an empty list"
        }
    }

    /// The person whose changes to managed fields the policy discards by design, and the component
    /// that discards them: the checker reports those as reverted by policy, not as lost.
    public var discardsByDesign: (actor: Actor, by: Actor)? {
        switch self {
        case .specWins: (.console, .operator)
        case .observeOnly: (.rancher, .refresher)
        case .rancher, .threeWayMerge, .perKeyMaps, .refreshBeforePush, .fieldOwnership, .errorSafeRefresh: nil
        }
    }

    // MARK: Decisions

    /// The refresher's spec sync under this policy, given the upstream it just read: the events to
    /// emit (a `SpecSynced`, surfaced conflicts), or nil for the real decision (the Spec ==
    /// AppliedSpec guard, then whole-key replacement, reference §4.2 steps 5–6).
    ///
    /// `per-key-maps` keeps the real decision: the refresher syncs only while Spec == AppliedSpec,
    /// and with the base equal to the spec a per-key merge gives exactly the whole-key replacement.
    func refresherSpecSync(state: ClusterState, upstream: SpecDocument) -> [ClusterEvent]? {
        switch self {
        case .rancher, .perKeyMaps, .refreshBeforePush, .observeOnly, .errorSafeRefresh: nil
        case .specWins: []
        case .threeWayMerge: ThreeWayMerge(state: state).refresherSync(upstream: upstream)
        case .fieldOwnership: FieldOwnership(state: state).refresherSync(upstream: upstream)
        }
    }

    /// The spec the operator's ladder works from (and so what it sends), given the EKSClusterConfig
    /// spec and the upstream it just built from its own reads; with the conflicts to surface.
    func operatorSpec(_ spec: SpecDocument, upstream: SpecDocument, state: ClusterState) -> PolicyOutcome {
        switch self {
        case .rancher, .specWins, .errorSafeRefresh: PolicyOutcome(spec: spec)
        case .threeWayMerge: ThreeWayMerge(state: state).operatorSpec(spec, upstream: upstream)
        case .perKeyMaps: PerKeyMaps(state: state).operatorSpec(spec, upstream: upstream)
        case .refreshBeforePush: RefreshBeforePush(state: state).operatorSpec(spec, upstream: upstream)
        case .fieldOwnership: FieldOwnership(state: state).operatorSpec(spec, upstream: upstream)
        case .observeOnly: ObserveOnly.operatorSpec(spec, upstream: upstream)
        }
    }

    /// The refresher's read of AWS (`BuildEKSUpstreamSpec`) under this policy.
    func refresherRead(_ aws: any EKSAPI, _ read: (any EKSAPI) throws(EKSError) -> SpecDocument) throws(EKSError) -> SpecDocument {
        switch self {
        case .errorSafeRefresh: try ErrorSafeRefresh.read(aws, read)
        default: try read(aws)
        }
    }
}
