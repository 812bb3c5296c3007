import MekongExchange
public import MekongText

/// `mekong validate`: each file against the official schema of its format.
public struct ValidateJob: Sendable {
    /// Makes the job (it has no options).
    public init() {}

    /// The verdict on one file.
    public struct File: Sendable, Encodable {
        /// The path, as given.
        public var file: String
        /// The format recognised (`XLIFF 2.x`), if any.
        public var format: String?
        /// Empty when the file is valid.
        public var errors: [Diagnostic]
        /// Whether the format was recognised and the file has no errors; not in the JSON.
        public var valid: Bool { format != nil && errors.isEmpty }
    }

    /// What a run found: a verdict per readable file, in input order, and the files that could not be read.
    public struct Report: Sendable, Encodable {
        /// A verdict per file that could be read, valid or not, in input order.
        public var files: [File] = []
        /// Files that could not be read at all (missing, a folder).
        public var failures: [Diagnostic] = []
        /// Unreadable 2; invalid 1; else 0.
        public var outcome: Outcome { .of(failures: failures, found: files.contains { !$0.valid }) }
    }

    /// Validates each path; a file that is not well-formed or of no known format is a ``File`` with
    /// errors, not a failure. Every path is tried: there is no fail-fast.
    public func run(_ paths: [String]) throws -> Report {
        var report = Report()
        report.failures = try forEachInput(paths.map { .file($0) }) { input in
            let path = input.description
            try TextFile.requireFile(path)
            do {
                let (format, errors) = try Schemas.validate(file: path)
                report.files.append(File(file: path, format: format.rawValue, errors: errors))
            } catch {
                // Not well-formed, or no known root element: invalid, not unreadable.
                report.files.append(File(file: path, format: nil, errors: error.diagnostics(file: path)))
            }
        }
        return report
    }
}
