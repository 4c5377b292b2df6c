import ClusterStateMachine
import Foundation
import Simulator
import SyncEngine
import Yams

/// Reads fleet files and rejects bad ones (file:line:column) before anything runs.
public enum FleetLoader {
    static let topLevelKeys = ["name", "description", "start", "duration", "seed", "clusters", "workload", "aws",
                               "rancherRestart", "compare", "expect"]

    /// Reads and validates the fleet file at `path`.
    public static func load(path: String) throws(ScenarioError) -> FleetFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(file: path, line: 0, column: 0, message: "cannot read the file: " + FileProblem.reason(path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: path, line: 0, column: 0, message: "not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Validates fleet text; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws(ScenarioError) -> FleetFile {
        let reader = YAMLReader(file: path)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioError(file: path, line: 0, column: 0, message: "the file is empty; expected a fleet mapping")
            }
            root = node
        } catch let error as ScenarioError {
            throw error
        } catch let error as YamlError {
            throw ScenarioLoader.yamlError(error, path: path, text: text)
        } catch {
            throw ScenarioError(file: path, line: 0, column: 0, message: "not valid YAML: \(error)")
        }
        var fields: [String: Node] = [:]
        for (key, _, value) in try reader.mapping(root, "fleet", allowed: topLevelKeys) { fields[key] = value }
        func required(_ key: String, _ what: String) throws(ScenarioError) -> Node {
            guard let node = fields[key] else { throw reader.error(root, "fleet: missing required key \"\(key)\" (\(what))") }
            return node
        }

        let nameNode = try required("name", "[a-z0-9-]+")
        let name = try reader.string(nameNode, "name")
        guard !name.isEmpty, name.allSatisfy({ ($0.isLowercase && $0.isASCII) || ($0.isNumber && $0.isASCII) || $0 == "-" }) else {
            throw reader.error(nameNode, "name: \"\(name)\" must match [a-z0-9-]+")
        }
        if let node = fields["description"] { _ = try reader.string(node, "description") }
        var start: Int64 = 1_735_689_600
        if let node = fields["start"] {
            let s = try reader.string(node, "start")
            guard let epoch = RFC3339.parse(s) else {
                throw reader.error(node, "start: \"\(s)\" is not an RFC 3339 UTC time like 2025-02-03T00:00:00Z")
            }
            start = epoch
        }
        let durationNode = try required("duration", "how long people edit, like 24h")
        let duration = try reader.duration(durationNode, "duration")
        guard duration >= SimTime.minute else { throw reader.error(durationNode, "duration: expected at least 1m") }
        var seed: UInt64 = 0
        if let node = fields["seed"] {
            let n = try reader.int(node, "seed")
            guard n >= 0 else { throw reader.error(node, "seed: expected a whole number ≥ 0") }
            seed = UInt64(n)
        }

        let clusters = try ClustersBlock.read(try required("clusters", "count and template"), name: name, reader: reader)
        var aws = AWSModelParameters()
        var rateLimits: [String: RateLimit] = [:]
        var callLatency: SimTime = 100
        if let node = fields["aws"] {
            for (key, _, value) in try reader.mapping(node, "aws", allowed: AWSParametersReader.keys + ["rateLimits", "callLatency"]) {
                switch key {
                case "rateLimits": rateLimits = try readRateLimits(value, reader: reader)
                case "callLatency": callLatency = try reader.duration(value, "aws.callLatency")
                default: try AWSParametersReader(reader: reader).read(key: key, value: value, into: &aws)
                }
            }
        }
        let timings = SyncTimings()
        var restart: RancherRestart?
        if let node = fields["rancherRestart"] {
            var at: SimTime?
            var down: SimTime = 0
            for (key, _, value) in try reader.mapping(node, "rancherRestart", allowed: ["at", "down"]) {
                if key == "at" { at = try reader.duration(value, "rancherRestart.at") } else { down = try reader.duration(value, "rancherRestart.down") }
            }
            guard let at else { throw reader.error(node, "rancherRestart: missing \"at\" (when Rancher stops, like 6h)") }
            guard at < duration else { throw reader.error(node, "rancherRestart.at: \(DurationText.format(at)) is not before the end (\(DurationText.format(duration)))") }
            restart = RancherRestart(at: at, down: down)
        }

        var expect = FleetExpectations()
        if let node = fields["expect"] {
            for (key, _, value) in try reader.mapping(node, "expect", allowed: ["shorterRefreshLosesLess", "shorterRefreshCallsMore"]) {
                let b = try reader.bool(value, "expect.\(key)")
                if key == "shorterRefreshLosesLess" { expect.shorterRefreshLosesLess = b } else { expect.shorterRefreshCallsMore = b }
            }
        }
        let workload = try WorkloadBlock.read(try required("workload", "people's edits per cluster"), template: clusters.template, reader: reader)
        let (profiles, settings) = try CompareBlock.read(try required("compare", "profiles and refresh settings"), reader: reader)

        return FleetFile(
            name: name, startEpochSeconds: start, duration: duration, seed: seed, clusterCount: clusters.count,
            accounts: clusters.accounts, template: clusters.template, managed: clusters.managed, workload: workload,
            aws: aws, rateLimits: rateLimits, callLatency: callLatency, restart: restart, profiles: profiles,
            settings: settings, timings: timings, expect: expect, source: text, sourcePath: path)
    }

    static func readRateLimits(_ node: Node, reader: YAMLReader) throws(ScenarioError) -> [String: RateLimit] {
        var limits: [String: RateLimit] = [:]
        for (operation, keyNode, value) in try reader.mapping(node, "aws.rateLimits") {
            guard CallStatistics.knownOperations.contains(operation) else {
                throw reader.error(keyNode, "aws.rateLimits: unknown operation \"\(operation)\"; expected one of \(CallStatistics.knownOperations.joined(separator: ", "))")
            }
            var rate: Double?
            var burst: Double?
            let what = "aws.rateLimits.\(operation)"
            for (key, _, v) in try reader.mapping(value, what, allowed: ["ratePerSecond", "burst"]) {
                let n = try reader.number(v, "\(what).\(key)")
                guard n >= 0, n.isFinite else { throw reader.error(v, "\(what).\(key): expected a number ≥ 0") }
                if key == "ratePerSecond" { rate = n } else { burst = n }
            }
            guard let rate, let burst else { throw reader.error(value, "\(what): expected {ratePerSecond: N, burst: N}") }
            limits[operation] = RateLimit(ratePerSecond: rate, burst: burst)
        }
        return limits
    }
}
