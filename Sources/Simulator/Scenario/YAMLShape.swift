import Yams

/// Refuses YAML a scenario never needs and an adversary uses: anchors and aliases (an alias bomb
/// of a few hundred bytes expands to gigabytes when read). libyaml itself caps nesting at 1000.
enum YAMLShape {
    /// The first anchor in document order, located; aliases copy their anchor's node, so an alias
    /// can never come before one.
    static func refuseAnchors(_ node: Node, path: String) throws(ScenarioError) {
        if let anchor = node.anchor {
            throw ScenarioError(file: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0,
                                message: "YAML anchor &\(anchor.rawValue): anchors and aliases (&name, *name) are not allowed in scenarios; write the value out")
        }
        switch node {
        case .scalar, .alias: return
        case .sequence(let seq): for item in seq { try refuseAnchors(item, path: path) }
        case .mapping(let map):
            for (key, value) in map {
                try refuseAnchors(key, path: path)
                try refuseAnchors(value, path: path)
            }
        }
    }
}
