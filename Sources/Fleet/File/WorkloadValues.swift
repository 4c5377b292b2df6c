import ClusterStateMachine
import Simulator

/// The values a workload's edit sets, chosen per edit from the cluster's seeded generator, and the
/// paths it can choose values for.
enum WorkloadValues {
    static let logTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

    /// Why the workload cannot edit `path` on clusters made from `template`, or nil when it can.
    static func problem(with path: FieldPath, actor: Actor, template: SpecDocument) -> String? {
        guard let top = FieldSchema.clusterField(path.topLevel) else { return "not a cluster field" }
        guard top.updatable else { return "cannot change after the cluster is created" }
        let depth = path.raw.split(separator: ".", maxSplits: 3).count
        if let group = path.nodeGroupName {
            guard (template.nodeGroupNames ?? []).contains(group) else {
                let names = (template.nodeGroupNames ?? []).map { "nodeGroups.\($0)" }
                return "no cluster of the template has node group \"\(group)\"" + (names.isEmpty ? " (it has none)" : "; it has \(names.joined(separator: ", "))")
            }
            if depth == 3 && path.raw.hasSuffix(".desiredSize") { return nil }
            if depth == 4 && (path.raw.contains(".labels.") || path.raw.contains(".tags.")) { return nil }
            return "the workload chooses values for nodeGroups.NAME.desiredSize and nodeGroups.NAME.labels.KEY / .tags.KEY only"
        }
        switch (top.kind, depth) {
        case (.bool, 1), (.map, 2): return nil
        case (.strings, 1) where top.name == "loggingTypes": return nil
        default:
            return "the workload chooses values for boolean fields (privateAccess, publicAccess), tags.KEY, loggingTypes and node group desiredSize, labels and tags"
        }
    }

    /// A value for one edit of `path`: a coin for booleans, a numbered text for tags and labels, a
    /// size within the template's min..max, a non-empty subset of the log types.
    static func value(for path: FieldPath, template: SpecDocument, using generator: inout SeededGenerator) -> WriteValue {
        if path.raw.hasSuffix(".desiredSize"), let group = path.nodeGroupName {
            let base = "nodeGroups.\(group)."
            let low = template.int(FieldPath(unchecked: base + "minSize")) ?? 1
            let high = max(low, template.int(FieldPath(unchecked: base + "maxSize")) ?? low + 2)
            return .leaf(.int(low + Int(generator.next() % UInt64(high - low + 1))))
        }
        if path.topLevel == "loggingTypes" {
            let mask = 1 + Int(generator.next() % UInt64((1 << logTypes.count) - 1))
            return .leaf(.strings(logTypes.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)))
        }
        if path.field?.kind == .bool { return .leaf(.bool(generator.next() & 1 == 1)) }
        return .leaf(.string("v\(1 + generator.next() % 9_999)"))
    }
}
