import Audit
import Foundation

/// The fixtures: copies of `../shared/samples` files and two incidents built from their shapes by
/// `Fixtures/make-incident.py` (edited values, no new field names).
enum AuditFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repo = root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    static let trailFile = "cloudtrail/111122223333_CloudTrail_us-east-2_20250304T1415Z_x1Yz.json.gz"

    /// The whole incident `dir` as `simctl audit` takes it.
    static func input(_ dir: String) -> AuditInput {
        let console = path("\(dir)/cloudtrail/lookup-events-console.json")
        var input = AuditInput(cloudTrail: [path("\(dir)/\(trailFile)")] + (FileManager.default.fileExists(atPath: console) ? [console] : []))
        let nodegroup = path("\(dir)/describe-nodegroup.json")
        if FileManager.default.fileExists(atPath: nodegroup) { input.describeNodegroups = [nodegroup] }
        input.rancherAudit = [path("\(dir)/rancher-api-audit.log")]
        input.describeCluster = path("\(dir)/describe-cluster.json")
        input.rancherObjects = [path("\(dir)/rancher-cluster.yaml")]
        return input
    }

    static func arguments(_ dir: String) -> [String] {
        ["audit", "--cloudtrail", path("\(dir)/\(trailFile)"), path("\(dir)/cloudtrail/lookup-events-console.json"),
         "--rancher-audit", path("\(dir)/rancher-api-audit.log"), "--describe-cluster", path("\(dir)/describe-cluster.json"),
         "--rancher-object", path("\(dir)/rancher-cluster.yaml")]
    }

    static func temporary(_ name: String, _ data: Data) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("audit-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }
}
