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
    /// The CSV separator, or `nil` to detect it from the header (`,`, `;` or tab).
    public var separator: Character?
    /// An empty cell of a column the file has clears the field (default: it changes nothing).
    public var clearEmpty: Bool
    /// Compute and report the changes, write nothing.
    public var dryRun: Bool

    /// Makes a job importing `file`, in `format`, or when `nil` the format its extension says (see
    /// ``Format/init(path:)``).
    public init(
        file: String, format: Format? = nil, separator: Character? = nil, clearEmpty: Bool = false, dryRun: Bool = false
    ) {
        self.file = file
        self.format = format ?? Format(path: file)
        self.separator = separator
        self.clearEmpty = clearEmpty
        self.dryRun = dryRun
    }

    /// What an import did (or, with ``dryRun``, would do).
    public struct Report: Sendable, Encodable {
        /// Concepts added, changed (with each changed field) and kept.
        public var merge: CSVFormat.ImportReport
        /// The separator used for CSV (`,`, `;` or `tab`), `nil` for TBX.
        public var separator: String?
        /// Whether nothing was written.
        public var dryRun: Bool
    }

    /// Reads the rows and merges them field by field (see ``CSVFormat/merge(_:into:clearEmpty:)``).
    /// - Throws: ``Diagnostic`` or ``Diagnostics`` for an unreadable file or bad rows (nothing
    ///   is merged then).
    public func run(into location: GlossaryLocation) throws -> Report {
        let rows: [CSVFormat.Row]
        var used: Character?
        switch format {
        case .tbx:
            if FileSystem.kind(of: file) != .file { _ = try TextFile.bytes(at: file) }  // the same errors as any file
            rows = try TBXFormat.read(path: file).enumerated().map {
                CSVFormat.Row(line: $0.offset + 1, concept: $0.element, hasID: !$0.element.id.isEmpty)
            }
        case .csv, .tsv:
            let text = try TextFile.text(at: file)
            let sep = separator ?? (format == .tsv ? "\t" : CSVFormat.detectSeparator(text))
            used = sep
            rows = try CSVFormat.read(text, file: file, separator: sep)
        }
        let name = used.map { $0 == "\t" ? "tab" : String($0) }
        if dryRun {
            var glossary = location.store.exists ? try location.load() : Glossary()
            return Report(
                merge: CSVFormat.merge(rows, into: &glossary, clearEmpty: clearEmpty), separator: name, dryRun: true)
        }
        let merge = try location.store.update(creating: true) { glossary in
            CSVFormat.merge(rows, into: &glossary, clearEmpty: clearEmpty)
        }
        return Report(merge: merge, separator: name, dryRun: false)
    }
}
