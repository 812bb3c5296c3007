internal import CLibXML2
public import MekongText

/// Writes XML as a stream, in constant memory, into an ``AtomicWriter`` or to memory.
///
/// Text and attribute values are escaped by libxml2. Characters XML 1.0 forbids (C0 controls
/// other than tab, line feed and carriage return; U+FFFE, U+FFFF) are never written: the write
/// throws a ``Diagnostic`` instead, because libxml2 would otherwise write them raw and produce a
/// file no parser accepts. The corresponding libxml2 API is `xmlTextWriter`, over an output
/// buffer whose write callback (`xmlOutputBufferCreateIO`) feeds the atomic writer.
public final class XMLStreamWriter {
    private let writer: OpaquePointer
    private let buffer: UnsafeMutablePointer<xmlBuffer>?
    private let sink: Sink?
    private let name: String
    private var finished = false

    /// Writes into `file`; the caller commits it after ``finish()``.
    /// - Parameter indent: pretty-print with two spaces per level.
    public init(file: AtomicWriter, indent: Bool = true) throws {
        XMLLibrary.initialize()
        let sink = Sink(file)
        let write: xmlOutputWriteCallback = { ctx, bytes, count in
            guard let ctx, let bytes else { return -1 }
            let sink = Unmanaged<Sink>.fromOpaque(ctx).takeUnretainedValue()
            do {
                try sink.file.write(UnsafeRawBufferPointer(start: bytes, count: Int(count)))
                return count
            } catch {
                sink.error = error
                return -1
            }
        }
        let close: xmlOutputCloseCallback = { _ in 0 }
        guard let out = xmlOutputBufferCreateIO(write, close, Unmanaged.passUnretained(sink).toOpaque(), nil),
            let w = xmlNewTextWriter(out)
        else {
            throw Diagnostic.error("cannot-write", "cannot create an XML writer", file: file.path)
        }
        writer = w
        buffer = nil
        self.sink = sink
        name = file.path
        if indent { configureIndent() } else { isIndenting = false }
    }

    /// Writes to memory; ``finish()`` returns the bytes.
    public init(indent: Bool = true) throws {
        XMLLibrary.initialize()
        guard let buf = xmlBufferCreate() else { throw Diagnostic.error("internal", "out of memory", file: "<memory>") }
        guard let w = xmlNewTextWriterMemory(buf, 0) else {
            xmlBufferFree(buf)
            throw Diagnostic.error("internal", "cannot create an XML writer", file: "<memory>")
        }
        writer = w
        buffer = buf
        sink = nil
        name = "<memory>"
        if indent { configureIndent() } else { isIndenting = false }
    }

    deinit {
        xmlFreeTextWriter(writer)
        if let buffer { xmlBufferFree(buffer) }
    }

    private func configureIndent() {
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
    }

    /// Turns indentation on or off from here on: off inside mixed content such as XLIFF's
    /// `<source>`, where added white space would change the text.
    public func setIndent(_ on: Bool) {
        xmlTextWriterSetIndent(writer, on ? 1 : 0)
        isIndenting = on
    }

    /// Whether the writer indents at this point (see ``setIndent(_:)``).
    public private(set) var isIndenting = true

    /// Writes a raw newline (between elements written without indentation).
    public func newline() throws {
        try check(xmlTextWriterWriteRaw(writer, "\n"), "write newline")
    }

    /// Writes the XML declaration, `<?xml version="1.0" encoding="UTF-8"?>`; call it first.
    /// The corresponding libxml2 call is `xmlTextWriterStartDocument`.
    /// - Throws: ``Diagnostic``: the ``AtomicWriter``'s error when the file cannot be written, else
    ///   `cannot-write` when libxml2 fails.
    public func startDocument() throws {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start document")
    }

    /// A `<!DOCTYPE name SYSTEM "systemID">` declaration (written before the root element).
    public func doctype(_ name: String, systemID: String) throws {
        try check(xmlTextWriterWriteDTD(writer, name, nil, systemID, nil), "write DOCTYPE")
    }

    /// A processing instruction such as `<?xml-model href="…"?>`.
    public func processingInstruction(_ target: String, _ content: String) throws {
        try check(xmlTextWriterWritePI(writer, target, content), "write processing instruction")
    }

    /// Opens the element `<name>`; ``attribute(_:_:)`` may follow until content is written.
    /// The name is written as given, unchecked. The corresponding libxml2 call is `xmlTextWriterStartElement`.
    /// - Throws: ``Diagnostic``, as ``startDocument()`` does.
    public func startElement(_ name: String) throws {
        try check(x(name) { xmlTextWriterStartElement(writer, $0) }, "start <\(name)>")
    }

    /// An attribute of the element just started; `xml:lang` and other prefixed names are
    /// written as given (the `xml` prefix needs no declaration).
    public func attribute(_ name: String, _ value: String) throws {
        try Self.validate(value, in: "attribute \(name)", file: self.name)
        try check(x(name) { n in x(value) { xmlTextWriterWriteAttribute(writer, n, $0) } }, "write attribute \(name)")
    }

    /// Writes character data in the open element, escaped by libxml2. The corresponding libxml2 call
    /// is `xmlTextWriterWriteString`.
    /// - Throws: ``Diagnostic`` `not-xml-character` when `value` holds a character XML 1.0 forbids
    ///   (nothing is written then); write errors as ``startDocument()`` does.
    public func text(_ value: String) throws {
        try Self.validate(value, in: "text", file: name)
        try check(x(value) { xmlTextWriterWriteString(writer, $0) }, "write text")
    }

    /// `<name>text</name>` in one call.
    public func element(_ name: String, _ value: String, attributes: [(String, String)] = []) throws {
        try startElement(name)
        for (n, v) in attributes { try attribute(n, v) }
        try text(value)
        try endElement()
    }

    /// Closes the innermost open element (as `<name/>` when it has no content). The corresponding
    /// libxml2 call is `xmlTextWriterEndElement`.
    /// - Throws: ``Diagnostic``, as ``startDocument()`` does.
    public func endElement() throws {
        try check(xmlTextWriterEndElement(writer), "end element")
    }

    /// Writes a comment, `<!--value-->`. The corresponding libxml2 call is `xmlTextWriterWriteComment`.
    /// Unlike ``text(_:)``, `value` is not checked: it must not hold `--` or characters XML 1.0 forbids.
    /// - Throws: ``Diagnostic``, as ``startDocument()`` does.
    public func comment(_ value: String) throws {
        try check(xmlTextWriterWriteComment(writer, value), "write comment")
    }

    /// Closes open elements and the document, flushes, and returns the bytes when writing to
    /// memory (empty for a file).
    @discardableResult
    public func finish() throws -> [UInt8] {
        guard !finished else { return [] }
        finished = true
        try check(xmlTextWriterEndDocument(writer), "end document")
        try check(xmlTextWriterFlush(writer), "flush")
        guard let buffer, let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    // MARK: Implementation Details

    /// Passes a string to libxml2 as `const xmlChar *` without copying it into an array (the
    /// implicit conversion to an `UInt8` pointer builds one per call, which dominated writing).
    @inline(__always)
    private func x(_ s: String, _ body: (UnsafePointer<xmlChar>) -> Int32) -> Int32 {
        s.withCString { p in p.withMemoryRebound(to: xmlChar.self, capacity: 1) { body($0) } }
    }

    /// `what` is only built on failure (these calls run several times per unit written).
    @inline(__always)
    private func check(_ rc: Int32, _ what: @autoclosure () -> String) throws {
        if rc < 0 { throw sink?.error ?? Diagnostic.error("cannot-write", "cannot \(what())", file: name) }
    }

    /// Rejects characters outside XML 1.0's `Char` production.
    public static func firstForbiddenCharacter(in value: String) -> Unicode.Scalar? {
        // Only C0 controls (below 0x20) and U+FFFE/U+FFFF (EF BF BE/BF) can be outside `Char`
        // in a Swift string: most texts are cleared by one pass over their bytes.
        var value = value
        let suspicious = value.withUTF8 { bytes in bytes.contains { $0 < 0x20 || $0 == 0xEF } }
        guard suspicious else { return nil }
        return value.unicodeScalars.first { !isXMLCharacter($0.value) }
    }

    /// Whether XML 1.0 allows the scalar (its `Char` production).
    public static func isXMLCharacter(_ v: UInt32) -> Bool {
        v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
            || v >= 0x10000
    }

    /// Rejects characters outside XML 1.0's `Char` production.
    static func validate(_ value: String, in what: @autoclosure () -> String, file: String) throws {
        // Fast path on bytes: only C0 controls (below 0x20) and U+FFFE/U+FFFF (EF BF BE/BF) can
        // be outside XML 1.0's Char in valid UTF-8 (Swift strings hold no lone surrogates).
        var suspicious = false
        var value = value
        value.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D)
                    || (b == 0xEF && i + 2 < n && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE)
                {
                    suspicious = true
                    return
                }
                i += 1
            }
        }
        guard suspicious, let bad = firstForbiddenCharacter(in: value) else { return }
        throw Diagnostic.error(
            "not-xml-character", "\(ScriptChecks.codePoint(bad.value)) is not allowed in XML 1.0 (\(what()))",
            file: file)
    }
}

/// The atomic writer an XML writer feeds, and the first error it raised (libxml2 only sees -1).
private final class Sink {
    let file: AtomicWriter
    var error: Error?
    init(_ file: AtomicWriter) { self.file = file }
}
