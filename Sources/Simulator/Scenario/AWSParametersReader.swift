import ClusterStateMachine
import Yams

/// Reads `aws:`: update durations, status lag and the modeled AWS's other choices.
public struct AWSParametersReader {
    let reader: YAMLReader

    public init(reader: YAMLReader) { self.reader = reader }

    public static let keys = ["updateDurations", "statusLag", "configVisibility", "nodegroupCreate", "nodegroupDelete",
                       "nodegroupVersionUpdate", "nodegroupUpdatesBlockedByClusterUpdate"]

    public func read(_ node: Node, into aws: inout AWSModelParameters) throws(ScenarioError) {
        for (key, _, value) in try reader.mapping(node, "aws", allowed: Self.keys) {
            try read(key: key, value: value, into: &aws)
        }
    }

    /// One key of `aws:` (one of `keys`).
    public func read(key: String, value: Node, into aws: inout AWSModelParameters) throws(ScenarioError) {
            switch key {
            case "updateDurations":
                let names = UpdateType.allCases.map(\.rawValue)
                for (name, _, v) in try reader.mapping(value, "aws.updateDurations", allowed: names) {
                    aws.updateDurations[UpdateType(rawValue: name)!] = try reader.duration(v, "aws.updateDurations.\(name)")
                }
            case "statusLag": aws.statusLag = try reader.duration(value, "aws.statusLag")
            case "nodegroupCreate": aws.nodegroupCreate = try reader.duration(value, "aws.nodegroupCreate")
            case "nodegroupDelete": aws.nodegroupDelete = try reader.duration(value, "aws.nodegroupDelete")
            case "nodegroupVersionUpdate": aws.nodegroupVersionUpdate = try reader.duration(value, "aws.nodegroupVersionUpdate")
            case "nodegroupUpdatesBlockedByClusterUpdate":
                aws.nodegroupUpdatesBlockedByClusterUpdate = try reader.bool(value, "aws.nodegroupUpdatesBlockedByClusterUpdate")
            default:
                let text = try reader.string(value, "aws.configVisibility")
                guard let v = AWSModelParameters.ConfigVisibility(rawValue: text) else {
                    throw reader.error(value, "aws.configVisibility: \"\(text)\"; expected atCompletion or atAcceptance")
                }
                aws.configVisibility = v
            }
    }
}
