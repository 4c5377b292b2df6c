@testable import Audit
import ClusterStateMachine
import Foundation
import XCTest

final class RecordReaderTests: XCTestCase {
    func testTrailFileIsGunzippedAndOtherServicesAreSkippedAndCounted() throws {
        let result = try CloudTrailReader.read(paths: [AuditFixtures.path("race/\(AuditFixtures.trailFile)")])
        XCTAssertEqual(result.records.count, 7)
        XCTAssertEqual(result.skipped, ["iam.amazonaws.com": 1])
        XCTAssertTrue(result.records.allSatisfy { $0.clusterName == "shop-prod" })
    }

    func testADirectoryIsEveryTrailFileUnderIt() throws {
        let result = try CloudTrailReader.read(paths: [AuditFixtures.path("race/cloudtrail")])
        XCTAssertEqual(result.records.count, 8)
        XCTAssertEqual(Set(result.records.map { ($0.file as NSString).lastPathComponent }).count, 2)
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("audit-empty-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        XCTAssertThrowsError(try CloudTrailReader.read(paths: [empty.path])) { XCTAssertTrue("\($0)".contains("holds no .json or .json.gz file"), "\($0)") }
    }

    func testATrailBucketsDigestFilesAreLeftOut() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("audit-bucket-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: root)
        let trail = root.appendingPathComponent("AWSLogs/111122223333/CloudTrail/us-east-2/2025/03/04")
        let digest = root.appendingPathComponent("AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2025/03/04")
        try FileManager.default.createDirectory(at: trail, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: digest, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: AuditFixtures.path("race/\(AuditFixtures.trailFile)"),
                                         toPath: trail.appendingPathComponent("111122223333_CloudTrail_us-east-2_20250304T1415Z_x1Yz.json.gz").path)
        try Data(#"{"awsAccountId": "111122223333", "digestStartTime": "2025-03-04T13:15:00Z", "logFiles": []}"#.utf8)
            .write(to: digest.appendingPathComponent("111122223333_CloudTrail-Digest_us-east-2_trail_us-east-2_20250304T141500Z.json.gz"))
        XCTAssertEqual(try CloudTrailReader.read(paths: [root.path]).records.count, 7)
    }

    func testARequestBodyLoggedAsTextIsRead() throws {
        let line = #"{"requestURI":"/v3/clusters/c-r64vb","method":"PUT","responseCode":200,"requestTimestamp":"2025-03-04T09:03:20-05:00","user":{"name":"user-bob42"},"requestBody":"{\"eksConfig\":{\"displayName\":\"shop-prod\",\"tags\":{\"env\":\"prod\"}}}"}"#
        let path = try AuditFixtures.temporary("text-body.log", Data((line + "\n").utf8))
        let result = try RancherAuditReader.read(paths: [path])
        XCTAssertEqual(result.edits.first?.eksConfig["tags"]?["env"]?.stringValue, "prod")
    }

    func testPercentEncodedResourceArnNamesTheCluster() throws {
        let result = try CloudTrailReader.read(paths: [AuditFixtures.path("race/\(AuditFixtures.trailFile)")])
        let tag = try XCTUnwrap(result.records.first { $0.eventName == "TagResource" })
        XCTAssertEqual(tag.request["resourceArn"]?.stringValue, "arn:aws:eks:us-east-2:111122223333:cluster/shop-prod")
        XCTAssertEqual(tag.clusterName, "shop-prod")
    }

    func testLookupEventsRecordsAreJSONStrings() throws {
        let result = try CloudTrailReader.read(paths: [AuditFixtures.path("race/cloudtrail/lookup-events-console.json")])
        let call = try XCTUnwrap(result.records.first)
        XCTAssertEqual(call.eventName, "UpdateClusterConfig")
        XCTAssertTrue(call.fromConsole)
        XCTAssertEqual(call.eventTime, 1_741_096_931_000)
        XCTAssertEqual(call.updateID, "10bddb13-a71b-425a-b0a6-71cd03e59161")
        // The awscli sample itself is a ConsoleLogin of signin.amazonaws.com: skipped and counted.
        let sample = try CloudTrailReader.read(paths: [AuditFixtures.path("awscli-cloudtrail-lookup-events-envelope.json")])
        XCTAssertEqual(sample.records.count, 0)
        XCTAssertEqual(sample.skipped, ["signin.amazonaws.com": 1])
    }

    func testTheDocumentedRecordSpellsTheClusterClusterName() throws {
        let result = try CloudTrailReader.read(paths: [AuditFixtures.path("aws-docs-eks-CreateCluster-record.json")])
        let r = try XCTUnwrap(result.records.first)
        XCTAssertEqual(r.clusterName, "test")
        XCTAssertEqual(r.eventTime, 1_527_535_003_000)
    }

    func testNoCredentialIsKept() throws {
        let result = try CloudTrailReader.read(paths: [AuditFixtures.path("race/\(AuditFixtures.trailFile)"),
                                                       AuditFixtures.path("race/cloudtrail/lookup-events-console.json")])
        let text = "\(result.records)"
        XCTAssertFalse(text.contains("AKIA"))
        XCTAssertFalse(text.contains("ASIA"))
        XCTAssertFalse(text.contains("AIDAEXAMPLERANCHER01"))
        let secret = try AuditFixtures.temporary("secret.json", Data(#"{"eventSource":"eks.amazonaws.com","eventName":"CreateCluster","eventTime":"2025-03-04T14:00:00Z","requestParameters":{"name":"c","sessionToken":"abc","note":"AKIAIOSFODNN7EXAMPLE"}}"#.utf8))
        let r = try XCTUnwrap(try CloudTrailReader.read(paths: [secret]).records.first)
        XCTAssertEqual(r.request["sessionToken"]?.stringValue, "[redacted]")
        XCTAssertEqual(r.request["note"]?.stringValue, "[redacted]")
    }

    func testTruncatedGzipNamesTheFile() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: AuditFixtures.path("race/\(AuditFixtures.trailFile)")))
        let path = try AuditFixtures.temporary("truncated.json.gz", whole.prefix(whole.count / 2))
        XCTAssertThrowsError(try CloudTrailReader.read(paths: [path])) { error in
            XCTAssertEqual((error as? AuditError)?.file, path)
            XCTAssertTrue("\(error)".contains("truncated gzip"), "\(error)")
        }
    }

    func testNotJSONAndAWrongShapeAreBadInput() throws {
        let notJSON = try AuditFixtures.temporary("broken.json", Data("{\"Records\": [".utf8))
        XCTAssertThrowsError(try CloudTrailReader.read(paths: [notJSON])) { XCTAssertTrue("\($0)".hasPrefix("\(notJSON): not JSON"), "\($0)") }
        let bad = try AuditFixtures.temporary("bad-record.json", Data(#"{"Records": [{"eventSource": "eks.amazonaws.com", "eventName": "DescribeCluster"}]}"#.utf8))
        XCTAssertThrowsError(try CloudTrailReader.read(paths: [bad])) { error in
            XCTAssertEqual("\(error)", "\(bad): Records[0]: expected eventTime as an RFC 3339 time (\"2025-01-01T14:02:11Z\")")
        }
    }

    func testBothTimeSpellings() {
        XCTAssertEqual(Timestamp.milliseconds(.string("2024-03-14T10:01:26.297000-04:00")), 1_710_424_886_297)
        XCTAssertEqual(Timestamp.milliseconds(.double(1565806986.506)), 1_565_806_986_506)
    }

    func testDescribeOutputs() throws {
        let d = try AWSDescriptions.read(describeCluster: AuditFixtures.path("describe-cluster-1.json"), nodegroups: [],
                                         updates: [AuditFixtures.path("describe-update-1.json"), AuditFixtures.path("update-cluster-config-1.json")])
        XCTAssertEqual(d.cluster?["name"]?.stringValue, "my-eks-cluster")
        XCTAssertEqual(d.updates["10bddb13-a71b-425a-b0a6-71cd03e59161"]?.createdAt, 1_710_424_886_297)
        XCTAssertEqual(d.updates["ec883c93-2e9e-407c-a22f-8f6fa6e67d4f"]?.createdAt, 1_565_806_986_506)
        let block = ClusterBlock.fromDescribe(d.cluster!, nodegroups: [])
        let fields = Dictionary(block, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(fields["loggingTypes"], .array(["api", "audit", "authenticator", "controllerManager", "scheduler"].map(JSONValue.string)))
        XCTAssertEqual(fields["publicAccessSources"], .array([.string("22.19.18.2/32")]))
        XCTAssertEqual(fields["region"], .string("us-east-2"))
    }

    func testRancherObjectsAndAuditLog() throws {
        let objects = try RancherObject.read(paths: [AuditFixtures.path("onclusterchange_active.yaml"), AuditFixtures.path("race/rancher-cluster.yaml")])
        XCTAssertEqual(objects.map(\.kind), ["Cluster", "Cluster"])
        XCTAssertEqual(objects[0].spec?["displayName"]?.stringValue, "eks-test")
        XCTAssertEqual(objects[0].spec?["amazonCredentialSecret"]?.stringValue, "[redacted]")
        XCTAssertEqual(objects[0].spec?["secretsEncryption"], .bool(false))
        XCTAssertEqual(objects[0].upstreamSpec?["publicAccess"], .bool(true))
        XCTAssertEqual(objects[1].lastRefresh, 1_741_096_800)
        let ekscc = try XCTUnwrap(try RancherObject.read(paths: [AuditFixtures.path("onclusterchange_ekscc_active.json")]).first)
        XCTAssertEqual(ekscc.kind, "EKSClusterConfig")
        XCTAssertEqual(ekscc.phase, "active")
        XCTAssertNotNil(ekscc.spec?["displayName"])
        let audit = try RancherAuditReader.read(paths: [AuditFixtures.path("race/rancher-api-audit.log")])
        XCTAssertEqual(audit.edits.count, 1)
        XCTAssertEqual(audit.skipped, 1)
        XCTAssertEqual(audit.edits[0].user, "bob")
        XCTAssertEqual(audit.edits[0].at, 1_741_097_000_000)
        let badLine = try AuditFixtures.temporary("audit.log", Data("{\"requestURI\":\"/v3/schemas\",\"method\":\"GET\"}\nnot json\n".utf8))
        XCTAssertThrowsError(try RancherAuditReader.read(paths: [badLine])) { XCTAssertTrue("\($0)".hasPrefix("\(badLine): line 2: not JSON"), "\($0)") }
    }
}
