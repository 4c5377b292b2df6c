/// Who made an EKS call, as the records tell it.
public enum CallActor: Hashable, Sendable {
    /// A person, through a console session.
    case console(principal: String)
    /// Rancher's refresher: a regular read burst of the cloud credential's principal.
    case refresher
    /// Rancher's eks-operator: the credential's calls outside the refresher's ticks.
    case `operator`
    /// Anything else, named by principal and user agent (Terraform, a CI job, a service role).
    case other(principal: String, userAgent: String)
}

/// One EKS call with who made it.
public struct AttributedCall: Hashable, Sendable {
    public var record: CloudTrailRecord
    public var actor: CallActor
}
