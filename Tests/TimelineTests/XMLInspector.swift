import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses a document with Foundation's XML parser: whether it is well-formed, and every element
/// with its attributes and text, in document order.
final class XMLInspector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    private(set) var elements: [Element] = []
    private(set) var error: String?
    private var stack: [Int] = []

    /// Nil when `text` is not well-formed XML (then `error` says why).
    static func parse(_ text: String) -> XMLInspector {
        let inspector = XMLInspector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = inspector
        if !parser.parse() {
            inspector.error = inspector.error ?? parser.parserError.map { "\($0)" } ?? "parse failed"
        }
        return inspector
    }

    var wellFormed: Bool { error == nil }

    func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, text: ""))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let top = stack.last { elements[top].text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = "line \(parser.lineNumber), column \(parser.columnNumber): \(parseError)"
    }
}
