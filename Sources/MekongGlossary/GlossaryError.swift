/// A problem with glossary data, rendered as `file:line:column: message` (1-based; columns in
/// Unicode scalars).
public struct GlossaryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int = 0, column: Int = 0, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }
}

/// Several problems at once: nothing is loaded or imported from a file with errors.
public struct GlossaryErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [GlossaryError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
