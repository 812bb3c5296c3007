/// An error reading or writing XML, with the position libxml2 reported.
public struct XMLError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file or `<memory>`.
    public var file: String
    /// 1-based line, or 0 when unknown.
    public var line: Int
    /// 1-based column as libxml2 counts it, or 0 when unknown.
    public var column: Int
    /// The message, without a trailing newline.
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        switch (line, column) {
        case (0, _): return "\(file): \(message)"
        case (_, 0): return "\(file):\(line): \(message)"
        default: return "\(file):\(line):\(column): \(message)"
        }
    }
}
