import ClusterStateMachine

/// A person's edit of an EKS cluster through Rancher's API, from the API audit log: a PUT or POST
/// of a cluster whose body (audit level 2 and up) carries `eksConfig`.
public struct RancherEdit: Hashable, Sendable {
    public var file: String
    public var line: Int
    /// `requestTimestamp`, Unix milliseconds (the log has whole seconds).
    public var at: Int64
    /// The Rancher login (`user.extra.username`), else the user id (`user.name`).
    public var user: String
    public var requestURI: String
    /// The body's `eksConfig`: the whole form as written back, by EKSClusterConfigSpec JSON name.
    public var eksConfig: JSONValue
}
