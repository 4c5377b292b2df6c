import ClusterStateMachine
import Simulator

/// What makes two findings the same race class: whose write, which field family, which component
/// and call destroyed it, and by what mechanism.
///
/// `kind` is `lostWrite` for a person's write that was lost, or `unrequestedChange` for a change to
/// AWS nobody asked for (the run report's `unrequestedChanges`); then `actor` is `aws` (the cluster
/// as it was), `family` the changed path's family, and the mechanism names the read behind it.
public struct RaceSignature: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var kind: String
    public var actor: String
    /// The field path with names and keys replaced by `*` (`tags.*`, `nodeGroups.*.desiredSize`).
    public var family: String
    public var component: String
    public var call: String
    public var mechanism: String

    public var description: String {
        kind == Self.unrequested ? "unrequested change to \(family) by \(component) \(call) (\(mechanism))"
            : "\(actor) \(family) lost to \(component) \(call) (\(mechanism))"
    }

    /// The `kind` of an unrequested change.
    public static let unrequested = "unrequestedChange"

    public static func < (a: RaceSignature, b: RaceSignature) -> Bool { a.description < b.description }

    /// The field family of a path.
    static func family(_ path: FieldPath) -> String {
        let parts = path.raw.split(separator: ".").map(String.init)
        guard let top = parts.first else { return path.raw }
        switch top {
        case "tags": return parts.count > 1 ? "tags.*" : "tags"
        case "nodeGroups":
            var out = ["nodeGroups"]
            if parts.count > 1 { out.append("*") }
            if parts.count > 2 { out.append(parts[2]) }
            if parts.count > 3 { out.append("*") }
            return out.joined(separator: ".")
        default: return top
        }
    }

    /// Every class a run shows, each with what showed it: lost writes first, then unrequested changes.
    static func of(_ result: RunResult) -> [(RaceSignature, RaceFinding)] {
        let findings = LostWriteChecker.check(result)
        let lost = findings.lost.map { lost -> (RaceSignature, RaceFinding) in
            // The call that destroyed it: the first store on AWS that replaced it (or one it led to
            // on the same path), else the final clobber.
            let onAWS = findings.clobbers.first { $0.surface == .aws && $0.victim == lost.write.id && $0.path == lost.write.path }
            let clobber = onAWS ?? lost.finalClobber ?? lost.firstClobber
            let sig = RaceSignature(kind: "lostWrite", actor: lost.write.actor.rawValue, family: family(lost.write.path),
                                    component: clobber?.by.rawValue ?? "none", call: clobber?.action ?? "none",
                                    mechanism: mechanism(lost, result))
            return (sig, .lost(lost))
        }
        let changes = findings.unrequestedChanges.map { change -> (RaceSignature, RaceFinding) in
            let sig = RaceSignature(kind: Self.unrequested, actor: "aws", family: family(change.field), component: change.by.rawValue,
                                    call: change.action, mechanism: mechanism(change, result))
            return (sig, .unrequested(change))
        }
        return lost + changes
    }

    /// What lay behind an unrequested change: a failed ListNodegroups before it (rancher#35804's
    /// empty list), else the last refresher read that failed before it, if any.
    static func mechanism(_ change: UnrequestedChange, _ run: RunResult) -> String {
        let failures = run.log.compactMap { e -> AWSCall? in
            guard e.at <= change.at, case .awsCalled(let call) = e.event, call.caller == .refresher, call.error != nil else { return nil }
            return call
        }
        if failures.contains(where: { $0.operation == "ListNodegroups" }) { return "a failed ListNodegroups taken for an empty list" }
        return failures.last.map { "after a failed refresher \($0.operation)" } ?? "copied a read no person changed"
    }

    /// How the write was destroyed, told from the log.
    static func mechanism(_ lost: LostWrite, _ run: RunResult) -> String {
        guard let first = lost.firstClobber ?? lost.finalClobber else { return "never reached a surface" }
        let w = lost.write
        switch first.by {
        case .operator, .bridge:
            let edits = run.log.compactMap { e -> Write? in
                if case .writeMade(let x) = e.event, x.actor == .rancher, x.id != w.id, x.at >= w.at, x.at <= first.at { return x }
                return nil
            }
            guard let edit = edits.last else {
                return w.actor == .rancher ? "refresher's copy pushed back" : "stale spec pushed without a Rancher edit"
            }
            if let (from, to) = update(carrying: w, in: run), edit.at >= from, edit.at < to {
                return "stale spec pushed while the change was still being applied"
            }
            return "stale spec pushed before the next refresh"
        case .refresher:
            let timeout = run.log.last { e in
                if case .appliedSpecRecorded(let d) = e.event { return e.at <= first.at && d.reason.contains("timeout") }
                return false
            }
            return timeout != nil ? "refresher sync after the bridge's AppliedSpec timeout" : "refresher copied a stale read"
        default:
            return "\(first.by.rawValue) \(first.action)"
        }
    }

    /// When the AWS update that applied `w` started and finished.
    static func update(carrying w: Write, in run: RunResult) -> (SimTime, SimTime)? {
        var id: String?
        var started: SimTime = 0
        for e in run.log {
            switch e.event {
            case .awsUpdateStarted(let u) where id == nil && u.change.entries.values.contains(where: { $0.origin == w.id }):
                id = u.id
                started = e.at
            case .awsUpdateFinished(let f) where f.id == id:
                return (started, e.at)
            default: break
            }
        }
        return id.map { _ in (started, run.endedAt) }
    }
}

/// What showed a class in one run: a lost write or an unrequested change.
enum RaceFinding: Sendable {
    case lost(LostWrite)
    case unrequested(UnrequestedChange)

    /// The checker's sentence for it.
    var explanation: String {
        switch self {
        case .lost(let l): l.explanation
        case .unrequested(let u): u.why
        }
    }
}
