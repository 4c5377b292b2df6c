import ClusterStateMachine

/// "did you mean …?" for a misspelt key or field: the closest known word by edit distance,
/// when it is close enough to be a typo (at most a third of the word, at least 1, at most 3 edits).
public enum Suggestion {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(1, min(3, word.count / 3))
        guard word.count <= 64 else { return nil }
        var best: (String, Int)?
        for candidate in candidates where candidate != word && abs(candidate.count - word.count) <= limit {
            let d = EditDistance.between(word.lowercased(), candidate.lowercased())
            if d <= limit, d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// `; did you mean "privateAccess"?` or an empty string.
    public static func didYouMean(_ word: String, among candidates: [String]) -> String {
        closest(to: word, among: candidates).map { "; did you mean \"\($0)\"?" } ?? ""
    }

    /// `; did you mean "console"? Expected …` or `; expected …`: the likely fix first, then the list.
    public static func expected(_ word: String, among candidates: [String], list: String) -> String {
        let hint = didYouMean(word, among: candidates)
        return hint + (hint.isEmpty ? "; expected " : " Expected ") + list
    }

    /// The suggestion for a field path that does not parse: its unknown top-level field, or its
    /// unknown node group field.
    public static func forFieldPath(_ text: String) -> String {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let top = parts.first else { return "" }
        if FieldSchema.clusterField(top) == nil {
            guard let fix = closest(to: top, among: FieldSchema.cluster.map(\.name)) else { return "" }
            return "; did you mean \"\(([fix] + parts.dropFirst()).joined(separator: "."))\"?"
        }
        if top == "nodeGroups", parts.count >= 3, FieldSchema.nodeGroupField(parts[2]) == nil,
           let fix = closest(to: parts[2], among: FieldSchema.nodeGroup.map(\.name)) {
            var fixed = parts
            fixed[2] = fix
            return "; did you mean \"\(fixed.joined(separator: "."))\"?"
        }
        return ""
    }

    /// A field path error for people: the likely fix alone when there is one, else the whole error.
    public static func fieldPathMessage(_ text: String, _ error: FieldPathError) -> String {
        let hint = forFieldPath(text)
        guard !hint.isEmpty else { return "\(error)" }
        // The reason without its list of every field: the likely fix says more.
        let reason = error.reason.components(separatedBy: "; expected").first ?? error.reason
        return "invalid field path \"\(text)\": \(reason)\(hint)"
    }
}
