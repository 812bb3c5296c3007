import MekongExchange
public import MekongGlossary
import MekongText

/// `mekong glossary import`: merges a CSV, TSV or TBX file into the glossary (created if
/// missing). Nothing is imported from a file with errors.
public struct GlossaryImportJob: Sendable {
    /// The file's format.
    public enum Format: String, Sendable, CaseIterable {
        case csv, tsv, tbx

        /// From the file's extension: `.tbx`, `.tsv`/`.tab`, anything else CSV.
        public init(path: String) {
            let ext = path.split(separator: ".").last?.lowercased() ?? ""
            self = ext == "tbx" ? .tbx : ext == "tsv" || ext == "tab" ? .tsv : .csv
        }
    }

    /// The path of the file to import.
    public var file: String
    /// How to read the file.
    public var format: Format

    /// Makes a job importing `file`, in `format`, or when `nil` the format its extension says (see
    /// ``Format/init(path:)``).
    public init(file: String, format: Format? = nil) {
        self.file = file
        self.format = format ?? Format(path: file)
    }

    /// Reads the rows and merges them.
    /// - Throws: ``Diagnostic`` or ``Diagnostics`` for an unreadable file or bad rows (nothing
    ///   is merged then).
    public func run(into location: GlossaryLocation) throws -> CSVFormat.ImportReport {
        let rows: [CSVFormat.Row]
        switch format {
        case .tbx:
            if FileSystem.kind(of: file) != .file { _ = try TextFile.bytes(at: file) }      // the same errors as any file
            rows = try TBXFormat.read(path: file).enumerated().map {
                CSVFormat.Row(line: $0.offset + 1, concept: $0.element, hasID: !$0.element.id.isEmpty)
            }
        case .csv, .tsv:
            rows = try CSVFormat.read(try TextFile.text(at: file), file: file, separator: format == .tsv ? "\t" : ",")
        }
        return try location.store.update(creating: true) { glossary in CSVFormat.merge(rows, into: &glossary) }
    }
}
