import ClusterStateMachine

/// `refresh-before-push`: before pushing, the operator compares what AWS shows now (its own reads
/// of this pass, made right before the ladder sends anything) with the basis Rancher's spec was
/// built on, `UpstreamSpec` (the refresher's last read), and drops every field AWS changed since:
/// the working spec takes AWS's value there. What Rancher changed and AWS did not is pushed.
///
/// The basis is only as fresh as the last refresh: a field the operator itself pushed since then
/// also looks changed, so a second Rancher edit of it before the next refresh is dropped.
struct RefreshBeforePush {
    let state: ClusterState

    func operatorSpec(_ spec: SpecDocument, upstream: SpecDocument) -> PolicyOutcome {
        guard let basis = state.rancher.upstreamSpec else { return PolicyOutcome(spec: spec) }
        var working = spec
        for path in FieldMerge.paths([spec, basis, upstream], under: FieldMerge.decidedKeys(spec))
        where upstream.value(at: path) != basis.value(at: path) {
            FieldMerge.take(path, from: upstream, into: &working)
        }
        return PolicyOutcome(spec: working)
    }
}
