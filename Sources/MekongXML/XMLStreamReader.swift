internal import CLibXML2
import MekongText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One event of a streaming XML read.
public enum XMLEvent: Hashable, Sendable {
    /// An element opens. `attributes` are in document order, keyed by qualified name.
    case startElement(name: String, namespace: String?, attributes: [XMLAttribute], isEmpty: Bool)
    /// An element closes (also sent right after an empty element's start).
    case endElement(name: String)
    /// Character data (text or CDATA), entities already resolved.
    case text(String)
}

/// An attribute of an element.
public struct XMLAttribute: Hashable, Sendable {
    /// The qualified name as written (`xml:lang`, `type`). Namespace declarations (`xmlns`,
    /// `xmlns:…`) are not reported as attributes.
    public var name: String
    /// The value as `xmlTextReaderConstValue` returns it (empty when libxml2 gives none).
    public var value: String
    /// The attribute's namespace URI (`nil` for an unprefixed attribute).
    public var namespace: String? = nil
}

/// Reads XML as a stream of ``XMLEvent``s in constant memory, treating the input as untrusted.
///
/// No network access, no external entities, no DTD loading, no entity substitution. The
/// corresponding libxml2 API is `xmlTextReader` with `XML_PARSE_NONET` only.
public final class XMLStreamReader {
    private let reader: OpaquePointer
    private let fileName: String
    private let errors = ErrorBox()
    private var pendingEnd: String?
    private var rawPendingEnd = false
    private var owned: UnsafeMutableBufferPointer<UInt8>?

    /// Opens a file.
    public init(path: String) throws {
        XMLLibrary.initialize()
        guard let r = xmlReaderForFile(path, nil, XMLLibrary.safeParseOptions) else {
            throw Diagnostic.error("cannot-read", "cannot open the file", file: path)
        }
        reader = r
        fileName = path
        installErrorHandler()
    }

    /// Reads from bytes in memory (copied, so the caller's buffer may go away).
    public init(bytes: [UInt8], name: String = "<memory>") throws {
        XMLLibrary.initialize()
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Swift.max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        owned = copy
        let ptr = UnsafeRawPointer(copy.baseAddress!).assumingMemoryBound(to: CChar.self)
        guard let r = xmlReaderForMemory(ptr, Int32(bytes.count), name, nil, XMLLibrary.safeParseOptions) else {
            copy.deallocate()
            throw Diagnostic.error("cannot-read", "cannot read XML from memory", file: name)
        }
        reader = r
        fileName = name
        installErrorHandler()
    }

    deinit {
        xmlFreeTextReader(reader)
        owned?.deallocate()
    }

    /// The line of the node last read (1-based), as libxml2 tracks it.
    public var currentLine: Int {
        if let node = xmlTextReaderCurrentNode(reader) { return Int(xmlGetLineNo(node)) }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// Returns the next event, or `nil` at the end of the document.
    /// - Throws: ``Diagnostic`` (`malformed-xml`) for malformed XML, with line and column.
    public func next() throws -> XMLEvent? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .endElement(name: name)
        }
        while true {
            let rc = xmlTextReaderRead(reader)
            if rc == 0 { return nil }
            if rc < 0 || errors.first != nil { throw error() }
            let type = xmlTextReaderNodeType(reader)
            switch type {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = string(xmlTextReaderConstName(reader)) ?? ""
                let ns = string(xmlTextReaderConstNamespaceUri(reader))
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                var attributes: [XMLAttribute] = []
                if xmlTextReaderHasAttributes(reader) == 1 {
                    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                        let attrName = string(xmlTextReaderConstName(reader)) ?? ""
                        if attrName == "xmlns" || attrName.hasPrefix("xmlns:") { continue }
                        attributes.append(
                            XMLAttribute(
                                name: attrName, value: string(xmlTextReaderConstValue(reader)) ?? "",
                                namespace: string(xmlTextReaderConstNamespaceUri(reader))))
                    }
                    xmlTextReaderMoveToElement(reader)
                }
                if isEmpty { pendingEnd = name }
                return .startElement(name: name, namespace: ns, attributes: attributes, isEmpty: isEmpty)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .endElement(name: string(xmlTextReaderConstName(reader)) ?? "")
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                // Never expanded (no XML_PARSE_NOENT): refusing the file says so, instead of
                // silently dropping text. Exchange formats need no entities beyond &amp; and co.
                let name = string(xmlTextReaderConstName(reader)) ?? "?"
                throw Diagnostic.error(
                    "entity-refused", "entity reference &\(name); refused: exchange files must not declare entities",
                    file: fileName, line: currentLine)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
                return .text(string(xmlTextReaderConstValue(reader)) ?? "")
            default:
                continue
            }
        }
    }

    /// What ``nextNode()`` stopped at.
    public enum NodeKind: Sendable, Equatable {
        /// An element opens (its name: ``nodeName(is:)``, its attributes: ``attribute(_:)``).
        case startElement(isEmpty: Bool)
        /// An element closes (also right after an empty element's start).
        case endElement
        /// Character data (text or CDATA): ``withText(_:)``.
        case text
    }

    /// Like ``next()``, for readers of large files, without making a string per event: the
    /// node's name and text are looked at in place, through ``nodeName(is:)``,
    /// ``attribute(_:)`` and ``withText(_:)``, until the next call. The same nodes, errors and
    /// refusals as ``next()``; do not mix the two on one reader.
    /// - Throws: ``Diagnostic`` (`malformed-xml`, `entity-refused`), as ``next()``.
    public func nextNode() throws -> NodeKind? {
        if rawPendingEnd {
            rawPendingEnd = false
            return .endElement
        }
        while true {
            let rc = xmlTextReaderRead(reader)
            if rc == 0 { return nil }
            if rc < 0 || errors.first != nil { throw error() }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                rawPendingEnd = isEmpty
                return .startElement(isEmpty: isEmpty)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .endElement
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                let name = string(xmlTextReaderConstName(reader)) ?? "?"
                throw Diagnostic.error(
                    "entity-refused", "entity reference &\(name); refused: exchange files must not declare entities",
                    file: fileName, line: currentLine)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
                return .text
            default:
                continue
            }
        }
    }

    /// Whether the current element's qualified name (as ``XMLEvent/startElement(name:namespace:attributes:isEmpty:)``
    /// gives it) is `name`.
    public func nodeName(is name: String) -> Bool {
        guard let p = xmlTextReaderConstName(reader) else { return name.isEmpty }
        return name.withCString { strcmp(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self), $0) == 0 }
    }

    /// The value of the current element's first attribute whose qualified name is one of
    /// `names` (in document order, as ``XMLEvent`` lists them), or `nil`.
    public func attribute(_ names: String...) -> String? {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if names.contains(where: { nodeName(is: $0) }) { return string(xmlTextReaderConstValue(reader)) ?? "" }
        }
        return nil
    }

    /// Every attribute of the current element, in document order, namespace declarations left
    /// out (as ``XMLEvent`` lists them): for the rare element copied whole, such as an inline code.
    public func attributes() -> [(name: String, value: String)] {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return [] }
        defer { xmlTextReaderMoveToElement(reader) }
        var out: [(name: String, value: String)] = []
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let name = string(xmlTextReaderConstName(reader)) ?? ""
            if name == "xmlns" || name.hasPrefix("xmlns:") { continue }
            out.append((name, string(xmlTextReaderConstValue(reader)) ?? ""))
        }
        return out
    }

    /// The current element's qualified name, as ``XMLEvent`` gives it (`""` when libxml2 has none).
    public var qualifiedName: String { interned(xmlTextReaderConstName(reader)) }

    /// The current element's name without its prefix (`""` when libxml2 has none).
    public var localName: String { interned(xmlTextReaderConstLocalName(reader)) }

    /// libxml2 interns names in the parser's dictionary (a reader always has one), so the same
    /// name comes back at the same address for the reader's life: a document's few names are
    /// made into strings once, not at every start and end tag (a twentieth of `import` on a
    /// big XLIFF).
    private func interned(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        for k in names.indices where names[k].pointer == p { return names[k].name }
        let name = String(cString: p)
        if names.count < 64 { names.append((p, name)) }
        return name
    }
    private var names: [(pointer: UnsafePointer<xmlChar>, name: String)] = []

    /// The current text node's text, as ``XMLEvent/text(_:)`` gives it.
    public var text: String { string(xmlTextReaderConstValue(reader)) ?? "" }

    /// Calls `body` with the UTF-8 bytes of the current text node (valid only during the call).
    public func withText<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        guard let p = xmlTextReaderConstValue(reader) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try body(
            UnsafeBufferPointer(start: p, count: strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))))
    }

    // MARK: Implementation Details

    private func string(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        return String(cString: p)
    }

    private func error() -> Diagnostic {
        if let e = errors.first { return e.diagnostic(rule: "malformed-xml", file: fileName) }
        return Diagnostic.error("malformed-xml", "malformed XML", file: fileName)
    }

    private func installErrorHandler() {
        let handler: xmlStructuredErrorFunc = { ctx, err in
            guard let ctx, let err else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(ctx).takeUnretainedValue()
            box.record(err)
        }
        xmlTextReaderSetStructuredErrorHandler(reader, handler, Unmanaged.passUnretained(errors).toOpaque())
    }
}

/// Collects the first error libxml2 reports through its structured-error callback.
final class ErrorBox {
    struct Entry {
        var file: String?
        var line: Int
        var column: Int
        var message: String
    }
    var first: Entry?
    var all: [Entry] = []
    let collectAll: Bool

    init(collectAll: Bool = false) { self.collectAll = collectAll }

    func record(_ err: UnsafePointer<xmlError>) {
        let e = err.pointee
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue, first == nil || collectAll else { return }
        var message = e.message.map { String(cString: $0) } ?? "XML error"
        while message.last?.isNewline == true || message.last == " " { message.removeLast() }
        let entry = Entry(
            file: e.file.map { String(cString: $0) }, line: Int(e.line), column: Int(e.int2), message: message)
        if first == nil { first = entry }
        if collectAll { all.append(entry) }
    }
}

extension ErrorBox.Entry {
    /// The entry as a diagnostic; libxml2 counts columns in characters (scalars), 0 = unknown.
    /// libxml2's advice to set XML_PARSE_HUGE, an option users cannot set, is left out.
    func diagnostic(rule: String, file fallback: String) -> Diagnostic {
        var text = message
        if let r = text.range(of: ", use XML_PARSE_HUGE option") { text.removeSubrange(r) }
        if let r = text.range(of: " (use XML_PARSE_HUGE option)") { text.removeSubrange(r) }
        if let r = text.range(of: "; use XML_PARSE_HUGE option") { text.removeSubrange(r) }
        // libxml2's wording, said for people who translate rather than parse.
        if text.contains("huge text node") || text.contains("xmlSAX2Characters") {
            text =
                "a text in this file is longer than 10 MB, which Mekong refuses to read in one piece (split the segment or the note)"
        } else if text.hasPrefix("Extra content at the end of the document") {
            text =
                "something follows the end of the document's root element (a second root, or text after the last closing tag)"
        } else if text.hasPrefix("Document is empty") {
            text = "no XML element in the file"
        } else if text.hasPrefix("Start tag expected, '<' not found") {
            text = "not XML: an element (starting with \"<\") was expected here"
        }
        return Diagnostic.error(rule, text, file: file ?? fallback, line: line, column: column)
    }
}

/// Process-wide libxml2 set-up.
enum XMLLibrary {
    /// `XML_PARSE_NONET`: no network. Deliberately without NOENT (entity substitution), DTDLOAD,
    /// DTDATTR, DTDVALID, XINCLUDE and HUGE, so external entities are never fetched and
    /// libxml2's default expansion limits stay in force.
    static let safeParseOptions = Int32(XML_PARSE_NONET.rawValue)

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Initialises libxml2 once per process and keeps its generic error channel off stderr
    /// for the calling thread (errors reach us through the structured handler instead).
    static func initialize() {
        _ = initialized
        cxml_silence_generic_errors()
    }
}
