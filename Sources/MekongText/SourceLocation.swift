/// A position in a text file, as editors and compilers show it.
///
/// Both numbers are 1-based. `column` counts Unicode scalars from the start of the line, not
/// bytes or grapheme clusters: "Điện" is 4 columns in NFC and 7 in NFD.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// An error in an input file, rendered as `file:line:column: message`.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation?
    public var message: String

    public init(file: String, location: SourceLocation?, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String {
        if let location { return "\(file):\(location): \(message)" }
        return "\(file): \(message)"
    }
}
