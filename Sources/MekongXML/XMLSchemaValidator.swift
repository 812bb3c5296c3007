internal import CLibXML2

/// Validates documents against a W3C XML Schema (XSD), offline.
///
/// The corresponding libxml2 calls are `xmlSchemaParse` and `xmlSchemaValidateFile`. Schemas
/// that import others by URL (xml.xsd) need an OASIS catalog mapping them to local copies;
/// nothing is fetched from the network.
public final class XMLSchemaValidator {
    private let schema: OpaquePointer
    private let schemaPath: String

    /// Compiles the schema at `schemaPath`, loading `catalogPath` first if given.
    /// - Throws: ``XMLError`` when the schema cannot be read or compiled.
    public init(schemaPath: String, catalogPath: String? = nil) throws {
        XMLLibrary.initialize()
        if let catalogPath { xmlLoadCatalog(catalogPath) }
        self.schemaPath = schemaPath
        guard let ctxt = xmlSchemaNewParserCtxt(schemaPath) else {
            throw XMLError(file: schemaPath, line: 0, column: 0, message: "cannot read schema")
        }
        defer { xmlSchemaFreeParserCtxt(ctxt) }
        let box = ErrorBox()
        xmlSchemaSetParserStructuredErrors(ctxt, Self.handler, Unmanaged.passUnretained(box).toOpaque())
        guard let s = xmlSchemaParse(ctxt) else {
            let e = box.first
            throw XMLError(file: e?.file ?? schemaPath, line: e?.line ?? 0, column: e?.column ?? 0, message: e?.message ?? "invalid schema")
        }
        schema = s
    }

    deinit { xmlSchemaFree(schema) }

    /// The validity errors of the file at `path` (empty when it is valid), in document order.
    public func errors(inFile path: String) -> [XMLError] {
        guard let vctxt = xmlSchemaNewValidCtxt(schema) else {
            return [XMLError(file: path, line: 0, column: 0, message: "cannot create validation context")]
        }
        defer { xmlSchemaFreeValidCtxt(vctxt) }
        let box = ErrorBox(collectAll: true)
        xmlSchemaSetValidStructuredErrors(vctxt, Self.handler, Unmanaged.passUnretained(box).toOpaque())
        let rc = xmlSchemaValidateFile(vctxt, path, 0)
        var errors = box.all.map { XMLError(file: path, line: $0.line, column: $0.column, message: $0.message) }
        if rc != 0 && errors.isEmpty {
            errors.append(XMLError(file: path, line: 0, column: 0, message: "not valid (libxml2 code \(rc))"))
        }
        return errors
    }

    private static let handler: xmlStructuredErrorFunc = { ctx, err in
        guard let ctx, let err else { return }
        Unmanaged<ErrorBox>.fromOpaque(ctx).takeUnretainedValue().record(err)
    }
}
