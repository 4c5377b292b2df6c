/// Finds where a mapping repeats a key. Yams reports a duplicate at the mapping's start; a person
/// wants the second key, so this rescans the text of that one mapping (block or flow style).
struct DuplicateKeyLocator {
    let lines: [[Character]]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
    }

    /// The 1-based line and column of `key`'s second appearance in the mapping starting at
    /// (`line`, `column`), or nil when the text does not show it plainly.
    func secondKey(_ key: String, mappingAt line: Int, column: Int) -> (line: Int, column: Int)? {
        guard line >= 1, line <= lines.count else { return nil }
        let first = lines[line - 1]
        let start = column - 1
        if start < first.count, first[start] == "{" { return flow(key, line: line - 1, index: start) }
        // Yams may point at a flow mapping's first key rather than its brace.
        var b = min(start, first.count) - 1
        while b >= 0, first[b] == " " { b -= 1 }
        if b >= 0, first[b] == "{" { return flow(key, line: line - 1, index: b) }
        return block(key, line: line - 1, keyColumn: start)
    }

    /// A block mapping: its keys start at one column, until a line starts left of it.
    private func block(_ key: String, line: Int, keyColumn: Int) -> (line: Int, column: Int)? {
        var seen = 0
        for l in line..<lines.count {
            let chars = lines[l]
            var i = 0
            while i < chars.count, chars[i] == " " { i += 1 }
            if i == chars.count || chars[i] == "#" { continue }
            while i < keyColumn, i + 1 < chars.count, chars[i] == "-", chars[i + 1] == " " {
                i += 2
                while i < chars.count, chars[i] == " " { i += 1 }
            }
            if l > line && i < keyColumn { return nil }
            guard i == keyColumn, Self.token(chars, from: i) == key else { continue }
            seen += 1
            if seen == 2 { return (l + 1, i + 1) }
        }
        return nil
    }

    /// A flow mapping `{a: 1, b: 2}`: keys follow its `{` or a `,` at its own depth.
    private func flow(_ key: String, line: Int, index: Int) -> (line: Int, column: Int)? {
        var seen = 0, depth = 0, expectKey = false
        var quote: Character?
        var l = line, i = index
        while l < lines.count {
            let chars = lines[l]
            while i < chars.count {
                let c = chars[i]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    if expectKey && depth == 1, Self.token(chars, from: i) == key {
                        seen += 1
                        if seen == 2 { return (l + 1, i + 1) }
                    }
                    expectKey = false
                    quote = c
                } else if c == "{" || c == "[" {
                    depth += 1
                    expectKey = c == "{" && depth == 1
                } else if c == "}" || c == "]" {
                    depth -= 1
                    if depth == 0 { return nil }
                } else if c == "," {
                    expectKey = depth == 1
                } else if c != " " {
                    if expectKey && depth == 1, Self.token(chars, from: i) == key {
                        seen += 1
                        if seen == 2 { return (l + 1, i + 1) }
                    }
                    expectKey = false
                }
                i += 1
            }
            l += 1
            i = 0
        }
        return nil
    }

    /// The key at `i` when a `:` follows it: quoted or plain.
    static func token(_ chars: [Character], from i: Int) -> String? {
        guard i < chars.count else { return nil }
        var j = i
        let text: String
        if chars[i] == "\"" || chars[i] == "'" {
            guard let end = chars[(i + 1)...].firstIndex(of: chars[i]) else { return nil }
            text = String(chars[(i + 1)..<end])
            j = end + 1
        } else {
            while j < chars.count, chars[j] != ":", chars[j] != ",", chars[j] != "}" { j += 1 }
            text = String(chars[i..<j]).trimmingCharacters(in: .whitespaces)
        }
        while j < chars.count, chars[j] == " " { j += 1 }
        return j < chars.count && chars[j] == ":" ? text : nil
    }
}

import Foundation
