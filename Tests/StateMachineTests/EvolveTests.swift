import ClusterStateMachine
import Foundation
import XCTest

/// Every event case folds as documented, evolve is pure, and the log's encoding is stable.
final class EvolveTests: XCTestCase {
    let w1 = WriteID(1)

    /// A cluster with privateAccess=false and tags {team: platform}, managed by Rancher.
    func observed() -> TimedEvent {
        var aws = SpecDocument()
        aws.apply(SubtreeChange(entries: [
            "privateAccess": Entry(.bool(false), origin: .initial, readAt: 0),
            "tags": Entry(.container, origin: .initial, readAt: 0),
            "tags.team": Entry(.string("platform"), origin: .initial, readAt: 0),
            "nodeGroups": Entry(.container, origin: .initial, readAt: 0),
            "nodeGroups.ng1": Entry(.container, origin: .initial, readAt: 0),
        ]))
        return TimedEvent(at: 0, actor: .aws, .clusterObserved(ClusterObserved(
            name: "demo", arn: "arn:aws:eks:us-west-2:1:cluster/demo", aws: aws, nodegroupStatus: ["ng1": .active],
            rancherSpec: aws, upstreamSpec: aws, phase: .active)))
    }

    func fold(_ events: [TimedEvent]) -> ClusterState { ClusterState.fold([observed()] + events) }

    func update(_ id: String, change: SubtreeChange, nodegroup: String? = nil, visible: Bool = false, willFail: Bool = false) -> AWSUpdate {
        AWSUpdate(id: id, type: nodegroup == nil ? .endpointAccessUpdate : .configUpdate, nodegroupName: nodegroup, params: [],
                  createdAt: 1000, requestedBy: .console, action: "UpdateClusterConfig", clientRequestToken: nil,
                  change: change, statusVisible: visible, willFail: willFail)
    }

    let privateTrue = SubtreeChange(entries: ["privateAccess": Entry(.bool(true), origin: WriteID(1), readAt: 1000)])

    func testClusterObservedSetsEverySurface() {
        let s = fold([])
        XCTAssertEqual(s.aws.name, "demo")
        XCTAssertEqual(s.aws.visible.bool("privateAccess"), false)
        XCTAssertEqual(s.rancher.spec, s.rancher.eksccSpec)
        XCTAssertEqual(s.rancher.appliedSpec, s.rancher.spec)
        XCTAssertEqual(s.rancher.phase, .active)
        XCTAssertEqual(s.aws.nodegroupStatus, ["ng1": .active])
    }

    func testWorkIsScheduledStartedAndCancelledByEvents() {
        let item = WorkItem(seq: 0, at: 300_000, kind: .refresherTick, moves: false)
        let other = WorkItem(seq: 1, at: 100, kind: .operatorReconcile, moves: true)
        var s = fold([TimedEvent(at: 0, actor: .refresher, .workScheduled(item)), TimedEvent(at: 0, actor: .operator, .workScheduled(other))])
        XCTAssertEqual(s.pending, [item, other])
        XCTAssertEqual(s.nextSeq, 2)
        XCTAssertEqual(s.nextWork, other, "earliest first")
        s.apply(TimedEvent(at: 100, actor: .operator, .workStarted(WorkStarted(seq: 1, kind: .operatorReconcile))))
        XCTAssertEqual(s.pending, [item])
        s.apply(TimedEvent(at: 100, actor: .refresher, .workCancelled(WorkStarted(seq: 0, kind: .refresherTick))))
        XCTAssertTrue(s.pending.isEmpty)
    }

    func testMachinesActBeforePeopleWithinOneMillisecond() {
        let step = WorkItem(seq: 0, at: 5000, kind: .step(0), moves: false)
        let tick = WorkItem(seq: 1, at: 5000, kind: .refresherTick, moves: false)
        let s = fold([TimedEvent(at: 0, actor: .rancher, .workScheduled(step)), TimedEvent(at: 0, actor: .refresher, .workScheduled(tick))])
        XCTAssertEqual(s.nextWork, tick)
    }

    func testWritesAndRefusalsAreRecorded() {
        let write = Write(id: w1, actor: .console, step: 0, path: "privateAccess", value: .leaf(.bool(true)), at: 1000, basis: [.initial])
        let s = fold([TimedEvent(at: 1000, actor: .console, .writeMade(write)),
                      TimedEvent(at: 1000, actor: .console, .writeRefused(WriteRefused(writes: [w1], operation: "UpdateClusterConfig", error: "x")))])
        XCTAssertEqual(s.write(w1), write)
        XCTAssertEqual(s.nextWriteID, WriteID(2))
        XCTAssertEqual(s.refused, [w1])
    }

    func testSpecEditsAndSyncsChangeOnlySpecEKSConfig() {
        let s = fold([TimedEvent(at: 5, actor: .rancher, .rancherSpecEdited(SpecChange(change: privateTrue, writes: [w1])))])
        XCTAssertEqual(s.rancher.spec.bool("privateAccess"), true)
        XCTAssertEqual(s.rancher.eksccSpec.bool("privateAccess"), false, "the bridge has not pushed yet")
        XCTAssertEqual(s.aws.visible.bool("privateAccess"), false)
        let synced = fold([TimedEvent(at: 5, actor: .refresher, .specSynced(SpecChange(change: privateTrue)))])
        XCTAssertEqual(synced.rancher.spec[FieldPath("privateAccess")]?.origin, w1, "a sync copies the origin")
    }

    func testBridgePushOpensTheWatchAndAppliedSpecClosesIt() {
        var spec = fold([]).rancher.spec
        spec.apply(privateTrue)
        var s = fold([TimedEvent(at: 50, actor: .bridge, .eksConfigPushed(DocumentStored(document: spec)))])
        XCTAssertEqual(s.rancher.eksccSpec, spec)
        XCTAssertEqual(s.rancher.bridgeWatch, BridgeWatch(pushedAt: 50, pushedSpec: spec))
        var ended = s
        ended.apply(TimedEvent(at: 60, actor: .bridge, .bridgeWatchEnded(BridgeWatchEnded(phase: .updating))))
        XCTAssertNil(ended.rancher.bridgeWatch)
        s.apply(TimedEvent(at: 10_050, actor: .bridge, .appliedSpecRecorded(DocumentStored(document: spec, reason: "10 s watch timeout"))))
        XCTAssertEqual(s.rancher.appliedSpec, spec)
        XCTAssertNil(s.rancher.bridgeWatch)
    }

    func testUpstreamRefreshRecordsTheTimeOfTheRefresh() {
        var upstream = fold([]).rancher.upstreamSpec!
        upstream.apply(privateTrue)
        let s = fold([TimedEvent(at: 300_000, actor: .refresher, .upstreamSpecRefreshed(DocumentStored(document: upstream)))])
        XCTAssertEqual(s.rancher.upstreamSpec, upstream)
        XCTAssertEqual(s.rancher.lastRefreshAt, 300_000)
    }

    func testOperatorStatusAndBackoff() {
        let s = fold([TimedEvent(at: 1, actor: .operator, .operatorStatusUpdated(OperatorStatus(phase: .updating, failureMessage: "boom", completedUpdateIDs: ["1"]))),
                      TimedEvent(at: 1, actor: .operator, .operatorBackoff(Backoff(failures: 3))),
                      TimedEvent(at: 1, actor: .refresher, .refresherBackoff(Backoff(failures: 2)))])
        XCTAssertEqual(s.rancher.phase, .updating)
        XCTAssertEqual(s.rancher.failureMessage, "boom")
        XCTAssertEqual(s.rancher.completedUpdateIDs, ["1"])
        XCTAssertEqual(s.rancher.operatorFailures, 3)
        XCTAssertEqual(s.rancher.refresherFailures, 2)
    }

    func testAnUpdateChangesAWSOnlyWhenItSucceeds() {
        var s = fold([TimedEvent(at: 1000, actor: .aws, .awsUpdateStarted(update("u1", change: privateTrue)))])
        XCTAssertEqual(s.aws.status, .active, "the status lag: not visible yet")
        XCTAssertEqual(s.aws.inProgressClusterUpdates.map(\.id), ["u1"])
        s.apply(TimedEvent(at: 1010, actor: .aws, .awsUpdateStatusVisible(WorkStarted(seq: -1, kind: .awsStatusVisible("u1")))))
        XCTAssertEqual(s.aws.status, .updating)
        XCTAssertEqual(s.aws.visible.bool("privateAccess"), false)
        s.apply(TimedEvent(at: 61_000, actor: .aws, .awsUpdateFinished(UpdateFinished(id: "u1", status: .successful))))
        XCTAssertEqual(s.aws.visible.bool("privateAccess"), true)
        XCTAssertEqual(s.aws.visible[FieldPath("privateAccess")]?.origin, w1)
        XCTAssertEqual(s.aws.status, .active)

        let failed = fold([TimedEvent(at: 1000, actor: .aws, .awsUpdateStarted(update("u2", change: privateTrue))),
                           TimedEvent(at: 2000, actor: .aws, .awsUpdateFinished(UpdateFinished(id: "u2", status: .failed)))])
        XCTAssertEqual(failed.aws.visible.bool("privateAccess"), false)
        XCTAssertEqual(failed.aws.update("u2")?.status, .failed)
    }

    func testANodeGroupUpdateMarksTheGroupUpdatingUntilItEnds() {
        var s = fold([TimedEvent(at: 0, actor: .aws, .awsUpdateStarted(update("n1", change: SubtreeChange(), nodegroup: "ng1")))])
        XCTAssertEqual(s.aws.nodegroupStatus["ng1"], .updating)
        XCTAssertTrue(s.aws.inProgressClusterUpdates.isEmpty, "node group updates do not hold the cluster lock")
        s.apply(TimedEvent(at: 60_000, actor: .aws, .awsUpdateFinished(UpdateFinished(id: "n1", status: .successful))))
        XCTAssertEqual(s.aws.nodegroupStatus["ng1"], .active)
    }

    func testResourcesChangeAtOnceAndNodeGroupsComeAndGo() {
        let tag = SubtreeChange(entries: ["tags.env": Entry(.string("prod"), origin: w1, readAt: 5)])
        var s = fold([TimedEvent(at: 5, actor: .aws, .awsResourcesChanged(ResourcesChanged(change: tag, requestedBy: .console, action: "TagResource")))])
        XCTAssertEqual(s.aws.visible.map("tags"), ["team": "platform", "env": "prod"])
        let removal = Entry(nil, origin: w1, readAt: 9)
        s.apply(TimedEvent(at: 9, actor: .aws, .awsResourcesChanged(ResourcesChanged(change: SubtreeChange(), nodegroupStatus: ["ng1": .deleting],
                                                                                     requestedBy: .console, action: "DeleteNodegroup", deletionsRequested: ["ng1": removal]))))
        XCTAssertEqual(s.aws.nodegroupStatus["ng1"], .deleting)
        XCTAssertEqual(s.aws.nodegroupDeletions["ng1"]?.removal, removal)
        s.apply(TimedEvent(at: 99, actor: .aws, .awsResourcesChanged(ResourcesChanged(change: SubtreeChange(replaced: ["nodeGroups.ng1"], entries: ["nodeGroups.ng1": removal]),
                                                                                      nodegroupStatus: ["ng1": nil], requestedBy: .console, action: "DeleteNodegroup"))))
        XCTAssertNil(s.aws.nodegroupStatus["ng1"])
        XCTAssertNil(s.aws.nodegroupDeletions["ng1"])
        XCTAssertEqual(s.aws.visible.nodeGroupNames, [])
    }

    func testFaultsAreState() {
        var s = fold([TimedEvent(at: 0, actor: .operator, .faultInjected(.operatorDown(until: 40_000))),
                      TimedEvent(at: 0, actor: .aws, .faultInjected(.failNextUpdate)),
                      TimedEvent(at: 0, actor: .aws, .faultInjected(.platformUpdate(until: 300_000))),
                      TimedEvent(at: 0, actor: .aws, .faultInjected(.throttle(operation: "DescribeCluster", ratePerSecond: 1, burst: 2, until: 9)))])
        XCTAssertEqual(s.rancher.operatorDownUntil, 40_000)
        XCTAssertTrue(s.aws.failNextUpdate)
        XCTAssertEqual(s.aws.hiddenLockUntil, 300_000)
        XCTAssertEqual(s.aws.throttles["DescribeCluster"]?.tokens, 2)
        s.apply(TimedEvent(at: 1, actor: .aws, .awsUpdateStarted(update("u3", change: privateTrue, willFail: true))))
        XCTAssertFalse(s.aws.failNextUpdate, "the armed failure is used up by the update it dooms")
        var bucket = s.aws.throttles["DescribeCluster"]!
        bucket.tokens = 1
        s.apply(TimedEvent(at: 2, actor: .refresher, .awsCalled(AWSCall(caller: .refresher, operation: "DescribeCluster", request: [:], fields: [],
                                                                       error: nil, response: "ACTIVE", bucket: bucket))))
        XCTAssertEqual(s.aws.throttles["DescribeCluster"]?.tokens, 1)
        for fault in [Fault.operatorDown(until: 40_000), .platformUpdate(until: 300_000),
                      .throttle(operation: "DescribeCluster", ratePerSecond: 1, burst: 2, until: 9)] {
            s.apply(TimedEvent(at: 40_000, actor: .aws, .faultCleared(fault)))
        }
        XCTAssertNil(s.rancher.operatorDownUntil)
        XCTAssertNil(s.aws.hiddenLockUntil)
        XCTAssertNil(s.aws.throttles["DescribeCluster"])
    }

    func testTheObserverSeesEveryReplacedValueWithWhoDidIt() {
        var s = fold([])
        var seen: [StoreObservation] = []
        s.apply(TimedEvent(at: 5, actor: .rancher, .rancherSpecEdited(SpecChange(change: privateTrue, writes: [w1])))) { seen.append($0) }
        XCTAssertEqual(seen.count, 1)
        XCTAssertEqual(seen[0].surface, .rancherSpec)
        XCTAssertEqual(seen[0].path, "privateAccess")
        XCTAssertEqual(seen[0].before?.origin, .initial)
        XCTAssertEqual(seen[0].after?.origin, w1)
        XCTAssertEqual(seen[0].by, .rancher)
    }

    func testASurfacedConflictIsFoldedOnceOnTheCluster() {
        let conflict = SyncConflict(path: "privateAccess", rancher: Entry(.bool(false), origin: .initial, readAt: 0),
                                    aws: Entry(.bool(true), origin: w1, readAt: 5), policy: "field-ownership")
        var later = conflict
        later.aws?.readAt = 9  // the same disagreement, read again
        var other = conflict
        other.aws = Entry(.bool(true), origin: WriteID(2), readAt: 9)
        let state = fold([TimedEvent(at: 5, actor: .operator, .syncConflictSurfaced(conflict)),
                          TimedEvent(at: 9, actor: .refresher, .syncConflictSurfaced(later)),
                          TimedEvent(at: 9, actor: .refresher, .syncConflictSurfaced(other))])
        XCTAssertEqual(state.rancher.syncConflicts, [conflict, other])
    }

    func testEvolveIsPure() {
        let start = fold([])
        let event = TimedEvent(at: 5, actor: .rancher, .rancherSpecEdited(SpecChange(change: privateTrue, writes: [w1])))
        let a = evolve(start, event), b = evolve(start, event)
        XCTAssertEqual(a, b)
        XCTAssertEqual(start.rancher.spec.bool("privateAccess"), false, "the input state is untouched")
    }

    func testEveryEventTypeRoundTripsThroughItsStoredForm() throws {
        let events: [ClusterEvent] = [
            observed().event,
            .workScheduled(WorkItem(seq: 3, at: 9, kind: .awsUpdateDone("u1"), moves: true)),
            .workStarted(WorkStarted(seq: 3, kind: .step(2))),
            .workCancelled(WorkStarted(seq: 4, kind: .bridgeSync)),
            .writeMade(Write(id: w1, actor: .rancher, step: 1, path: "tags", value: .map(["a": .leaf(.string("1"))]), at: 5, basis: [.initial])),
            .writeRefused(WriteRefused(writes: [w1], operation: "TagResource", error: "x")),
            .rancherSpecEdited(SpecChange(change: privateTrue, writes: [w1])),
            .specSynced(SpecChange(change: SubtreeChange(replaced: ["tags"], entries: [:]))),
            .upstreamSpecRefreshed(DocumentStored(document: SpecDocument(), reason: "refresh")),
            .eksConfigPushed(DocumentStored(document: SpecDocument())),
            .bridgeWatchEnded(BridgeWatchEnded(phase: .updating)),
            .appliedSpecRecorded(DocumentStored(document: SpecDocument(), reason: "active")),
            .operatorStatusUpdated(OperatorStatus(phase: .active, failureMessage: "", completedUpdateIDs: [])),
            .operatorBackoff(Backoff(failures: 1)),
            .refresherBackoff(Backoff(failures: 2)),
            .awsCalled(AWSCall(caller: .operator, operation: "ListUpdates", request: ["name": "demo"], fields: [], error: AWSErrorRecord(code: "C", httpStatus: 400, message: "m"), response: "refused")),
            .awsUpdateStarted(update("u1", change: privateTrue)),
            .awsUpdateStatusVisible(WorkStarted(seq: -1, kind: .awsStatusVisible("u1"))),
            .awsUpdateFinished(UpdateFinished(id: "u1", status: .failed, errors: [.init(errorCode: "Unknown", errorMessage: "x")])),
            .awsResourcesChanged(ResourcesChanged(change: privateTrue, nodegroupStatus: ["ng1": nil], requestedBy: .console, action: "DeleteNodegroup")),
            .faultInjected(.throttle(operation: "DescribeCluster", ratePerSecond: 0.5, burst: 1, until: 20_000)),
            .faultCleared(.platformUpdate(until: 1)),
            .refresherStatusChanged(RefresherStatus(condition: "[Syncing error: syncing failed] x", waitingForBridge: true)),
            .upstreamSpecCleared(UpstreamSpecCleared(reason: "failed refresh")),
            .bridgeWatchEnded(BridgeWatchEnded(phase: .active, conflict: true)),
            .syncConflictSurfaced(SyncConflict(path: "tags.env", rancher: Entry(.string("prod"), origin: w1, readAt: 5),
                                               aws: Entry(.string("staging"), origin: .initial, readAt: 7), policy: "three-way-merge")),
        ]
        XCTAssertEqual(Set(events.map(\.typeName)), Set(ClusterEvent.schemaVersions.keys), "every type is covered")
        for event in events {
            let data = try event.encodedPayload()
            let decoded = try ClusterEvent.decode(type: event.typeName, schemaVersion: event.schemaVersion, data: data)
            XCTAssertEqual(decoded, event, event.typeName)
            XCTAssertEqual(try decoded.encodedPayload(), data, "\(event.typeName): same event, same bytes")
        }
    }

    func testUnknownTypesAndVersionsAreClearErrors() {
        XCTAssertThrowsError(try ClusterEvent.decode(type: "ClusterExploded", schemaVersion: 1, data: Data("{}".utf8))) { error in
            XCTAssertEqual(error as? ClusterEventDecodingError, .unknownType("ClusterExploded"))
            XCTAssertTrue("\(error)".contains("unknown event type \"ClusterExploded\""))
        }
        XCTAssertThrowsError(try ClusterEvent.decode(type: "WriteMade", schemaVersion: 2, data: Data("{}".utf8))) { error in
            XCTAssertEqual(error as? ClusterEventDecodingError, .unsupportedVersion(type: "WriteMade", version: 2, known: 1))
        }
        XCTAssertThrowsError(try ClusterEvent.decode(type: "WriteMade", schemaVersion: 1, data: Data("{\"id\":".utf8))) { error in
            guard case .corruptPayload(let type, _)? = error as? ClusterEventDecodingError else { return XCTFail("\(error)") }
            XCTAssertEqual(type, "WriteMade")
        }
    }
}
