import ClusterStateMachine

/// `error-safe-refresh`: an upstream is copied (into UpstreamSpec or `Spec.EKSConfig`) only when
/// every call of the read that built it succeeded. The fix of rancher#35804 (Rancher v2.5.12,
/// commit 8ab060920d) generalised: v2.5.0–v2.5.11 ignored a `ListNodegroups` error, read it as no
/// node groups, and the operator deleted every group.
///
/// The read runs against a client that notes every error it passes on; if the read swallowed one
/// and still returned a spec, the error is raised again, and the refresher takes its failed-read
/// path (store nothing, retry as the profile retries).
enum ErrorSafeRefresh {
    static func read(_ aws: any EKSAPI, _ read: (any EKSAPI) throws(EKSError) -> SpecDocument) throws(EKSError) -> SpecDocument {
        let watched = ErrorNotingEKS(aws)
        let upstream = try read(watched)
        if let error = watched.firstError { throw error }
        return upstream
    }
}
