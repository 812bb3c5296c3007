import Foundation
import MekongXML
public import MekongText

/// The official schemas shipped with Mekong (see Resources/schemas/README.md), and validation
/// of any file Mekong reads or writes against the right one.
public enum Schemas {
    /// An exchange format Mekong knows; the raw value is its name for people (`XLIFF 1.2`).
    public enum Format: String, Sendable {
        case xliff12 = "XLIFF 1.2", xliff2 = "XLIFF 2.x", tmx = "TMX 1.4b", tbx2019 = "TBX 2019", tbx2008 = "TBX 2008 (martif)", srx = "SRX"
    }

    /// The format of an XML file, from its root element (and version attribute).
    public static func format(ofFile path: String) throws -> Format {
        let reader = try XMLStreamReader(path: path)
        while let event = try reader.next() {
            guard case .startElement(let name, _, let attributes, _) = event else { continue }
            let version = attributes.first { $0.name == "version" }?.value ?? ""
            switch name.split(separator: ":").last.map(String.init) ?? name {
            case "xliff": return version.hasPrefix("1.") ? .xliff12 : .xliff2
            case "tmx": return .tmx
            case "tbx": return .tbx2019
            case "martif": return .tbx2008
            case "srx": return .srx
            default: throw Diagnostic.error("unknown-format", "not an exchange file Mekong knows: the root element is <\(name)>", file: path, line: reader.currentLine)
            }
        }
        throw Diagnostic.error("malformed-xml", "no root element", file: path)
    }

    /// Validates a file against the official schema of its format.
    /// - Returns: the format and the validity errors (empty when valid).
    public static func validate(file path: String) throws -> (Format, [Diagnostic]) {
        let format = try format(ofFile: path)
        let errors: [Diagnostic]
        switch format {
        case .xliff12: errors = try XMLSchemaValidator(schemaPath: try resource("xliff-core-1.2-strict.xsd")).errors(inFile: path)
        case .xliff2: errors = try XMLSchemaValidator(schemaPath: try resource("xliff21/driver.xsd")).errors(inFile: path)
        case .tmx: errors = try XMLGrammarValidator(dtdPath: try resource("tmx14.dtd")).errors(inFile: path)
        case .tbx2019: errors = try XMLGrammarValidator(relaxNGPath: try resource("TBXcoreStructV03.rng")).errors(inFile: path)
        case .tbx2008: errors = try XMLGrammarValidator(dtdPath: try resource("TBXcoreStructV02.dtd")).errors(inFile: path)
        case .srx: throw Diagnostic.error("unsupported", "SRX validation needs the SRX schema, which Mekong does not ship", file: path)
        }
        return (format, errors)
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
