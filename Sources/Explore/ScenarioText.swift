import ClusterStateMachine
import Simulator

/// A candidate as a scenario file (CONTRACT.md §1), loadable by `simctl run`.
enum ScenarioText {
    static let start = "2025-01-01T00:00:00Z"

    static func yaml(_ c: Candidate, name: String, description: String? = nil, expect: String? = nil) -> String {
        var out = "name: \(name)\n"
        if let description {
            out += "description: >\n" + wrap(description, indent: "  ") + "\n"
        }
        out += "start: \(start)\nprofile: \(c.profile)\n"
        if let policy = c.policy { out += "policy: \(policy)\n" }
        var settings: [String] = []
        if let r = c.eksRefresh { settings.append("eksRefresh: \(r)") }
        if let l = c.lastRefresh { settings.append("lastRefresh: \(duration(l))") }
        if !settings.isEmpty { out += "settings: {\(settings.joined(separator: ", "))}\n" }
        var aws: [String] = []
        if !c.updateDurations.isEmpty {
            aws.append("  updateDurations: {" + c.updateDurations.sorted { $0.key < $1.key }.map { "\($0.key): \(duration($0.value))" }.joined(separator: ", ") + "}")
        }
        if let v = c.nodegroupCreate { aws.append("  nodegroupCreate: \(duration(v))") }
        if let v = c.nodegroupDelete { aws.append("  nodegroupDelete: \(duration(v))") }
        if let v = c.statusLag { aws.append("  statusLag: \(duration(v))") }
        if !aws.isEmpty { out += "aws:\n" + aws.joined(separator: "\n") + "\n" }
        out += """
        cluster:
          displayName: demo
          privateAccess: false
          tags: {team: platform}
          loggingTypes: []
          nodeGroups:
            - {nodegroupName: ng1, desiredSize: 2, minSize: 1, maxSize: 3}

        """
        if c.secondNodeGroup { out += "    - {nodegroupName: ng2, desiredSize: 2, minSize: 1, maxSize: 3}\n" }
        out += "rancher:\n  managed: all\n"
        out += c.steps.isEmpty ? "steps: []\n" : "steps:\n"
        for s in c.steps { out += "  - {at: \(duration(s.at)), actor: \(s.actor.rawValue), \(action(s.action))}\n" }
        if let expect { out += expect }
        return out
    }

    static func action(_ a: CandidateAction) -> String {
        switch a {
        case .set(let changes): "set: {" + changes.map { "\($0.path): \($0.value)" }.joined(separator: ", ") + "}"
        case .unset(let paths): "unset: [" + paths.joined(separator: ", ") + "]"
        case .operatorDown(let d): "down: \(duration(d))"
        case .failNextUpdate: "failNextUpdate: true"
        case .platformUpdate(let d): "platformUpdate: \(duration(d))"
        case .throttle(let op, let d): "throttle: {operation: \(op), ratePerSecond: 0, burst: 0, for: \(duration(d))}"
        }
    }

    static func duration(_ t: SimTime) -> String {
        t < 0 ? "-" + DurationText.format(-t) : DurationText.format(t)
    }

    /// Folds text into lines of at most 96 characters.
    static func wrap(_ text: String, indent: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + word.count + 1 > 96 { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { indent + $0 }.joined(separator: "\n")
    }
}
