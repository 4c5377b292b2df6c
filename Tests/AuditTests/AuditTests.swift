@testable import Audit
import ClusterStateMachine
import Foundation
import Simulator
import SyncEngine
import XCTest

final class AuditTests: XCTestCase {
    func testRancherPrincipalAndTicksAreInferredFromRegularReadBursts() throws {
        let evidence = try Evidence.gather(AuditFixtures.input("race"))
        let a = evidence.attribution
        XCTAssertEqual(a.rancherPrincipal, "arn:aws:iam::111122223333:user/rancher-eks")
        XCTAssertTrue(a.principalReason.hasPrefix("inferred"))
        XCTAssertEqual(a.period, 300_000)
        XCTAssertEqual(a.ticks, [1_741_096_800_000, 1_741_097_100_000, 1_741_097_400_000])
        // The 14:03:21 pass and the 14:03:51 poll are the operator's, not ticks.
        XCTAssertEqual(a.calls.filter { $0.actor == .operator }.count, 4)
        XCTAssertEqual(a.calls.filter { if case .console = $0.actor { true } else { false } }.count, 1)
    }

    func testAGivenPrincipalWins() throws {
        var input = AuditFixtures.input("race")
        input.rancherPrincipal = "arn:aws:iam::111122223333:user/someone-else"
        let evidence = try Evidence.gather(input)
        XCTAssertTrue(evidence.calls.allSatisfy { $0.actor != .operator && $0.actor != .refresher })
    }

    func testTheDocumentedRaceIsLostInTheRecordsAndTheModelReproducesIt() throws {
        let audit = try Audit.run(AuditFixtures.input("race"))
        XCTAssertEqual(audit.observedVerdict, ["console privateAccess"])
        XCTAssertTrue(audit.reproduced)
        XCTAssertEqual(audit.reconstruction.scenario.profile.name, "rancher-2.5.7", "the newest cron release")
        let lost = try XCTUnwrap(audit.observed.findings.lost.first)
        XCTAssertEqual(lost.finalClobber?.by, .operator)
        XCTAssertEqual(lost.write.basis, [.initial])
        // Each person's step moved across its second: lost all the way (the verdict does not hang on the order).
        XCTAssertEqual(audit.orderSweeps.count, 2)
        for sweep in audit.orderSweeps {
            XCTAssertEqual(sweep.windows.map { [$0.from, $0.to] }, [[-1000, 1001]])
            XCTAssertEqual(sweep.windows.first?.lost.map(\.field.raw), ["privateAccess"])
        }
        // What would have prevented it, each checked by the model.
        let prevention = AuditReport(audit).prevention
        XCTAssertTrue(prevention.contains { $0.contains("had Rancher not managed privateAccess") }, "\(prevention)")
        XCTAssertTrue(prevention.contains { $0.contains("come after the refresher's 14:05:00 tick") }, "\(prevention)")
        // The operator's accepted call bounds the console update below 70 s.
        let bound = try XCTUnwrap(audit.reconstruction.bounds.first { $0.record.fromConsole })
        XCTAssertEqual(bound.atMost, 70_000)
        XCTAssertLessThan(bound.chosen, 70_000)
    }

    func testANearMissIsNotReported() throws {
        let audit = try Audit.run(AuditFixtures.input("near-miss"))
        XCTAssertEqual(audit.observedVerdict, [])
        XCTAssertTrue(audit.reproduced)
        // The form showed the refreshed privateAccess: that is not bob's change.
        XCTAssertEqual(audit.reconstruction.steps[1].changes.map(\.path.raw), ["tags.env"])
        XCTAssertTrue(audit.orderSweeps.allSatisfy { $0.windows.isEmpty })
        XCTAssertEqual(AuditReport(audit).prevention, [])
        // An update still running at the 14:05 tick would have lost it: the scan says so.
        let scan = try XCTUnwrap(audit.durationScans.first)
        XCTAssertEqual(scan.ranges.first?.lost, [])
        XCTAssertEqual(scan.ranges.last?.lost, ["console privateAccess"])
    }

    func testAConsoleTagUntaggedByTheOperatorAfterARancherTagEditIsLost() throws {
        let audit = try Audit.run(AuditFixtures.input("tag"))
        XCTAssertEqual(audit.observedVerdict, ["console tags.owner"])
        XCTAssertEqual(audit.observed.findings.lost.first?.finalClobber?.action, "UntagResource")
        XCTAssertTrue(audit.reproduced)
    }

    func testANodeGroupDeletedAfterAFailedListNodegroupsIsAnUnrequestedChange() throws {
        let audit = try Audit.run(AuditFixtures.input("ngdelete"))
        XCTAssertEqual(audit.evidence.attribution.ticks.count, 3, "the failed read belongs to the 14:05 tick")
        XCTAssertEqual(audit.reconstruction.failedReads.map(\.eventName), ["ListNodegroups"])
        XCTAssertEqual(audit.unrequested.map(\.field.raw), ["nodeGroups.ng1"])
        XCTAssertEqual(audit.observedVerdict, [])
        // The observed refresher tick at 14:05 failed to read, as the records say.
        XCTAssertTrue(audit.observed.result.log.contains { t in
            if case .awsCalled(let c) = t.event { c.caller == .refresher && c.operation == "ListNodegroups" && c.error != nil } else { false }
        })
        // The reconstructed scenario refuses the same read at the same tick.
        XCTAssertTrue(audit.reconstruction.yaml.contains("{at: 4m59s999ms, actor: aws, throttle: {operation: ListNodegroups, ratePerSecond: 0, burst: 0, for: 1s1ms}}"),
                      audit.reconstruction.yaml)
        XCTAssertTrue(audit.model.result.log.contains { t in
            if case .awsCalled(let c) = t.event { c.caller == .refresher && c.operation == "ListNodegroups" && c.error != nil } else { false }
        })
        // Whether the model deletes the node group too is the release's behaviour; the verdict follows it.
        XCTAssertEqual(audit.reproduced, audit.unrequestedReproduced.count == 1)
        XCTAssertTrue(AuditReport(audit).text.contains("rancher#35804"))
    }

    func testATimerReleaseWithTheGateIsInferredAndItsPhaseKept() throws {
        let audit = try Audit.run(AuditFixtures.input("timer"))
        XCTAssertEqual(audit.reconstruction.scenario.profile.name, "rancher-2.12.12", "the newest release with the gate")
        XCTAssertTrue(audit.reconstruction.profileReason.contains("ListUpdates"))
        XCTAssertTrue(audit.reconstruction.yaml.contains("lastRefresh: -5m"))
        XCTAssertEqual(audit.reconstruction.scenario.startEpochSeconds, 1_741_096_817)
        XCTAssertEqual(audit.observedVerdict, ["console privateAccess"])
        XCTAssertTrue(audit.reproduced)
        XCTAssertEqual(audit.mismatches, [])
    }

    /// `--profile` wins, but a release the records contradict is said to be one.
    func testAGivenReleaseThatTheRecordsContradictIsNamedAsSuch() throws {
        var input = AuditFixtures.input("race")
        input.profile = "rancher-2.10.3"
        let audit = try Audit.run(input)
        XCTAssertEqual(audit.reconstruction.scenario.profile.name, "rancher-2.10.3")
        XCTAssertTrue(audit.reconstruction.profileReason.hasPrefix("given with --profile, although the records point elsewhere: "), audit.reconstruction.profileReason)
        XCTAssertTrue(audit.reconstruction.profileReason.hasSuffix("that fits rancher-2.5.0 … 2.5.7"), audit.reconstruction.profileReason)
        input.profile = "rancher-2.5.7"
        XCTAssertEqual(try Audit.run(input).reconstruction.profileReason, "given with --profile")
    }

    func testTheSameRecordsGiveTheSameBytes() throws {
        let a = try AuditReport(Audit.run(AuditFixtures.input("race")))
        let b = try AuditReport(Audit.run(AuditFixtures.input("race")))
        XCTAssertEqual(a.json.rendered(pretty: true), b.json.rendered(pretty: true))
        XCTAssertEqual(a.text, b.text)
    }

    func testWithoutTicksATimerReleaseTakesItsPhaseFromKeLastRefresh() throws {
        var input = AuditFixtures.input("timer")
        input.cloudTrail = [AuditFixtures.path("timer/cloudtrail/lookup-events-console.json")]
        input.profile = "rancher-2.5.8-timer"
        let audit = try Audit.run(input)
        XCTAssertEqual(audit.evidence.attribution.ticks, [])
        // ke-last-refresh is 14:00:17; the scenario starts at 14:01:00, so the last refresh was 43 s
        // before it and the first tick is due at 14:05:17, the cluster's real phase.
        XCTAssertTrue(audit.reconstruction.yaml.contains("lastRefresh: -43s"), audit.reconstruction.yaml)
        XCTAssertTrue(audit.reconstruction.refreshReason.contains("ke-last-refresh"))
        let firstTick = audit.model.result.log.first { t in
            if case .workStarted(let w) = t.event { w.kind == .refresherTick } else { false }
        }
        XCTAssertEqual(firstTick.map { audit.model.result.clock($0.at) }, "14:05:17")
    }

    func testTheReconstructedScenarioLoads() throws {
        let audit = try Audit.run(AuditFixtures.input("race"))
        let again = try ScenarioLoader.parse(audit.reconstruction.yaml, path: "again")
        XCTAssertEqual(again.steps.count, 2)
        XCTAssertEqual(again.steps.map(\.at), [131_000, 200_000])  // 14:02:11 and 14:03:20 after the 14:00:00 tick
        XCTAssertEqual(again.startEpochSeconds, 1_741_096_800)
    }

    func testProfileInferenceNamesAProfile() throws {
        let evidence = try Evidence.gather(AuditFixtures.input("race"))
        let (name, _) = try ProfileInference.infer(evidence.attribution, override: nil, startEpochSeconds: 0)
        XCTAssertNotNil(Profile.named(name))
        XCTAssertThrowsError(try ProfileInference.infer(evidence.attribution, override: "rancher-9", startEpochSeconds: 0))
    }

    func testSeveralClustersWithoutClusterIsBadInput() throws {
        let other = try AuditFixtures.temporary("other.json", Data(#"{"Records": [{"eventSource": "eks.amazonaws.com", "eventName": "DescribeCluster", "eventTime": "2025-03-04T14:01:00Z", "requestParameters": {"name": "other"}}]}"#.utf8))
        var input = AuditFixtures.input("race")
        input.describeCluster = nil
        input.cloudTrail.append(other)
        XCTAssertThrowsError(try Evidence.gather(input)) { XCTAssertTrue("\($0)".contains("several clusters (other, shop-prod); choose one with --cluster"), "\($0)") }
        input.cluster = "nothing-here"
        XCTAssertThrowsError(try Evidence.gather(input)) { XCTAssertTrue("\($0)".contains("no EKS record of cluster nothing-here"), "\($0)") }
    }
}

final class EvidenceTests: XCTestCase {
    /// A record as CloudTrailReader makes it, for inference tests.
    func record(_ seconds: Int64, _ name: String, agent: String, order: Int) -> CloudTrailRecord {
        CloudTrailRecord(file: "t.json", location: "Records[\(order)]", order: order, eventTime: seconds * 1000, eventName: name,
                         eventID: "", principal: "arn:aws:iam::1:user/rancher", roleArn: nil, identityType: "IAMUser", userAgent: agent,
                         fromConsole: false, invokedBy: nil, clusterName: "c", nodegroupName: nil, request: .null,
                         response: .null, errorCode: nil, errorMessage: nil)
    }

    func profile(ticks: [Int64], agent: String, operatorCalls: [String]) throws -> String {
        var records = ticks.enumerated().map { record($0.element, "DescribeCluster", agent: agent, order: $0.offset) }
        let pass = ticks[0] + 100
        records += operatorCalls.enumerated().map { record(pass, $0.element, agent: agent, order: 100 + $0.offset) }
        return try ProfileInference.infer(Attribution(records: records, rancherPrincipal: nil), override: nil, startEpochSeconds: 0).name
    }

    func testTheReleaseFollowsTheTicksTheSDKAndTheGate() throws {
        let onTheClock: [Int64] = [1_741_096_800, 1_741_097_100, 1_741_097_400]
        let ownPhase: [Int64] = [1_741_096_817, 1_741_097_117, 1_741_097_417]
        XCTAssertEqual(try profile(ticks: onTheClock, agent: "aws-sdk-go/1.36.7 (go1.13.8b4; linux; amd64)", operatorCalls: ["DescribeCluster", "TagResource"]), "rancher-2.5.7")
        XCTAssertEqual(try profile(ticks: ownPhase, agent: "aws-sdk-go/1.36.7 (go1.13.8b4; linux; amd64)", operatorCalls: ["DescribeCluster", "TagResource"]), "rancher-2.8.15")
        XCTAssertEqual(try profile(ticks: ownPhase, agent: "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5", operatorCalls: ["DescribeCluster", "UpdateClusterConfig"]), "rancher-2.10.3")
        XCTAssertEqual(try profile(ticks: ownPhase, agent: "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5", operatorCalls: ["DescribeCluster", "ListUpdates", "UpdateClusterConfig"]), "rancher-2.12.12")
    }

    func testAnAssumedRoleIsRecognisedAcrossItsSessions() throws {
        let ticks: [Int64] = [1_741_096_817, 1_741_097_117, 1_741_097_417]
        let records = ticks.enumerated().map { i, t -> CloudTrailRecord in
            var r = record(t, "DescribeCluster", agent: "aws-sdk-go-v2/1.30.3", order: i)
            r.principal = "arn:aws:sts::1:assumed-role/rancher-eks/session-\(i)"
            r.roleArn = "arn:aws:iam::1:role/rancher-eks"
            return r
        }
        let inferred = Attribution(records: records, rancherPrincipal: nil)
        XCTAssertEqual(inferred.rancherPrincipal, "arn:aws:iam::1:role/rancher-eks")
        XCTAssertEqual(inferred.ticks.count, 3)
        let given = Attribution(records: records, rancherPrincipal: "arn:aws:iam::1:role/rancher-eks")
        XCTAssertTrue(given.calls.allSatisfy { $0.actor == .refresher })
    }

    func testEKSCallsMapToFieldPaths() {
        func call(_ name: String, _ request: JSONValue, nodegroup: String? = nil) -> [ObservedChange]? {
            var r = record(0, name, agent: "", order: 0)
            r.request = request
            r.nodegroupName = nodegroup
            return ChangeMapping.changes(of: r, current: SpecDocument())
        }
        XCTAssertEqual(call("UpdateClusterVersion", .object([("name", .string("c")), ("version", .string("1.30"))])),
                       [ObservedChange(path: "kubernetesVersion", value: .string("1.30"))])
        XCTAssertEqual(call("UpdateNodegroupVersion", .object([("version", .string("1.30"))]), nodegroup: "ng1"),
                       [ObservedChange(path: "nodeGroups.ng1.version", value: .string("1.30"))])
        // awscli's update-nodegroup-config examples: labels to add and remove, and scaling together.
        let labels: JSONValue = .object([("labels", .object([("addOrUpdateLabels", .object([("my-key", .string("my-value"))])),
                                                             ("removeLabels", .array([.string("old")]))])),
                                         ("scalingConfig", .object([("desiredSize", .int(2)), ("maxSize", .int(3))]))])
        XCTAssertEqual(call("UpdateNodegroupConfig", labels, nodegroup: "ng1"), [
            ObservedChange(path: "nodeGroups.ng1.desiredSize", value: .int(2)), ObservedChange(path: "nodeGroups.ng1.maxSize", value: .int(3)),
            ObservedChange(path: "nodeGroups.ng1.labels.my-key", value: .string("my-value")), ObservedChange(path: "nodeGroups.ng1.labels.old", value: nil)])
        let logging: JSONValue = .object([("logging", .object([("clusterLogging", .array([
            .object([("types", .array([.string("api"), .string("audit")])), ("enabled", .bool(true))])]))]))])
        XCTAssertEqual(call("UpdateClusterConfig", logging), [ObservedChange(path: "loggingTypes", value: .strings(["api", "audit"]))])
        XCTAssertNil(call("CreateAccessEntry", .object([("name", .string("c"))])))
    }

    func testARancherBodyThatDropsAKeyUnmanagesIt() {
        let before: JSONValue = .object([("privateAccess", .bool(false)), ("tags", .object([("team", .string("shop"))]))])
        let after: JSONValue = .object([("privateAccess", .null), ("tags", .object([("team", .string("shop")), ("env", .string("prod"))]))])
        let changes = ChangeMapping.changes(edit: after, before: before)
        XCTAssertEqual(changes, [ObservedChange(path: "tags.env", value: .string("prod")), ObservedChange(path: "privateAccess", value: nil)])
    }

    func testATimerReleaseTakesItsPhaseFromTheFirstTick() throws {
        let ticks: [Int64] = [1_741_096_817, 1_741_097_117, 1_741_097_417]
        let records = ticks.enumerated().map { record($0.element, "DescribeCluster", agent: "aws-sdk-go/1.44.0", order: $0.offset) }
        let attribution = Attribution(records: records, rancherPrincipal: nil)
        XCTAssertEqual(attribution.period, 300_000)
        XCTAssertEqual(attribution.ticks, ticks.map { $0 * 1000 })
    }

    func testAnUpdateDescribeUpdateShowsFailedIsFailedNotLost() throws {
        var update = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: AuditFixtures.path("describe-update-1.json")))) as! [String: Any]
        var u = update["update"] as! [String: Any]
        u["id"] = "10bddb13-a71b-425a-b0a6-71cd03e59161"
        u["status"] = "Failed"
        update["update"] = u
        let file = try AuditFixtures.temporary("describe-update-failed.json", try JSONSerialization.data(withJSONObject: update))
        var input = AuditFixtures.input("race")
        input.describeUpdates = [file]
        let audit = try Audit.run(input)
        XCTAssertEqual(audit.observedVerdict, [])
        XCTAssertEqual(audit.observed.findings.failed.map(\.path.raw), ["privateAccess"])
        XCTAssertTrue(audit.reconstruction.yaml.contains("failNextUpdate: true"))
        // With the console's update failed, AWS already had privateAccess false: the model refuses the
        // operator's call as a no-op that AWS accepted, and the audit says so.
        XCTAssertEqual(audit.mismatches.count, 1)
        XCTAssertTrue(audit.mismatches[0].contains("the model refused it (InvalidParameterException"), audit.mismatches[0])
    }
}
