internal import CLibXML2
import Foundation
public import MekongText

/// Validates documents against a W3C XML Schema (XSD), offline.
///
/// The corresponding libxml2 calls are `xmlSchemaParse` and `xmlSchemaValidateFile`. Schemas
/// that import others by URL (xml.xsd) need an OASIS catalog mapping them to local copies;
/// nothing is fetched from the network.
public final class XMLSchemaValidator {
    private let schema: OpaquePointer
    private let schemaPath: String

    /// Compiles the schema at `schemaPath`, loading `catalogPath` first if given.
    /// - Throws: ``Diagnostic`` when the schema cannot be read or compiled.
    public init(schemaPath: String, catalogPath: String? = nil) throws {
        XMLLibrary.initialize()
        if let catalogPath { Self.load(catalog: catalogPath) }
        self.schemaPath = schemaPath
        guard let ctxt = xmlSchemaNewParserCtxt(schemaPath) else {
            throw Diagnostic.error("bad-schema", "cannot read the schema", file: schemaPath)
        }
        defer { xmlSchemaFreeParserCtxt(ctxt) }
        let box = ErrorBox()
        xmlSchemaSetParserStructuredErrors(ctxt, Self.handler, Unmanaged.passUnretained(box).toOpaque())
        guard let s = xmlSchemaParse(ctxt) else {
            throw box.first?.diagnostic(rule: "bad-schema", file: schemaPath)
                ?? Diagnostic.error("bad-schema", "invalid schema", file: schemaPath)
        }
        schema = s
    }

    deinit { xmlSchemaFree(schema) }

    private static let catalogLock = NSLock()
    nonisolated(unsafe) private static var catalogs: Set<String> = []

    /// Adds a catalog to libxml2's process-wide list once (loading it again would add it again).
    private static func load(catalog path: String) {
        catalogLock.lock()
        defer { catalogLock.unlock() }
        if catalogs.insert(path).inserted { xmlLoadCatalog(path) }
    }

    /// The validity errors of the file at `path` (empty when it is valid), in document order.
    public func errors(inFile path: String) -> [Diagnostic] {
        guard let vctxt = xmlSchemaNewValidCtxt(schema) else {
            return [Diagnostic.error("internal", "cannot create a validation context", file: path)]
        }
        defer { xmlSchemaFreeValidCtxt(vctxt) }
        let box = ErrorBox(collectAll: true)
        xmlSchemaSetValidStructuredErrors(vctxt, Self.handler, Unmanaged.passUnretained(box).toOpaque())
        let rc = xmlSchemaValidateFile(vctxt, path, 0)
        var errors = box.all.map { $0.diagnostic(rule: "not-valid", file: path) }
        if rc != 0 && errors.isEmpty {
            errors.append(
                Diagnostic.error(
                    rc < 0 ? "cannot-read" : "not-valid", rc < 0 ? "cannot read the file" : "not valid", file: path))
        }
        return errors
    }

    private static let handler: xmlStructuredErrorFunc = { ctx, err in
        guard let ctx, let err else { return }
        Unmanaged<ErrorBox>.fromOpaque(ctx).takeUnretainedValue().record(err)
    }
}
