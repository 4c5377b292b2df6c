import ClusterStateMachine

/// A cluster state as `simctl state` prints it (CONTRACT.md §4).
public enum StateView {
    /// `aws` is what DescribeCluster shows: with `configVisibility: atAcceptance`, in-progress values too.
    public static func json(_ state: ClusterState, at: SimTime, startEpochSeconds: Int64,
                            awsParameters: AWSModelParameters = AWSModelParameters()) -> JSONValue {
        let r = state.rancher
        let inProgress = state.aws.inProgressUpdates
        return .object([
            ("at", .string(RFC3339.format(epochSeconds: startEpochSeconds, plusMilliseconds: at))),
            ("aws", ModeledEKS.describedDocument(of: state.aws, parameters: awsParameters).json()),
            ("awsStatus", .string(state.aws.status.rawValue)),
            ("nodegroupStatus", .object(state.aws.nodegroupStatus.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.rawValue)) })),
            ("updatesInProgress", .array(inProgress.map { u in
                .object([("id", .string(u.id)), ("type", .string(u.type.rawValue)),
                         ("nodegroupName", u.nodegroupName.map(JSONValue.string) ?? .null),
                         ("requestedBy", .string(u.requestedBy.rawValue))])
            })),
            ("rancherSpec", r.spec.json(nullForMissing: true)),
            ("appliedSpec", r.appliedSpec?.json(nullForMissing: true) ?? .null),
            ("upstreamSpec", r.upstreamSpec?.json(nullForMissing: true) ?? .null),
            ("eksClusterConfigSpec", r.eksccSpec.json(nullForMissing: true)),
            ("operatorPhase", .string(r.phase.rawValue)),
            ("failureMessage", .string(r.failureMessage)),
            ("completedUpdateIDs", .array(r.completedUpdateIDs.map(JSONValue.string))),
            ("pendingWork", .array(state.pending.sorted { ($0.at, $0.seq) < ($1.at, $1.seq) }.map { w in
                .object([("at", .string(RFC3339.format(epochSeconds: startEpochSeconds, plusMilliseconds: w.at))),
                         ("work", .string(w.kind.description))])
            })),
        ])
    }
}
