import Foundation
public import MekongText
import MekongXML

/// The official schemas shipped with Mekong (see Resources/schemas/README.md), and validation
/// of any file Mekong reads or writes against the right one.
public enum Schemas {
    /// An exchange format Mekong knows; the raw value is its name for people (`XLIFF 1.2`).
    public enum Format: String, Sendable {
        case xliff12 = "XLIFF 1.2 (strict)"
        case xliff12Transitional = "XLIFF 1.2 (transitional)"
        case xliff2 = "XLIFF 2.x"
        case xliff22 = "XLIFF 2.2"
        case tmx = "TMX 1.4b"
        case tbx2019 = "TBX 2019"
        case tbx2008 = "TBX 2008 (martif)"
        case srx = "SRX"

        /// The format's name without the schema that holds (`XLIFF 1.2` for both 1.2 schemas).
        public var name: String { self == .xliff12 || self == .xliff12Transitional ? "XLIFF 1.2" : rawValue }
    }

    /// The XLIFF 2.2 core namespace (XLIFF 2.0 and 2.1 share `…:document:2.0`).
    static let xliff22Namespace = "urn:oasis:names:tc:xliff:document:2.2"

    /// The format of an XML file, from its root element (and version attribute).
    public static func format(ofFile path: String) throws -> Format {
        try sniff(path)
        let reader = try XMLStreamReader(path: path)
        while let event = try reader.next() {
            guard case .startElement(let name, let namespace, let attributes, _) = event else { continue }
            let version = attributes.first { $0.name == "version" }?.value ?? ""
            switch name.split(separator: ":").last.map(String.init) ?? name {
            case "xliff":
                if version.hasPrefix("1.") { return .xliff12 }
                return namespace == xliff22Namespace ? .xliff22 : .xliff2
            case "tmx": return .tmx
            case "tbx": return .tbx2019
            case "martif": return .tbx2008
            case "srx": return .srx
            default:
                throw Diagnostic.error(
                    "unknown-format", "not an exchange file Mekong knows: the root element is <\(name)>", file: path,
                    line: reader.currentLine)
            }
        }
        throw Diagnostic.error("malformed-xml", "no root element", file: path)
    }

    /// Refuses, with words a translator understands, what is not XML at all: an empty file, a file
    /// of plain text (libxml2 would say "Extra content at the end of the document" for the first and
    /// "Document is empty" for the second), or bytes that are not UTF-8 text.
    static func sniff(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic.error("cannot-read", "cannot open the file", file: path)
        }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        var i = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return }  // UTF-16: libxml2 reads it
        var line = 1
        var column = 1
        while i < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[i]) {
            if head[i] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        if head.isEmpty || i == head.count && head.count < 4096 {
            throw Diagnostic.error(
                "empty-file", "the file is empty: there is no XML in it", file: path, line: 1, column: 1)
        }
        if i < head.count, head[i] != UInt8(ascii: "<") {
            throw Diagnostic.error(
                "not-xml", "not an XML file: it starts with text, not with \"<\" (is it the right file?)",
                file: path, line: line, column: column)
        }
    }

    /// Validates a file against the official schema of its format.
    ///
    /// Well-formedness comes first (one clear error rather than schema errors around it), read the
    /// way `mekong import` reads files, so both accept and refuse the same files (entity references,
    /// libxml2's size limits). XLIFF 1.2 is tried against the strict schema, then the transitional
    /// one (what most CAT tools write); XLIFF 2.x against the core and every OASIS module, then the
    /// constraints the specification states that XSD cannot (``XLIFF2Constraints``).
    /// - Returns: the format (for XLIFF 1.2, the schema that holds) and the validity errors (empty when valid).
    public static func validate(file path: String) throws -> (Format, [Diagnostic]) {
        let format = try format(ofFile: path)
        if format == .xliff12 {
            // XSD validation reads through SAX, which skips the limits a reader enforces (a 12 MB
            // text node passes): read once as import does. The DTD and RELAX NG validators and the
            // XLIFF 2 constraint pass stream with xmlTextReader already, under the same limits.
            if let e = wellFormednessError(path) { return (format, [e]) }
        }
        switch format {
        case .xliff12, .xliff12Transitional:
            let strict = try XMLSchemaValidator(schemaPath: try resource("xliff-core-1.2-strict.xsd")).errors(
                inFile: path)
            if strict.isEmpty { return (.xliff12, []) }
            let transitional = try XMLSchemaValidator(schemaPath: try resource("xliff-core-1.2-transitional.xsd"))
                .errors(inFile: path)
            return transitional.isEmpty ? (.xliff12Transitional, []) : (.xliff12, transitional)
        case .xliff2, .xliff22:
            // The streaming constraint pass also proves well-formedness: a malformed file gets that one error.
            let constraints: [Diagnostic]
            do { constraints = try XLIFF2Constraints.errors(inFile: path) } catch {
                return (format, error.diagnostics(file: path))
            }
            let driver = format == .xliff22 ? "xliff22/driver-all.xsd" : "xliff21/driver-all.xsd"
            let schemaErrors = try XMLSchemaValidator(
                schemaPath: try resource(driver), catalogPath: try resource("catalog.xml")
            ).errors(inFile: path)
            return (format, schemaErrors + constraints)
        case .tmx: return (format, try XMLGrammarValidator(dtdPath: try resource("tmx14.dtd")).errors(inFile: path))
        case .tbx2019:
            var errors = try XMLGrammarValidator(relaxNGPath: try resource("TBXcoreStructV03.rng")).errors(inFile: path)
            if errors.isEmpty { errors = try TBXFormat.dialectDiagnostics(inFile: path) }
            return (format, errors)
        case .tbx2008:
            return (format, try XMLGrammarValidator(dtdPath: try resource("TBXcoreStructV02.dtd")).errors(inFile: path))
        case .srx:
            throw Diagnostic.error(
                "unsupported", "SRX validation needs the SRX schema, which Mekong does not ship", file: path)
        }
    }

    /// The first well-formedness error of a file, read as ``XMLStreamReader`` (and so `import`) reads it.
    static func wellFormednessError(_ path: String) -> Diagnostic? {
        do {
            let reader = try XMLStreamReader(path: path)
            while try reader.next() != nil {}
            return nil
        } catch {
            return error.diagnostics(file: path).first
        }
    }

    static func resource(_ name: String) throws -> String {
        guard let base = Bundle.module.resourceURL?.appendingPathComponent("schemas") else {
            throw Diagnostic.error("internal", "schemas missing from the package resources", file: name)
        }
        let path = base.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw Diagnostic.error("internal", "schema missing from the package resources", file: name)
        }
        return path
    }
}
