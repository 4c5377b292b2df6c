/// Where `simctl run --html/--svg PATH` writes each scenario's picture.
///
/// With one scenario the picture goes to PATH. With several, PATH is a template: the scenario's
/// name is inserted before the extension (`report.html` → `report-docs-race-a.html`), or
/// appended when there is none. `{scenario}` anywhere in PATH is replaced by the name instead,
/// with one scenario too (`out/{scenario}.svg`). Two scenarios with the same name get `-2`, `-3`.
public enum PictureFileName {
    public static func paths(template: String, scenarios: [String]) -> [String] {
        var used: [String: Int] = [:]
        return scenarios.map { name in
            let count = (used[name] ?? 0) + 1
            used[name] = count
            let unique = count == 1 ? name : "\(name)-\(count)"
            return path(template: template, scenario: unique, several: scenarios.count > 1)
        }
    }

    public static func path(template: String, scenario: String, several: Bool) -> String {
        if template.contains("{scenario}") { return template.replacingOccurrences(of: "{scenario}", with: scenario) }
        guard several else { return template }
        let slash = template.lastIndex(of: "/").map { template.index(after: $0) } ?? template.startIndex
        let file = template[slash...]
        if let dot = file.lastIndex(of: "."), dot != file.startIndex {
            return String(template[..<dot]) + "-" + scenario + String(template[dot...])
        }
        return template + "-" + scenario
    }
}
