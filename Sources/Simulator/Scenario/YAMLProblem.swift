/// What libyaml's terse problems mean, in words a scenario author can act on; and where a file
/// stops being UTF-8.
enum YAMLProblem {
    /// libyaml's problem text → an explanation (libyaml's own words stay in the message too).
    static let explanations: [(String, String)] = [
        ("mapping values are not allowed", "a \": \" appears where no key can start; quote a value that contains \": \", or check the indentation of this line"),
        ("did not find expected key", "this line is indented differently from the keys before it, or a flow mapping { } is not closed"),
        ("could not find expected ':'", "a key is missing its \":\" (or a quoted string is not closed)"),
        ("found character that cannot start any token", "a tab, or a character such as @ or ` at the start of a value; YAML indents with spaces, and such values need quotes"),
        ("did not find expected ',' or ']'", "a [ ] list is not closed, or two items lack a comma between them"),
        ("did not find expected ',' or '}'", "a { } mapping is not closed, or two entries lack a comma between them"),
        ("found unexpected end of stream", "the file ends inside a quoted string or an open [ ] or { }"),
        ("block sequence entries are not allowed", "a \"- \" list item appears where a value was expected on the same line"),
        ("did not find expected node content", "a value is missing (after a \"- \", a \":\" or a comma)"),
        ("did not find expected '-' indicator", "a list item is indented differently from the items before it"),
        ("found a tab character", "a tab where YAML needs spaces"),
        ("found unknown escape character", "a backslash escape that double-quoted YAML strings do not have; use single quotes for backslashes"),
        ("Maximum nesting level reached", "the YAML is nested too deeply (more than 1000 levels)"),
        ("found undefined alias", "an alias (*name) with no anchor; aliases are not allowed in scenarios anyway"),
    ]

    static func explain(_ problem: String) -> String? {
        explanations.first { problem.contains($0.0) }?.1
    }

    /// The 1-based line and column (in bytes) of the first byte that is not UTF-8, and the byte.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, lineStart = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == 10 { line += 1; lineStart = offset + 1 }
                offset += encoded.count
            case .error(let length):
                _ = length
                return (line, offset - lineStart + 1, bytes[offset])
            case .emptyInput:
                return nil
            }
        }
    }
}
