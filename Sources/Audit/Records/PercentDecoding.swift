import ClusterStateMachine
import Foundation

/// Later-era EKS records keep URI labels percent-encoded (`arn%3Aaws%3Aeks%3A...`).
enum PercentDecoding {
    static func decode(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let s) where s.contains("%"): .string(s.removingPercentEncoding ?? s)
        case .array(let items): .array(items.map(decode))
        case .object(let pairs): .object(pairs.map { ($0.0, decode($0.1)) })
        default: value
        }
    }
}
