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

    /// An IAM ARN as a person reads it, with a note: `alice (role Admin, console session)` for
    /// `arn:aws:sts::111122223333:assumed-role/Admin/alice`, `user deploy (Terraform/1.5.7)`.
    static func short(_ arn: String, _ note: String) -> String {
        let resource = arn.split(separator: ":", maxSplits: 5).last.map(String.init) ?? arn
        let parts = resource.split(separator: "/").map(String.init)
        switch parts.first {
        case "assumed-role" where parts.count >= 3: return "\(parts[2]) (role \(parts[1]), \(note))"
        case "user" where parts.count >= 2: return "user \(parts.last!) (\(note))"
        default: return "\(arn) (\(note))"
        }
    }

    /// Who, in words.
    var who: String {
        switch self {
        case .console(let p): Self.short(p, "console session")
        case .other(let p, let agent): Self.short(p, agent.split(separator: " ").first.map(String.init) ?? agent)
        case .refresher: "Rancher's refresher"
        case .operator: "Rancher's eks-operator"
        }
    }
}
