/// Wraps report text near 100 columns at spaces: the first line starts with `lead` (a time and an
/// actor, or an indent), the following ones with `continuation` spaces, so the columns stay readable.
public enum TextWrap {
    public static let width = 100

    /// `lead + text`, wrapped; every line ends with a newline. A word longer than a line is split.
    public static func wrap(_ text: String, lead: String, continuation: Int? = nil, width: Int = TextWrap.width) -> String {
        let indent = String(repeating: " ", count: continuation ?? lead.count)
        var lines: [String] = []
        var line = lead
        var lineHasWords = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if word.isEmpty {  // a run of spaces inside a line is kept (column gaps)
                if lineHasWords { line += " " }
                continue
            }
            var word = Substring(word)
            let room = max(20, width - indent.count)
            while word.count > room {  // a word no line can hold (JSON): cut it after a comma if one fits
                if lineHasWords { lines.append(line); line = indent; lineHasWords = false }
                let head = word.prefix(room)
                let cut = head.lastIndex(of: ",").map { head.distance(from: head.startIndex, to: $0) + 1 } ?? room
                lines.append(line + word.prefix(cut))
                word = word.dropFirst(cut)
                line = indent
            }
            if lineHasWords && line.count + 1 + word.count > width {
                while line.hasSuffix(" ") { line.removeLast() }
                lines.append(line)
                line = indent
                lineHasWords = false
            }
            line += (lineHasWords ? " " : "") + word
            lineHasWords = true
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
