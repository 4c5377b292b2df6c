import ClusterStateMachine
import Simulator

/// The two time spellings of AWS outputs: ISO 8601 with an offset (awscli v2) and epoch seconds with
/// a fraction (awscli v1, the wire), both to Unix milliseconds.
enum Timestamp {
    static func milliseconds(_ value: JSONValue?) -> Int64? {
        switch value {
        case .string(let s)?: return RFC3339.parseMilliseconds(s)
        case .int(let i)?: return i * 1000
        case .double(let d)?: return Int64((d * 1000).rounded())
        default: return nil
        }
    }
}
