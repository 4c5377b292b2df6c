import ClusterStateMachine

/// `observe-only`: Crossplane's `managementPolicies: ["Observe"]`. The operator reads AWS and
/// reports its phase, but its ladder works from what AWS shows, so it never sends a change: Rancher
/// edits never reach AWS, and once AppliedSpec catches up the refresher copies AWS over them (by
/// design; the checker reports them as reverted by policy).
enum ObserveOnly {
    static func operatorSpec(_ spec: SpecDocument, upstream: SpecDocument) -> PolicyOutcome {
        var working = upstream
        // The identity fields are Rancher's (BuildEKSUpstreamSpec overwrites them too).
        for key in ["displayName", "region", "amazonCredentialSecret", "imported"] {
            let path = FieldPath(unchecked: key)
            working.replaceSubtree(path, with: spec.subtree(path))
        }
        return PolicyOutcome(spec: working)
    }
}
