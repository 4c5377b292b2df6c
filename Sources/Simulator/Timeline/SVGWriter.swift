/// Builds SVG (and any XML) text: elements in order, attributes and text escaped, numbers printed
/// the same way on every machine, so the same picture is always the same bytes.
public struct SVGWriter: Sendable {
    /// The text written so far.
    public private(set) var text = ""
    private var depth = 0

    public init() {}

    /// An attribute value: text, or a number printed with at most two decimals.
    public enum Value: Sendable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
        case text(String)
        case number(Double)

        public init(stringLiteral value: String) { self = .text(value) }
        public init(floatLiteral value: Double) { self = .number(value) }
        public init(integerLiteral value: Int) { self = .number(Double(value)) }

        var rendered: String {
            switch self {
            case .text(let s): SVGWriter.escapeAttribute(s)
            case .number(let d): SVGWriter.number(d)
            }
        }
    }

    public typealias Attributes = [(String, Value)]

    /// `<name attrs>`; close it with `close(name)`.
    public mutating func open(_ name: String, _ attributes: Attributes = []) {
        line("<\(name)\(Self.render(attributes))>")
        depth += 1
    }

    public mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// `<name attrs/>`, or `<name attrs>text</name>` when text is given (escaped).
    public mutating func element(_ name: String, _ attributes: Attributes = [], text: String? = nil) {
        if let text {
            line("<\(name)\(Self.render(attributes))>\(Self.escapeText(text))</\(name)>")
        } else {
            line("<\(name)\(Self.render(attributes))/>")
        }
    }

    /// `<name attrs><title>tooltip</title>…</name>`: an element with a tooltip and children.
    public mutating func group(_ name: String = "g", _ attributes: Attributes = [], title: String? = nil,
                               _ body: (inout SVGWriter) -> Void) {
        open(name, attributes)
        if let title, !title.isEmpty { element("title", text: title) }
        body(&self)
        close(name)
    }

    /// Text already in the target language (a trusted fragment, e.g. a nested SVG document).
    public mutating func raw(_ fragment: String) {
        text += fragment
        if !fragment.hasSuffix("\n") { text += "\n" }
    }

    private mutating func line(_ s: String) {
        text += String(repeating: " ", count: max(0, depth)) + s + "\n"
    }

    static func render(_ attributes: Attributes) -> String {
        attributes.map { " \($0.0)=\"\($0.1.rendered)\"" }.joined()
    }

    /// Text content: `&`, `<`, `>` escaped, and characters XML 1.0 forbids dropped.
    public static func escapeText(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// An attribute value: as text, plus both quotes, and line breaks kept as character references.
    public static func escapeAttribute(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            case "\r": out += "&#13;"
            default: if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// XML 1.0 `Char`: tab, newline, carriage return, and everything from space up but surrogates and FFFE/FFFF.
    static func isAllowed(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
    }

    /// A coordinate: at most two decimals, no trailing zeros, never `-0`.
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "0" }
        let scaled = (d * 100).rounded()
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        let n = Int64(abs(scaled))
        let whole = n / 100, frac = n % 100
        var s = (negative ? "-" : "") + String(whole)
        if frac != 0 {
            s += frac % 10 == 0 ? "." + String(frac / 10) : "." + (frac < 10 ? "0" : "") + String(frac)
        }
        return s
    }
}
