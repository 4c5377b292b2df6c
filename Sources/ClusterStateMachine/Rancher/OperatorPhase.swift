/// `EKSClusterConfig.status.phase` (reference §1.3).
public enum OperatorPhase: String, Hashable, Sendable, Codable {
    case none = "", importing, creating, active, updating
}
