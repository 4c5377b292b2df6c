import ClusterStateMachine
import Foundation
import SyncEngine
import Yams

/// Reads scenario files (CONTRACT.md §1) and rejects bad ones before anything runs.
public enum ScenarioLoader {
    static let topLevelKeys = ["name", "description", "start", "profile", "seed", "settings", "aws", "cluster",
                               "rancher", "steps", "until", "expect", "policy"]

    /// Reads and validates the scenario at `path`.
    public static func load(path: String, profileOverride: String? = nil, seedOverride: UInt64? = nil,
                            policyOverride: String? = nil) throws(ScenarioError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: path, line: 0, column: 0, message: "cannot read the file: " + FileProblem.reason(path))
        }
        return try parse(bytes: [UInt8](data), path: path, profileOverride: profileOverride, seedOverride: seedOverride,
                         policyOverride: policyOverride)
    }

    /// Validates a scenario file's bytes (UTF-8 first, then as `parse`); `path` names it in errors.
    public static func parse(bytes: [UInt8], path: String, profileOverride: String? = nil,
                             seedOverride: UInt64? = nil, policyOverride: String? = nil) throws(ScenarioError) -> Scenario {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            guard let bad = YAMLProblem.firstInvalidUTF8(bytes) else {
                throw ScenarioError(file: path, line: 0, column: 0, message: "not UTF-8 text; save the file as UTF-8")
            }
            let hex = String(bad.byte, radix: 16, uppercase: true)
            throw ScenarioError(file: path, line: bad.line, column: bad.column,
                                message: "not UTF-8 text: byte 0x\(hex.count == 1 ? "0" : "")\(hex) does not start or continue a UTF-8 character; save the file as UTF-8")
        }
        return try parse(text, path: path, profileOverride: profileOverride, seedOverride: seedOverride,
                         policyOverride: policyOverride)
    }

    /// Validates scenario text; `path` names it in errors.
    public static func parse(_ text: String, path: String, profileOverride: String? = nil,
                             seedOverride: UInt64? = nil, policyOverride: String? = nil) throws(ScenarioError) -> Scenario {
        let reader = YAMLReader(file: path)
        let root: Node
        do {
            // The parser keeps anchors alive (nodes hold them weakly) while the tree is checked.
            let parser = try Parser(yaml: text)
            guard let node = try parser.singleRoot() else {
                throw ScenarioError(file: path, line: 0, column: 0, message: "the file is empty; expected a scenario mapping")
            }
            try withExtendedLifetime(parser) { () throws(ScenarioError) in try YAMLShape.refuseAnchors(node, path: path) }
            root = node
        } catch let error as ScenarioError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, path: path, text: text)
        } catch {
            throw ScenarioError(file: path, line: 0, column: 0, message: "not valid YAML: \(error)")
        }
        var fields: [String: (keyNode: Node, value: Node)] = [:]
        for (key, keyNode, value) in try reader.mapping(root, "scenario", allowed: topLevelKeys) {
            fields[key] = (keyNode, value)
        }

        guard let nameNode = fields["name"]?.value else {
            throw reader.error(root, "scenario: missing required key \"name\"")
        }
        let name = try reader.string(nameNode, "name")
        guard !name.isEmpty, name.allSatisfy({ ($0.isLowercase && $0.isASCII) || ($0.isNumber && $0.isASCII) || $0 == "-" }) else {
            throw reader.error(nameNode, "name: \"\(name)\" must match [a-z0-9-]+")
        }
        let description = try fields["description"].map { (v) throws(ScenarioError) in try reader.string(v.value, "description") } ?? ""

        var start: Int64 = 1_735_689_600  // 2025-01-01T00:00:00Z
        if let node = fields["start"]?.value {
            let text = try reader.string(node, "start")
            guard let epoch = RFC3339.parse(text) else {
                throw reader.error(node, "start: \"\(text)\" is not an RFC 3339 UTC time like 2025-01-01T10:58:00Z")
            }
            start = epoch
        }

        let profileName: String
        let profileNode = fields["profile"]?.value
        if let profileOverride { profileName = profileOverride }
        else if let profileNode { profileName = try reader.string(profileNode, "profile") }
        else { profileName = Profile.rancher25Cron.name }
        guard let profile = Profile.named(profileName) else {
            throw reader.error(profileOverride == nil ? profileNode : nil,
                               "profile: unknown profile \(profileName); did you mean \(Profile.suggestion(for: profileName))? (`simctl profiles` lists every release)")
        }

        let policyNode = fields["policy"]?.value
        var policy = SyncPolicy.rancher
        if policyOverride != nil || policyNode != nil {
            let policyName: String
            if let policyOverride { policyName = policyOverride } else { policyName = try reader.string(policyNode!, "policy") }
            guard let named = SyncPolicy.named(policyName) else {
                throw reader.error(policyOverride == nil ? policyNode : nil,
                                   "policy: unknown sync policy \"\(policyName)\"; expected one of \(SyncPolicy.names.joined(separator: ", "))")
            }
            policy = named
        }

        var seed: UInt64 = 0
        if let node = fields["seed"]?.value {
            let n = try reader.int(node, "seed", upTo: .max)
            guard n >= 0 else { throw reader.error(node, "seed: expected a whole number ≥ 0") }
            seed = UInt64(n)
        }
        if let seedOverride { seed = seedOverride }

        var refresh = RefreshSettings()
        var timings = SyncTimings()
        var notes: [String] = []
        if let node = fields["settings"]?.value {
            let given = try SettingsReader(reader: reader).read(node, refresh: &refresh, timings: &timings)
            // Rancher 2.5.8+ migrates eks-refresh-cron once, as the gap between two fire times
            // (versions.md §1.4); an explicit eksRefresh wins.
            if profile.refresher == .timer, given.contains("eksRefreshCron"), !given.contains("eksRefresh") {
                let first = refresh.cron.next(after: start)
                refresh.interval = (refresh.cron.next(after: first) - first) * .second
                notes.append("settings.eksRefreshCron \"\(refresh.cron)\" was converted once to eksRefresh \(refresh.interval / .second) s, the gap between two of its fire times, as Rancher 2.5.8+ does (profile \(profile.name))")
            }
        }
        var aws = AWSModelParameters()
        if let node = fields["aws"]?.value {
            try AWSParametersReader(reader: reader).read(node, into: &aws)
        }

        guard let clusterNode = fields["cluster"]?.value else {
            throw reader.error(root, "scenario: missing required key \"cluster\" (the EKS cluster as it exists at offset 0)")
        }
        let cluster = try ClusterReader(reader: reader).read(clusterNode, defaultName: name)
        // The text stored with a run and shown in pages holds the credential's name redacted.
        var source = text
        if case .mapping(let map) = clusterNode, let secret = map["amazonCredentialSecret"] {
            guard let redacted = CredentialRedaction.redactedSource(text, value: secret) else {
                throw reader.error(secret, "cluster.amazonCredentialSecret: write the secret's name on one line (it is stored redacted)")
            }
            source = redacted
        }

        var managed = Managed.all
        if let node = fields["rancher"]?.value {
            for (key, _, value) in try reader.mapping(node, "rancher", allowed: ["managed"]) where key == "managed" {
                managed = try readManaged(value, reader: reader)
            }
        }

        var steps: [Step] = []
        if let node = fields["steps"]?.value {
            steps = try StepReader(reader: reader, cluster: cluster, startEpochSeconds: start).read(node)
        }

        var until: SimTime?
        if let node = fields["until"]?.value {
            until = try reader.duration(node, "until")
            if let last = steps.map(\.at).max(), let u = until, u < last {
                throw reader.error(node, "until: \(DurationText.format(u)) ends before the last step at \(DurationText.format(last))")
            }
        }

        var expect: Expectations?
        if let node = fields["expect"]?.value {
            expect = try ExpectationsReader(reader: reader, stepCount: steps.count).read(node)
        }

        var scenario = Scenario(
            name: name, description: description, startEpochSeconds: start, profile: profile, seed: seed,
            refresh: refresh, timings: timings, aws: aws, cluster: cluster, managed: managed, steps: steps,
            until: until, expect: expect, sourcePath: path, source: source, notes: notes)
        scenario.policy = policy
        return scenario
    }

    /// `rancher.managed` (and a fleet's `clusters.managed`): all, none, or a list of top-level keys.
    public static func readManaged(_ node: Node, reader: YAMLReader) throws(ScenarioError) -> Managed {
        if case .scalar = node {
            switch try reader.string(node, "rancher.managed") {
            case "all": return .all
            case "none": return .none
            case let other: throw reader.error(node, "rancher.managed: \"\(other)\"; expected all, none, or a list of top-level keys")
            }
        }
        var keys: [String] = []
        for item in try reader.sequence(node, "rancher.managed") {
            let key = try reader.string(item, "rancher.managed")
            guard let field = FieldSchema.clusterField(key), field.nillable else {
                let nillable = FieldSchema.cluster.filter(\.nillable).map(\.name)
                throw reader.error(item, "rancher.managed: \"\(key)\" is not a nillable top-level field; expected one of \(nillable.joined(separator: ", "))")
            }
            keys.append(key)
        }
        return .keys(keys)
    }

    /// A Yams error as a located `ScenarioError`.
    public static func yamlError(_ error: YamlError, path: String, text: String) -> ScenarioError {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let at = DuplicateKeyLocator(text: text).secondKey(key, mappingAt: context.mark.line, column: context.mark.column)
                ?? (context.mark.line, context.mark.column)
            return ScenarioError(file: path, line: at.line, column: at.column, message: "duplicate key \"\(key)\"")
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            let words = YAMLProblem.explain(what).map { "\($0) (YAML parser: \(what))" } ?? what
            return ScenarioError(file: path, line: mark.line, column: mark.column, message: "not valid YAML: \(words)")
        default:
            return ScenarioError(file: path, line: 0, column: 0, message: "not valid YAML: \(error)")
        }
    }
}
