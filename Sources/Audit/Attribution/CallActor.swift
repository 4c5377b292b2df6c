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

extension CallActor {
    /// A person (console session or other automation) rather than Rancher.
    var isPerson: Bool {
        switch self {
        case .console, .other: true
        case .refresher, .operator: false
        }
    }

    /// Who, in words.
    var who: String {
        switch self {
        case .console(let p): "\(p) (console session)"
        case .other(let p, let agent): "\(p) (\(agent))"
        case .refresher: "Rancher's refresher"
        case .operator: "Rancher's eks-operator"
        }
    }
}
