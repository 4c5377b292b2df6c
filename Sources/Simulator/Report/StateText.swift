import ClusterStateMachine

/// `simctl state` in text: AWS against Rancher's `Spec.EKSConfig`, one field a row with the ones
/// that differ marked, then statuses, updates in progress and pending work, near 100 columns.
public enum StateText {
    /// `json` is `StateView.json(...)`; `title` names the run.
    public static func render(_ json: JSONValue, title: String) -> String {
        var out = "\(title) at \(text(json["at"]) ?? "?")\n"
        out += "AWS \(text(json["awsStatus"]) ?? "?"), operator phase \(text(json["operatorPhase"]) ?? "?")"
        if let message = text(json["failureMessage"]), !message.isEmpty { out += ", failure: \(message)" }
        out += "\n\n"
        let aws = flatten(json["aws"] ?? .null), spec = flatten(json["rancherSpec"] ?? .null)
        var paths: [String] = []
        for (path, _) in aws + spec where !paths.contains(path) { paths.append(path) }
        let awsValues = Dictionary(aws, uniquingKeysWith: { a, _ in a }), specValues = Dictionary(spec, uniquingKeysWith: { a, _ in a })
        let fieldWidth = min(34, max(5, paths.map(\.count).max() ?? 5)) + 2
        out += pad("field", fieldWidth) + pad("AWS", 31) + "Spec.EKSConfig\n"
        for path in paths where !["amazonCredentialSecret", "displayName", "region", "imported"].contains(path) {
            let a = awsValues[path] ?? "–", s = specValues[path] ?? "–"
            if a == "–" && s == "null" { continue }  // a field neither side has
            let shownSpec = s == "null" ? "(not managed)" : s
            let differs = s != "null" && a != s
            out += pad(cut(path, fieldWidth - 2), fieldWidth) + pad(cut(a, 29), 31) + cut(shownSpec, 29) + (differs ? "  ≠" : "") + "\n"
        }
        if case .array(let updates)? = json["updatesInProgress"], !updates.isEmpty {
            out += "\n" + TextWrap.wrap(updates.map { u in
                "\(text(u["type"]) ?? "") \(text(u["id"]).map { String($0.prefix(8)) } ?? "") by \(text(u["requestedBy"]) ?? "")"
            }.joined(separator: ", "), lead: "updates in progress: ", continuation: 2)
        }
        if case .array(let work)? = json["pendingWork"], !work.isEmpty {
            out += "\npending work:\n"
            for w in work { out += TextWrap.wrap(text(w["work"]) ?? "", lead: "  " + pad(text(w["at"]) ?? "", 26), continuation: 28) }
        }
        return out
    }

    /// Field paths (`tags.team`, `nodeGroups.ng1.desiredSize`) and their values as JSON text.
    static func flatten(_ value: JSONValue, prefix: String = "") -> [(String, String)] {
        switch value {
        case .object(let pairs):
            if pairs.isEmpty && !prefix.isEmpty { return [(prefix, "{}")] }
            return pairs.flatMap { flatten($0.1, prefix: prefix.isEmpty ? $0.0 : prefix + "." + $0.0) }
        case .array(let items) where prefix == "nodeGroups":
            return items.flatMap { group -> [(String, String)] in
                guard case .object(let fields) = group, let name = text(group["nodegroupName"]) else { return [] }
                return fields.filter { $0.0 != "nodegroupName" }.flatMap { flatten($0.1, prefix: "nodeGroups.\(name).\($0.0)") }
            }
        default:
            return [(prefix, value.rendered(pretty: false))]
        }
    }

    private static func text(_ value: JSONValue?) -> String? {
        if case .string(let s)? = value { return s }
        return nil
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    private static func cut(_ s: String, _ width: Int) -> String {
        s.count <= width ? s : String(s.prefix(width - 1)) + "…"
    }
}
