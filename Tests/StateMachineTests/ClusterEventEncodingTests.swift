import ClusterStateMachine
import Foundation
import XCTest

/// The hand-written event encoder writes exactly the bytes Foundation's `JSONEncoder` (sorted keys,
/// unescaped slashes) writes, for every event case and the values that are hard to get right.
final class ClusterEventEncodingTests: XCTestCase {
    let w1 = WriteID(1), w2 = WriteID(2)

    func entry(_ value: FieldValue?, _ origin: WriteID = .initial, _ readAt: SimTime = 0) -> Entry {
        Entry(value, origin: origin, readAt: readAt)
    }

    /// Strings that need escaping, non-ASCII text and keys whose UTF-8 order differs from a naive one.
    var awkward: SpecDocument {
        SpecDocument(entries: [
            "displayName": entry(.string("quote \" backslash \\ slash / newline \n tab \t cr \r bell \u{7} esc \u{1b} del \u{7f} é 😀 \u{2028}")),
            "region": entry(.string("")),
            "imported": entry(.bool(true)),
            "kubernetesVersion": entry(.string("1.29"), w1, 1_234_567),
            "tags": entry(.container, w2, -5),
            "tags.Team": entry(.string("upper first")), "tags.team": entry(.string("lower")),
            "tags.k10": entry(.string("a")), "tags.k9": entry(.string("b")), "tags.k09": entry(.string("c")),
            "tags.e\u{301}x": entry(.string("decomposed")), "tags.f": entry(.string("f")), "tags.\u{FB01}": entry(.string("ligature")),
            "tags.😀": entry(.string("astral")), "tags.\u{E000}": entry(.string("private use")),
            "tags.kubernetes.io/role": entry(.string("x/y")), "tags.gone": entry(nil, w2, 7),
            "publicAccessSources": entry(.strings(["10.0.0.0/8", "\"quoted\""])), "loggingTypes": entry(.strings([])),
            "nodeGroups": entry(.container), "nodeGroups.ng1": entry(.container),
            "nodeGroups.ng1.desiredSize": entry(.int(-3)), "nodeGroups.ng1.maxSize": entry(.int(Int.max)),
            "nodeGroups.ng1.minSize": entry(.int(Int.min)),
        ])
    }

    var change: SubtreeChange {
        SubtreeChange(replaced: ["tags", "nodeGroups.ng2"], entries: awkward.subtree("tags"))
    }

    var everyEvent: [ClusterEvent] {
        let doc = awkward
        let kinds: [WorkKind] = [.step(0), .step(12), .operatorReconcile, .bridgeSync, .bridgeWatchTimeout, .refresherTick,
                                 .awsStatusVisible("u-1"), .awsUpdateDone("u\"2"), .awsNodegroupDone("ng1"), .faultEnds(3), .runEnds]
        var events: [ClusterEvent] = [
            .clusterObserved(ClusterObserved(name: "demo", arn: "arn:aws:eks:us-west-2:1:cluster/demo", aws: doc,
                                             nodegroupStatus: ["ng1": .active, "ng2": .createFailed, "NG": .deleting],
                                             rancherSpec: doc, upstreamSpec: nil, phase: .none)),
            .clusterObserved(ClusterObserved(name: "demo", arn: "", aws: SpecDocument(), nodegroupStatus: [:],
                                             rancherSpec: SpecDocument(), upstreamSpec: doc, phase: .active)),
            .writeMade(Write(id: w1, actor: .rancher, step: 1, path: "tags", value: .map(["b": .leaf(.string("1")), "a": .leaf(.int(2)), "c": .map(["z": .leaf(.bool(false))])]), at: 5, basis: [.initial, w2])),
            .writeMade(Write(id: w2, actor: .console, step: 0, path: "privateAccess", value: nil, at: -1, basis: [])),
            .writeMade(Write(id: w2, actor: .console, step: 0, path: "loggingTypes", value: .leaf(.strings(["api", "audit"])), at: 0, basis: [])),
            .writeMade(Write(id: w2, actor: .console, step: 0, path: "tags", value: .leaf(.container), at: 0, basis: [])),
            .writeRefused(WriteRefused(writes: [w1, w2], operation: "TagResource", error: "ResourceInUseException: \"x\"")),
            .rancherSpecEdited(SpecChange(change: change, writes: [w1])),
            .specSynced(SpecChange(change: SubtreeChange())),
            .upstreamSpecRefreshed(DocumentStored(document: doc, reason: "refresh")),
            .upstreamSpecRefreshed(DocumentStored(change: change, readAt: 300_000, reason: "refresh")),
            .upstreamSpecRefreshed(DocumentStored(change: change, readAt: 300_000, keptReadAt: ["region", "displayName"], reason: "refresh")),
            .eksConfigPushed(DocumentStored(change: change)),
            .appliedSpecRecorded(DocumentStored(document: SpecDocument(), reason: "10 s watch timeout")),
            .bridgeWatchEnded(BridgeWatchEnded(phase: .updating)),
            .bridgeWatchEnded(BridgeWatchEnded(phase: .active, conflict: true)),
            .refresherStatusChanged(RefresherStatus(condition: "[Syncing error: syncing failed] \"x\"", waitingForBridge: false)),
            .refresherStatusChanged(RefresherStatus(condition: "", waitingForBridge: true)),
            .upstreamSpecCleared(UpstreamSpecCleared(reason: "failed refresh while Spec.EKSConfig ≠ AppliedSpec")),
            .syncConflictSurfaced(SyncConflict(path: "tags.env", rancher: entry(.string("prod"), w1, 3), aws: nil, policy: "three-way-merge")),
            .syncConflictSurfaced(SyncConflict(path: "privateAccess", rancher: nil, aws: entry(.bool(true), w2, 4), policy: "field-ownership")),
            .clusterObserved(ClusterObserved(name: "demo", arn: "", aws: SpecDocument(), nodegroupStatus: [:], rancherSpec: SpecDocument(),
                                             upstreamSpec: doc, phase: .active, rancherTemplateNodegroups: ["ng2", "ng1"])),
            .operatorStatusUpdated(OperatorStatus(phase: .active, failureMessage: "", completedUpdateIDs: [])),
            .operatorStatusUpdated(OperatorStatus(phase: .updating, failureMessage: "error \"x\"\n", completedUpdateIDs: ["a", "b"])),
            .operatorBackoff(Backoff(failures: 0)),
            .refresherBackoff(Backoff(failures: 17)),
            .awsCalled(AWSCall(caller: .operator, operation: "ListUpdates", request: ["name": "demo", "nodegroupName": "ng1"],
                               fields: [], error: AWSErrorRecord(code: "C", httpStatus: 400, message: "m \"q\""), response: "refused")),
            .awsCalled(AWSCall(caller: .refresher, operation: "DescribeCluster", request: [:], fields: ["tags", "nodeGroups.ng1"],
                               error: nil, response: "ACTIVE",
                               bucket: TokenBucket(ratePerSecond: 0.1, burst: 2, from: 1_000, until: 20_000))),
            .awsCalled(AWSCall(caller: .refresher, operation: "DescribeCluster", request: [:], fields: [],
                               error: AWSErrorRecord(code: "TooManyRequestsException", httpStatus: 429, message: "Too Many Requests"),
                               response: "refused: TooManyRequestsException", target: "name", attempt: 3, attemptAfter: 2_483)),
            .awsUpdateStarted(AWSUpdate(id: "u1", type: .endpointAccessUpdate, nodegroupName: nil,
                                        params: [.init(type: "EndpointPrivateAccess", value: "true"), .init(type: "publicAccessCidrs", value: "[\"0.0.0.0/0\"]")],
                                        createdAt: 1000, requestedBy: .console, action: "UpdateClusterConfig", clientRequestToken: nil,
                                        change: change, statusVisible: false)),
            .awsUpdateStarted(AWSUpdate(id: "u2", type: .configUpdate, nodegroupName: "ng1", params: [], createdAt: 0,
                                        requestedBy: .operator, action: "UpdateNodegroupConfig", clientRequestToken: "token",
                                        change: SubtreeChange(), statusVisible: true, willFail: true, status: .failed,
                                        errors: [.init(errorCode: "Unknown", errorMessage: "x")])),
            .awsUpdateFinished(UpdateFinished(id: "u1", status: .successful)),
            .awsUpdateFinished(UpdateFinished(id: "u1", status: .failed, errors: [.init(errorCode: "Unknown", errorMessage: "x"), .init(errorCode: "B", errorMessage: "")])),
            .awsResourcesChanged(ResourcesChanged(change: change, nodegroupStatus: ["ng1": nil, "ng2": .creating], requestedBy: .console, action: "DeleteNodegroup")),
            .awsResourcesChanged(ResourcesChanged(change: SubtreeChange(), requestedBy: .aws, action: "node group deleted",
                                                  deletionsRequested: ["ng1": entry(nil, w1, 3)], requestedAt: 12)),
            .faultInjected(.throttle(operation: "DescribeCluster", ratePerSecond: 0.5, burst: 1, until: 20_000)),
            .faultInjected(.throttle(operation: "X", ratePerSecond: 1e-7, burst: 2e15, until: -1)),
            .faultInjected(.throttle(operation: "X", ratePerSecond: 123456.789, burst: 1e16, until: 0)),
            .faultInjected(.operatorDown(until: 40_000)),
            .faultInjected(.failNextUpdate),
            .faultCleared(.platformUpdate(until: 1)),
            .faultCleared(.operatorDown(until: Int64.max)),
        ]
        for (i, kind) in kinds.enumerated() {
            events.append(.workScheduled(WorkItem(seq: i, at: SimTime(i) * 1_000 - 5, kind: kind, moves: i % 2 == 0)))
            events.append(.workStarted(WorkStarted(seq: i, kind: kind)))
            events.append(.workCancelled(WorkStarted(seq: -i, kind: kind)))
            events.append(.awsUpdateStatusVisible(WorkStarted(seq: i, kind: kind)))
        }
        return events
    }

    func testEveryEventCaseEncodesToTheBytesJSONEncoderWrites() throws {
        let events = everyEvent
        XCTAssertEqual(Set(events.map(\.typeName)), Set(ClusterEvent.schemaVersions.keys), "every type is covered")
        var reused = EventJSON()
        for event in events.reversed() {
            XCTAssertEqual(try event.encodedPayload(using: &reused), try event.foundationEncodedPayload(), "a reused buffer: \(event.typeName)")
        }
        for event in events {
            let fast = try event.encodedPayload()
            let reference = try event.foundationEncodedPayload()
            XCTAssertEqual(String(decoding: fast, as: UTF8.self), String(decoding: reference, as: UTF8.self), event.typeName)
            XCTAssertEqual(fast, reference, event.typeName)
            XCTAssertEqual(event.schemaVersion, ClusterEvent.schemaVersions[event.typeName], event.typeName)
            XCTAssertEqual(try ClusterEvent.decode(type: event.typeName, schemaVersion: event.schemaVersion, data: fast), event)
        }
    }

    func testANonFiniteNumberIsAnErrorAsWithJSONEncoder() {
        let event = ClusterEvent.faultInjected(.throttle(operation: "X", ratePerSecond: .infinity, burst: 1, until: 0))
        XCTAssertThrowsError(try event.foundationEncodedPayload())
        XCTAssertThrowsError(try event.encodedPayload())
    }

    /// Version 1 of the document events held the whole document; it still reads, as a whole replacement.
    func testVersionOneDocumentPayloadsStillRead() throws {
        let v1 = #"{"document":{"privateAccess":{"o":0,"r":5,"v":true}},"reason":"refresh"}"#
        for type in ["UpstreamSpecRefreshed", "EKSConfigPushed", "AppliedSpecRecorded"] {
            let event = try ClusterEvent.decode(type: type, schemaVersion: 1, data: Data(v1.utf8))
            let expected = DocumentStored(document: SpecDocument(entries: ["privateAccess": entry(.bool(true), .initial, 5)]), reason: "refresh")
            switch event {
            case .upstreamSpecRefreshed(let d), .eksConfigPushed(let d), .appliedSpecRecorded(let d):
                XCTAssertEqual(d, expected, type)
                XCTAssertEqual(d.document.bool("privateAccess"), true)
            default: XCTFail("\(event)")
            }
            XCTAssertEqual(ClusterEvent.schemaVersions[type], 2)
        }
    }
}
