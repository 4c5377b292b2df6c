import ArgumentParser
import Audit
import EventStore
import Foundation
import Simulator

/// `simctl audit`: real records in, lost writes out, and a scenario the model replays.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit a real incident from CloudTrail, Rancher's audit log and objects, and AWS describe outputs.",
        discussion: "Exit status: 0 audited (whatever was found), 2 bad input (nothing is written).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    @Option(parsing: .upToNextOption, help: "CloudTrail trail files (.json or .json.gz), lookup-events output, or directories of them.")
    var cloudtrail: [String]
    @Option(name: .customLong("rancher-audit"), parsing: .upToNextOption, help: "Rancher API audit logs (JSON lines; bodies at AUDIT_LEVEL 2+).")
    var rancherAudit: [String] = []
    @Option(name: .customLong("describe-cluster"), help: "`aws eks describe-cluster` output: the cluster at the start.")
    var describeCluster: String?
    @Option(name: .customLong("describe-nodegroup"), parsing: .upToNextOption, help: "`aws eks describe-nodegroup` outputs.")
    var describeNodegroup: [String] = []
    @Option(name: .customLong("describe-update"), parsing: .upToNextOption, help: "`aws eks list-updates` / `describe-update` outputs.")
    var describeUpdate: [String] = []
    @Option(name: .customLong("rancher-object"), parsing: .upToNextOption, help: "`kubectl get clusters.management.cattle.io` / `eksclusterconfig` -o yaml objects.")
    var rancherObject: [String] = []
    @Option(name: .customLong("rancher-principal"), help: "The IAM ARN of Rancher's cloud credential (default: inferred from its read bursts).")
    var rancherPrincipal: String?
    @Option(help: "The Rancher release (default: inferred from the records).") var profile: String?
    @Option(help: "The EKS cluster to audit, when the records name several.") var cluster: String?
    @Option(help: "Append the observed history to this SQLite database as a run of kind observed.") var db: String?
    @Option(name: .customLong("scenario-out"), help: ArgumentHelp("Write the reconstructed scenario here.", valueName: "path"))
    var scenarioOut: String?
    @Option(help: "Output format: text, json or html (the observed history's timeline page).") var format: Format = .text

    func run() throws {
        var input = AuditInput(cloudTrail: cloudtrail)
        input.rancherAudit = rancherAudit
        input.describeCluster = describeCluster
        input.describeNodegroups = describeNodegroup
        input.describeUpdates = describeUpdate
        input.rancherObjects = rancherObject
        input.rancherPrincipal = rancherPrincipal
        input.profile = profile
        input.cluster = cluster
        let audit: Audit
        do { audit = try Audit.run(input) } catch { throw SimctlExit.badInput("simctl audit: \(error)") }

        if let scenarioOut { try PictureOutput.save(audit.reconstruction.yaml, to: scenarioOut) }
        var runID: Int64?
        if let db {
            let store: EventStore
            do { store = try EventStore(path: db) } catch { throw SimctlExit.badInput("simctl: \(error)") }
            runID = try audit.record(in: store)
        }
        let report = AuditReport(audit, runID: runID, database: db)
        switch format {
        case .text: Output.print(report.text)
        case .json: Output.print(report.json.rendered(pretty: true))
        case .html: Output.print(HTMLPage.run(audit.observed))
        }
    }
}
