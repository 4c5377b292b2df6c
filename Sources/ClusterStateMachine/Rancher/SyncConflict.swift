/// A field where Rancher and AWS both changed since the sync policy's base and disagree: surfaced on
/// the cluster (as a condition would be) instead of one side silently overwriting the other.
///
/// Only the what-if sync policies that detect conflicts emit it (`three-way-merge`,
/// `field-ownership`); the real Rancher releases have no such notion.
public struct SyncConflict: Hashable, Sendable, Codable {
    /// The field path in conflict (`privateAccess`, `tags.env`, `nodeGroups.ng1.desiredSize`).
    public var path: FieldPath
    /// What `Spec.EKSConfig` holds there (nil: absent or removed), with its provenance.
    public var rancher: Entry?
    /// What AWS showed there in the read that found the conflict.
    public var aws: Entry?
    /// The policy that surfaced it (`three-way-merge`, ...).
    public var policy: String

    public init(path: FieldPath, rancher: Entry?, aws: Entry?, policy: String) {
        self.path = path
        self.rancher = rancher
        self.aws = aws
        self.policy = policy
    }

    /// True when `other` is the same disagreement: same path, same values from the same writes.
    public func sameDisagreement(as other: SyncConflict) -> Bool {
        path == other.path && rancher?.value == other.rancher?.value && rancher?.origin == other.rancher?.origin
            && aws?.value == other.aws?.value && aws?.origin == other.aws?.origin
    }
}
