/// A Kubernetes `major.minor` version as EKS names them (`"1.29"`).
struct KubernetesVersion: Comparable, Hashable, CustomStringConvertible {
    var major: Int
    var minor: Int

    /// Parses `"1.29"`; nil for anything else (EKS answers `unsupported Kubernetes version`).
    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]), major >= 1, minor >= 0,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        self.major = major
        self.minor = minor
    }

    var description: String { "\(major).\(minor)" }

    /// True when `other` is exactly one minor version above `self` (aws-eks-model R7).
    func isNextMinor(_ other: KubernetesVersion) -> Bool { other.major == major && other.minor == minor + 1 }

    static func < (lhs: KubernetesVersion, rhs: KubernetesVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
