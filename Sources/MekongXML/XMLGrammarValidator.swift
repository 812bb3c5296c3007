internal import CLibXML2
import Foundation
public import MekongText

/// Validates documents against a RELAX NG schema (TBX 2019) or a DTD (TMX 1.4b, TBX 2008),
/// offline: the document is parsed with no network and no entity substitution, and the grammar
/// is loaded from the given local file only.
public final class XMLGrammarValidator {
    private enum Grammar {
        case relaxNG(OpaquePointer)
        case dtd(UnsafeMutablePointer<xmlDtd>)
    }
    private let grammar: Grammar
    private let grammarPath: String

    /// Compiles a RELAX NG schema (`.rng`).
    public init(relaxNGPath path: String) throws {
        XMLLibrary.initialize()
        guard let ctxt = xmlRelaxNGNewParserCtxt(path) else {
            throw Diagnostic.error("bad-schema", "cannot read the RELAX NG schema", file: path)
        }
        defer { xmlRelaxNGFreeParserCtxt(ctxt) }
        guard let schema = xmlRelaxNGParse(ctxt) else {
            throw Diagnostic.error("bad-schema", "invalid RELAX NG schema", file: path)
        }
        grammar = .relaxNG(schema)
        grammarPath = path
    }

    /// Loads a DTD (`.dtd`).
    public init(dtdPath path: String) throws {
        XMLLibrary.initialize()
        guard let dtd = xmlParseDTD(nil, path) else {
            throw Diagnostic.error("bad-schema", "cannot read the DTD", file: path)
        }
        grammar = .dtd(dtd)
        grammarPath = path
    }

    deinit {
        switch grammar {
        case .relaxNG(let s): xmlRelaxNGFree(s)
        case .dtd(let d): xmlFreeDtd(d)
        }
    }

    /// The validity errors of the file at `path` (empty when valid), including well-formedness.
    ///
    /// Streaming (constant memory) through `xmlTextReader`: a RELAX NG schema is attached to the
    /// reader; a DTD is served for the document's DOCTYPE by an entity loader that answers every
    /// request with this validator's DTD file (so nothing else is ever read). A document without
    /// a DOCTYPE is validated against the DTD in memory instead.
    public func errors(inFile path: String) -> [Diagnostic] {
        let box = ErrorBox(collectAll: true)
        var options = XMLLibrary.safeParseOptions
        if case .dtd = grammar { options |= Int32(XML_PARSE_DTDLOAD.rawValue) | Int32(XML_PARSE_DTDVALID.rawValue) }
        // The loader (installed once, process-wide) serves the DTD only to this thread, only
        // while this validation runs: other threads and other files load as usual.
        XMLGrammarValidator.installLoader
        let thread = Thread.current.threadDictionary
        if case .dtd = grammar {
            thread[XMLGrammarValidator.dtdKey] = grammarPath
            thread[XMLGrammarValidator.documentKey] = path
        }
        defer {
            thread.removeObject(forKey: XMLGrammarValidator.dtdKey)
            thread.removeObject(forKey: XMLGrammarValidator.documentKey)
        }
        guard let reader = xmlReaderForFile(path, nil, options) else {
            return [Diagnostic.error("cannot-read", "cannot open the file", file: path)]
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, Self.handler, Unmanaged.passUnretained(box).toOpaque())
        if case .relaxNG(let schema) = grammar { xmlTextReaderRelaxNGSetSchema(reader, schema) }
        var rc: Int32 = 1
        var sawDoctype = false
        while rc == 1 {
            rc = xmlTextReaderRead(reader)
            if rc == 1, xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
                sawDoctype = true
                // An internal subset would change the grammar the file is judged by (a file could
                // declare itself valid): the shipped DTD is the only grammar, so such a file is refused.
                if case .dtd = grammar, let doc = xmlTextReaderCurrentDoc(reader), let subset = doc.pointee.intSubset,
                    subset.pointee.children != nil
                {
                    let line = Self.doctypeLine(path)
                    return [
                        Diagnostic.error(
                            "internal-subset",
                            "the DOCTYPE declares its own grammar inside the file ([…]); only the official DTD counts, so this file is refused: remove the part in brackets",
                            file: path, line: Swift.max(line, 1), column: 1)
                    ]
                }
            }
        }
        if case .dtd = grammar, !sawDoctype, rc == 0 { return inMemoryErrors(path) }
        // Not well-formed: that is the error to report, not the validity noise before it
        // ("no DTD found" for a file without DOCTYPE, which would be validated in memory).
        let entries = rc < 0 ? box.all.filter { !$0.message.contains("no DTD found") } : box.all
        var errors = entries.map { $0.diagnostic(rule: rc < 0 ? "malformed-xml" : "not-valid", file: path) }
        if errors.isEmpty && (rc < 0 || xmlTextReaderIsValid(reader) != 1) {
            errors.append(
                Diagnostic.error(
                    rc < 0 ? "malformed-xml" : "not-valid",
                    rc < 0
                        ? "not well-formed XML"
                        : "not valid against \(URL(fileURLWithPath: grammarPath).lastPathComponent)",
                    file: path, line: Int(xmlTextReaderGetParserLineNumber(reader)), column: 1))
        }
        return errors
    }

    /// The line of `<!DOCTYPE` (libxml2 gives a DTD node no line), from the file's first 64 KB.
    static func doctypeLine(_ path: String) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { return 1 }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 65536)) ?? Data())
        let needle = Array("<!DOCTYPE".utf8)
        var line = 1
        var i = 0
        while i + needle.count <= head.count {
            if head[i] == 0x0A {
                line += 1
            } else if head[i] == needle[0], Array(head[i..<(i + needle.count)]) == needle {
                return line
            }
            i += 1
        }
        return 1
    }

    static let dtdKey = "mekong.xml.dtd"
    static let documentKey = "mekong.xml.document"
    nonisolated(unsafe) static var defaultLoader: xmlExternalEntityLoader?

    /// Installs ``loader`` once, keeping libxml2's own loader for every other request.
    static let installLoader: Void = {
        defaultLoader = xmlGetExternalEntityLoader()
        xmlSetExternalEntityLoader(loader)
    }()

    /// During a DTD validation on this thread, every request but the document itself gets the
    /// validator's DTD (so no other file and no network is ever read); otherwise libxml2's loader.
    private static let loader: xmlExternalEntityLoader = { url, id, ctxt in
        let thread = Thread.current.threadDictionary
        if let dtd = thread[XMLGrammarValidator.dtdKey] as? String,
            url.map({ String(cString: $0) }) != thread[XMLGrammarValidator.documentKey] as? String
        {
            return xmlNewInputFromFile(ctxt, dtd)
        }
        return XMLGrammarValidator.defaultLoader?(url, id, ctxt)
    }

    /// DTD validation of a document without a DOCTYPE: the document is loaded in memory.
    private func inMemoryErrors(_ path: String) -> [Diagnostic] {
        let box = ErrorBox(collectAll: true)
        // libxml2 2.9 has no per-context handler for parse and DTD errors: install the
        // thread's structured handler for the duration of this call.
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(box).toOpaque(), Self.handler)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        guard let doc = xmlReadFile(path, nil, XMLLibrary.safeParseOptions) else {
            return [
                box.all.first?.diagnostic(rule: "malformed-xml", file: path)
                    ?? Diagnostic.error("malformed-xml", "cannot parse", file: path)
            ]
        }
        defer { xmlFreeDoc(doc) }
        var ok: Bool
        switch grammar {
        case .relaxNG(let schema):
            let v = xmlRelaxNGNewValidCtxt(schema)
            defer { xmlRelaxNGFreeValidCtxt(v) }
            xmlRelaxNGSetValidStructuredErrors(v, Self.handler, Unmanaged.passUnretained(box).toOpaque())
            ok = xmlRelaxNGValidateDoc(v, doc) == 0
        case .dtd(let dtd):
            let v = xmlNewValidCtxt()
            defer { xmlFreeValidCtxt(v) }
            ok = xmlValidateDtd(v, doc, dtd) == 1
            if !ok && box.all.isEmpty {
                // The DTD validator reports through the generic channel; say at least that.
                box.all.append(.init(file: path, line: 0, column: 0, message: "not valid against the DTD"))
            }
        }
        let errors = box.all.map { $0.diagnostic(rule: "not-valid", file: path) }
        return ok && errors.isEmpty
            ? [] : (errors.isEmpty ? [Diagnostic.error("not-valid", "not valid", file: path)] : errors)
    }

    private static let handler: xmlStructuredErrorFunc = { ctx, err in
        guard let ctx, let err else { return }
        Unmanaged<ErrorBox>.fromOpaque(ctx).takeUnretainedValue().record(err)
    }
}
