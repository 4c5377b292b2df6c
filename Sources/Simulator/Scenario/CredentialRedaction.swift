import Yams

/// `amazonCredentialSecret` names the Kubernetes secret holding AWS keys; a scenario pasted from
/// `kubectl get eksclusterconfig -o yaml` carries the real name. It is kept only redacted: in the
/// cluster every event records, and in the scenario text stored with a run and shown in pages.
enum CredentialRedaction {
    static let marker = "<redacted>"

    /// `cattle-global-data:cc-abcde` → `cattle-global-data:<redacted>` (the namespace is no secret);
    /// a redacted value stays as it is, so stored scenarios replay identically.
    static func redact(_ value: String) -> String {
        if let colon = value.firstIndex(of: ":") { return value[...colon] + marker }
        return marker
    }

    /// `text` with the scalar at `node` (the key's value) replaced by its redacted form, quoted.
    /// Nil when the scalar is not written on one line where it starts (a block or escaped scalar).
    static func redactedSource(_ text: String, value node: Node) -> String? {
        guard case .scalar(let scalar) = node, let mark = node.mark, mark.line > 0 else { return nil }
        let redacted = redact(scalar.string)
        if redacted == scalar.string { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard mark.line <= lines.count else { return nil }
        let line = lines[mark.line - 1]
        let utf8 = Array(line.utf8)
        let start = mark.column - 1
        guard start >= 0, start <= utf8.count else { return nil }
        let rest = String(decoding: utf8[start...], as: UTF8.self)
        let written: String
        switch scalar.style {
        case .plain: written = scalar.string
        case .singleQuoted: written = "'" + scalar.string.replacingOccurrences(of: "'", with: "''") + "'"
        case .doubleQuoted: written = "\"" + scalar.string + "\""
        default: return nil
        }
        guard rest.hasPrefix(written) else { return nil }
        lines[mark.line - 1] = String(decoding: utf8[..<start], as: UTF8.self) + "\"" + redacted + "\"" + rest.dropFirst(written.count)
        return lines.joined(separator: "\n")
    }
}
