import ClusterStateMachine
import SyncEngine
import Yams

/// Reads `steps:`: people's edits and faults, each checked against the cluster it will act on.
struct StepReader {
    let reader: YAMLReader
    let cluster: SpecDocument
    /// The scenario's `start`, for `at:` written as a clock time.
    var startEpochSeconds: Int64 = 1_735_689_600

    static let keys = ["at", "actor", "set", "unset", "down", "failNextUpdate", "platformUpdate", "throttle", "note"]

    func read(_ node: Node) throws(ScenarioError) -> [Step] {
        var steps: [(Step, Node)] = []
        for (i, item) in try reader.sequence(node, "steps").enumerated() {
            steps.append((try step(item, index: i), item))
        }
        // Node groups a step may name: those at offset 0 and those created by an earlier step.
        var known = Set(cluster.nodeGroupNames ?? [])
        // Each node group's scaling as AWS would hold it, to refuse a Rancher edit outside its bounds.
        var scaling: [String: [String: WriteValue]] = [:]
        for name in known {
            for key in ["minSize", "maxSize", "desiredSize"] {
                if let n = cluster.int(FieldPath(unchecked: "nodeGroups.\(name).\(key)")) { scaling[name, default: [:]][key] = .leaf(.int(n)) }
            }
        }
        let ordered = steps.enumerated().sorted { ($0.element.0.at, $0.offset) < ($1.element.0.at, $1.offset) }
        for (index, (step, stepNode)) in ordered {
            guard case .edit(let set, let unset) = step.action else { continue }
            try checkScaling(set, step: step, index: index, node: stepNode, scaling: &scaling)
            for (path, value) in set {
                if let name = path.nodeGroupName {
                    if path.raw == "nodeGroups.\(name)", case .map = value {
                        known.insert(name)
                    } else if !known.contains(name) {
                        throw reader.error(stepNode, "steps[\(index)]: node group \"\(name)\" does not exist at \(DurationText.format(step.at)) (\(path)); \(Self.existing(known)); create it first with set: {nodeGroups.\(name): {...}}" + Suggestion.didYouMean(name, among: known.sorted()))
                    }
                }
            }
            for path in unset {
                if let name = path.nodeGroupName, !known.contains(name) {
                    throw reader.error(stepNode, "steps[\(index)]: node group \"\(name)\" does not exist at \(DurationText.format(step.at)) (unset \(path)); \(Self.existing(known))" + Suggestion.didYouMean(name, among: known.sorted()))
                }
            }
        }
        return steps.map(\.0)
    }

    /// Applies a step's scaling changes to what AWS would hold. A Rancher edit that leaves a group
    /// outside `minSize ≤ desiredSize ≤ maxSize` is refused (the operator would retry it forever);
    /// a console call that does is refused by AWS at run time, and changes nothing.
    private func checkScaling(_ set: [(FieldPath, WriteValue)], step: Step, index: Int, node: Node,
                              scaling: inout [String: [String: WriteValue]]) throws(ScenarioError) {
        var next = scaling
        for (path, value) in set {
            guard let name = path.nodeGroupName else { continue }
            let parts = path.raw.split(separator: ".")
            if parts.count == 2, case .map(let group) = value {
                next[name] = group.filter { ["minSize", "maxSize", "desiredSize"].contains($0.key) }
            } else if parts.count == 3, ["minSize", "maxSize", "desiredSize"].contains(String(parts[2])) {
                next[name, default: [:]][String(parts[2])] = value
            }
        }
        for (name, group) in next where group != scaling[name] {
            if step.actor == .console {
                do { try AWSLimits(reader: reader).checkScaling(group, name: name, node: node, what: "steps[\(index)]") } catch { continue }
            } else {
                try AWSLimits(reader: reader).checkScaling(group, name: name, node: node, what: "steps[\(index)]")
            }
            scaling[name] = group
        }
    }

    /// `the cluster has node groups ng1, ng2 then (did you mean "ng1"?)`.
    static func existing(_ known: Set<String>) -> String {
        guard !known.isEmpty else { return "the cluster has no node groups then" }
        let names = known.sorted()
        return "the cluster has node group\(names.count == 1 ? "" : "s") \(names.joined(separator: ", ")) then"
    }

    private func step(_ node: Node, index i: Int) throws(ScenarioError) -> Step {
        let what = "steps[\(i)]"
        var fields: [String: Node] = [:]
        for (key, _, value) in try reader.mapping(node, what, allowed: Self.keys) { fields[key] = value }
        guard let atNode = fields["at"] else { throw reader.error(node, "\(what): missing \"at\" (a duration from start, like 90s)") }
        let at = try offset(atNode, "\(what).at")
        guard let actorNode = fields["actor"] else { throw reader.error(node, "\(what): missing \"actor\" (rancher, console, operator or aws)") }
        let actorName = try reader.string(actorNode, "\(what).actor")
        guard let actor = Actor(rawValue: actorName), [.rancher, .console, .operator, .aws].contains(actor) else {
            throw reader.error(actorNode, "\(what).actor: \"\(actorName)\"\(Suggestion.expected(actorName, among: ["rancher", "console", "operator", "aws"], list: "rancher, console (people) or operator, aws (faults)"))")
        }
        let line = node.mark?.line ?? 0
        func only(_ allowed: [String]) throws(ScenarioError) {
            for (key, value) in fields where !(["at", "actor", "note"] + allowed).contains(key) {
                throw reader.error(value, "\(what).\(key): not allowed for actor \(actorName); expected \(allowed.joined(separator: " or "))")
            }
        }
        switch actor {
        case .rancher, .console:
            try only(["set", "unset"])
            return Step(at: at, actor: actor, action: try edit(fields, actor: actor, what: what, node: node), line: line)
        case .operator:
            try only(["down"])
            guard let down = fields["down"] else { throw reader.error(node, "\(what): an operator step needs down: DURATION") }
            return Step(at: at, actor: actor, action: .operatorDown(try reader.duration(down, "\(what).down")), line: line)
        default:
            try only(["failNextUpdate", "platformUpdate", "throttle"])
            if let n = fields["failNextUpdate"] {
                guard try reader.bool(n, "\(what).failNextUpdate") else {
                    throw reader.error(n, "\(what).failNextUpdate: only true makes sense")
                }
                return Step(at: at, actor: actor, action: .failNextUpdate, line: line)
            }
            if let n = fields["platformUpdate"] {
                return Step(at: at, actor: actor, action: .platformUpdate(try reader.duration(n, "\(what).platformUpdate")), line: line)
            }
            if let n = fields["throttle"] {
                return Step(at: at, actor: actor, action: try throttle(n, what: "\(what).throttle"), line: line)
            }
            throw reader.error(node, "\(what): an aws step needs failNextUpdate: true, platformUpdate: DURATION or throttle: {...}")
        }
    }

    /// `at:` as an offset (`2m30s`), a clock time on the start day (`"14:02"`, `"14:02:30"`), or an
    /// RFC 3339 time; a moment before the start is refused.
    private func offset(_ node: Node, _ what: String) throws(ScenarioError) -> SimTime {
        let text = try reader.string(node, what)
        let startMs = startEpochSeconds * .second
        var moment: Int64?
        if let clock = Self.clockTime(text) {
            moment = UTCCalendar.floorDiv(startEpochSeconds, 86_400) * 86_400 * .second + clock
        } else if text.count >= 20, text.contains("T") || text.contains("t") {
            guard let ms = RFC3339.parseMilliseconds(text) else {
                throw reader.error(node, "\(what): \"\(text)\" is not an RFC 3339 time like 2025-01-01T11:03:00Z")
            }
            moment = ms
        }
        guard let moment else {
            do { return try reader.duration(node, what) } catch where error.message.contains("is not a duration") {
                throw reader.error(node, "\(what): \"\(text)\" is not a duration, a clock time or an RFC 3339 time; expected one like 90s, 2m30s, \"14:02\", \"14:02:30\" or 2025-01-01T14:02:00Z")
            }
        }
        let start = RFC3339.format(epochSeconds: startEpochSeconds)
        guard moment >= startMs else {
            let hint = Self.clockTime(text) != nil ? "; a clock time means that time on the start day" : ""
            throw reader.error(node, "\(what): \(text) is before the scenario's start, \(start)\(hint)")
        }
        guard moment - startMs <= DurationText.maximum else {
            throw reader.error(node, "\(what): \(text) is more than \(DurationText.format(DurationText.maximum)) after the start, \(start)")
        }
        return moment - startMs
    }

    /// `14:02` or `14:02:30` (also `14:02:30.250`) as milliseconds after midnight; nil otherwise.
    static func clockTime(_ text: String) -> SimTime? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 2, parts[1].count == 2,
              let h = Int64(parts[0]), let m = Int64(parts[1]), parts[0].allSatisfy(\.isASCII), h < 24, m < 60 else { return nil }
        var ms: Int64 = 0
        if parts.count == 3 {
            let secs = parts[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard secs[0].count == 2, secs[0].allSatisfy({ $0.isASCII && $0.isNumber }), let s = Int64(secs[0]), s < 60 else { return nil }
            ms = s * .second
            if secs.count == 2 {
                guard (1...3).contains(secs[1].count), secs[1].allSatisfy({ $0.isASCII && $0.isNumber }), let f = Int64(secs[1]) else { return nil }
                ms += f * [100, 10, 1][secs[1].count - 1]
            }
        }
        guard parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), parts[0].allSatisfy(\.isNumber) else { return nil }
        return (h * 3_600 + m * 60) * .second + ms
    }

    private func throttle(_ node: Node, what: String) throws(ScenarioError) -> StepAction {
        var op: String?, rate = 1.0, burst = 1.0, duration: SimTime = 10 * .minute
        for (key, _, value) in try reader.mapping(node, what, allowed: ["operation", "ratePerSecond", "burst", "for"]) {
            switch key {
            case "operation": op = try reader.string(value, "\(what).operation")
            case "ratePerSecond": rate = try reader.number(value, "\(what).ratePerSecond")
            case "burst": burst = try reader.number(value, "\(what).burst")
            default: duration = try reader.duration(value, "\(what).for")
            }
        }
        guard let op else { throw reader.error(node, "\(what): missing operation (an EKS operation name like DescribeCluster)") }
        guard ModeledEKS.operations.contains(op) else {
            throw reader.error(node, "\(what).operation: \"\(op)\" is not an operation the modeled EKS answers\(Suggestion.expected(op, among: ModeledEKS.operations, list: "one of " + ModeledEKS.operations.joined(separator: ", ")))")
        }
        guard rate >= 0, burst >= 0 else { throw reader.error(node, "\(what): expected ratePerSecond ≥ 0 and burst ≥ 0") }
        return .throttle(operation: op, ratePerSecond: rate, burst: burst, duration: duration)
    }

    private func edit(_ fields: [String: Node], actor: Actor, what: String, node: Node) throws(ScenarioError) -> StepAction {
        var set: [(FieldPath, WriteValue)] = []
        var unset: [FieldPath] = []
        let values = ValueReader(reader: reader, mustHoldOnAWS: actor != .console)
        if let setNode = fields["set"] {
            for (key, keyNode, value) in try reader.mapping(setNode, "\(what).set") {
                let path = try parsePath(key, node: keyNode, what: "\(what).set")
                try checkChangeable(path, actor: actor, node: keyNode, what: "\(what).set")
                set.append((path, try setValue(value, path: path, what: "\(what).set.\(key)", values: values)))
            }
        }
        if let unsetNode = fields["unset"] {
            for item in try reader.sequence(unsetNode, "\(what).unset") {
                let path = try parsePath(try reader.string(item, "\(what).unset"), node: item, what: "\(what).unset")
                try checkChangeable(path, actor: actor, node: item, what: "\(what).unset")
                try checkUnsettable(path, actor: actor, node: item, what: "\(what).unset")
                unset.append(path)
            }
        }
        guard !set.isEmpty || !unset.isEmpty else {
            throw reader.error(node, "\(what): a \(actor.rawValue) step needs set: {path: value} or unset: [path]")
        }
        let all = set.map(\.0) + unset
        for (i, a) in all.enumerated() {
            for b in all[(i + 1)...] where a.touches(b) {
                throw reader.error(node, "\(what): paths \(a) and \(b) overlap; change each field once per step")
            }
        }
        return .edit(set: set, unset: unset)
    }

    private func parsePath(_ text: String, node: Node, what: String) throws(ScenarioError) -> FieldPath {
        do {
            return try FieldPath(parsing: text)
        } catch {
            throw reader.error(node, "\(what): \(Suggestion.fieldPathMessage(text, error))")
        }
    }

    /// Fields with no update path after creation cannot be changed by either person.
    private func checkChangeable(_ path: FieldPath, actor: Actor, node: Node, what: String) throws(ScenarioError) {
        if path.raw == "nodeGroups" {
            throw reader.error(node, "\(what): change node groups one at a time (nodeGroups.NAME)")
        }
        let top = FieldSchema.clusterField(path.topLevel)!
        if !top.updatable {
            throw reader.error(node, "\(what): \(path) cannot change after the cluster is created (no EKS API or eks-operator update path)")
        }
        if path.nodeGroupName != nil, let field = path.field, path.raw.split(separator: ".").count == 3, !field.updatable {
            throw reader.error(node, "\(what): \(path) cannot change after the node group is created (no update path)")
        }
    }

    private func checkUnsettable(_ path: FieldPath, actor: Actor, node: Node, what: String) throws(ScenarioError) {
        let depth = path.raw.split(separator: ".", maxSplits: 3).count
        let isMapKey = (path.topLevel == "tags" && depth >= 2)
            || (path.nodeGroupName != nil && depth == 4)
        let isNodeGroup = path.nodeGroupName != nil && depth == 2
        if isMapKey || isNodeGroup { return }
        if actor == .rancher && depth == 1 { return }  // Rancher may stop managing a field (nil it)
        throw reader.error(node, "\(what): \(path) cannot be unset; unset a tag, a label, a node group, or (from Rancher) a top-level field")
    }

    private func setValue(_ node: Node, path: FieldPath, what: String, values: ValueReader) throws(ScenarioError) -> WriteValue {
        let depth = path.raw.split(separator: ".", maxSplits: 3).count
        if let name = path.nodeGroupName, depth == 2 {
            let (_, group) = try values.nodeGroup(node, name: name, what: what, defaults: ValueReader.nodeGroupDefaults(
                version: cluster.string("kubernetesVersion") ?? "1.29"))
            return group
        }
        guard let field = path.field else { throw reader.error(node, "\(what): unknown field") }
        let last = String(path.raw.split(separator: ".").last ?? "")
        let parts = path.raw.split(separator: ".")
        let isTagEntry = (parts.count == 2 && parts[0] == "tags") || (parts.count == 4 && parts[0] == "nodeGroups" && parts[2] == "tags")
        if values.mustHoldOnAWS && isTagEntry {
            try AWSLimits(reader: reader).checkTag(key: last, keyNode: node, value: node, what: what)
        }
        return try values.read(node, kind: field.kind, what: what, name: isTagEntry ? nil : last)
    }
}
