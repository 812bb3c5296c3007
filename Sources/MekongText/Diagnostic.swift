/// How bad a diagnostic is. Only ``error`` means "wrong": a finding that is an error makes
/// `mekong check` exit 1; an error about the input makes any command exit 2.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    /// A matter of house style (tone-mark placement).
    case info
    /// Style, consistency and hygiene: worth a look, not a wrong name.
    case warning
    /// A wrong or forbidden spelling, a look-alike letter, or input Mekong cannot read.
    case error

    /// Orders by seriousness, in declaration order: ``info`` < ``warning`` < ``error``.
    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Where a diagnostic points: a file, optionally a segment in it (XLIFF), a line and a column.
///
/// Both numbers are 1-based. ``column`` counts in ``unit``: Unicode scalars for everything
/// Mekong reads itself ("Điện" is 4 columns in NFC and 7 in NFD), as libxml2 reports them for
/// XML. Rendered as compilers do: `file:line:column`, or `file#segment:line:column`.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What a column counts.
    public enum Unit: String, Hashable, Sendable, Codable {
        /// Unicode scalars from the start of the line.
        case scalars
        /// UTF-8 bytes from the start of the line.
        case bytes
    }

    /// The file (a path as the user gave it), `<stdin>`, or `<memory>`.
    public var file: String
    /// The XLIFF segment (or other unit inside the file) the position is in.
    public var segment: String?
    /// 1-based line, or `nil` when the place is the whole file.
    public var line: Int?
    /// 1-based column in ``unit``, or `nil` when only the line is known.
    public var column: Int?
    /// What ``column`` counts.
    public var unit: Unit

    /// A place in `file`. A `line` or `column` below 1 is taken as unknown (`nil`), and so is a
    /// `column` given without a line.
    /// - Parameters:
    ///   - line: the 1-based line.
    ///   - column: the 1-based column, counted in `unit`.
    public init(file: String, segment: String? = nil, line: Int? = nil, column: Int? = nil, unit: Unit = .scalars) {
        self.file = file
        self.segment = segment
        self.line = line.flatMap { $0 > 0 ? $0 : nil }
        self.column = self.line == nil ? nil : column.flatMap { $0 > 0 ? $0 : nil }
        self.unit = unit
    }

    /// `file`, then `#segment`, `:line` and `:column` for the parts that are known: `article.txt:3:6`.
    public var description: String {
        var s = file
        if let segment { s += "#" + segment }
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        return s
    }
}

/// The one kind of message Mekong gives about a text: a finding of a check (a misspelt name)
/// or an error in the input (invalid UTF-8, malformed XML, a missing file), with where it is.
///
/// Rendered as one line, `place: severity: what`:
///
/// ```
/// article.txt:3:6: error: invalid UTF-8
/// article.txt:1:15: error: found "Trấn Quốc Cường", expected "Trần Quốc Cường" [name-diacritics] (tran-quoc-cuong)
/// ```
///
/// It is also the error the library throws (see ``Diagnostics`` for several at once), so a
/// command catches one type and prints one line.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How bad it is: only ``Severity/error`` means "wrong".
    public var severity: Severity
    /// The rule id of a finding (`name-diacritics`) or the code of an error (`invalid-utf8`).
    public var rule: String
    /// What is wrong, in words a translator understands (lower case, no final period).
    public var message: String
    /// Where, or `nil` for a problem with no place (a usage error).
    public var location: SourceLocation?
    /// The text as found (findings).
    public var found: String?
    /// The suggested text, if there is one.
    public var expected: String?
    /// The glossary concept the finding is about.
    public var concept: String?
    /// The UTF-8 byte range of ``found`` in its line, for fixes and reports.
    public var byteRange: Range<Int>?
    /// Whether ``expected`` may replace ``found`` without asking anyone (`--fix`).
    public var fixable: Bool

    /// A diagnostic with every field given. ``error(_:_:file:line:column:unit:)`` and
    /// ``warning(_:_:file:line:)`` are shorter for problems with the input.
    /// - Parameter byteRange: the UTF-8 byte range of `found` in its line (0-based, end excluded).
    public init(
        severity: Severity, rule: String, message: String, location: SourceLocation?, found: String? = nil,
        expected: String? = nil, concept: String? = nil, byteRange: Range<Int>? = nil, fixable: Bool = false
    ) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
        self.found = found
        self.expected = expected
        self.concept = concept
        self.byteRange = byteRange
        self.fixable = fixable
    }

    /// An error about the input: `file:line:column: error: message`.
    public static func error(
        _ rule: String, _ message: String, file: String, line: Int? = nil, column: Int? = nil,
        unit: SourceLocation.Unit = .scalars
    ) -> Diagnostic {
        Diagnostic(
            severity: .error, rule: rule, message: message,
            location: SourceLocation(file: file, line: line, column: column, unit: unit))
    }

    /// A warning about the input that does not stop the work (`FILE: warning: …`).
    public static func warning(_ rule: String, _ message: String, file: String, line: Int? = nil) -> Diagnostic {
        Diagnostic(severity: .warning, rule: rule, message: message, location: SourceLocation(file: file, line: line))
    }

    /// One line: `place: severity: found "…", expected "…" [rule] (concept)` for a finding,
    /// `place: severity: message` otherwise. Control characters in the texts are escaped, so a
    /// diagnostic never breaks the one-per-line output.
    public var description: String {
        var s = location.map { "\($0): " } ?? ""
        s += severity.rawValue + ": "
        if let found {
            s += "found \"\(Self.escaped(found))\""
            if let expected { s += ", expected \"\(Self.escaped(expected))\"" }
            s += " [\(rule)]"
            if let concept { s += " (\(concept))" }
        } else {
            s += Self.escaped(message)
        }
        return s
    }

    /// `text` with C0/C1 controls, line and paragraph separators written as `\n`, `\t` or `\u{…}`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            guard needsEscape(s) else {
                out.unicodeScalars.append(s)
                continue
            }
            switch s {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    private static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029
    }
}

extension Diagnostic: Encodable {
    private enum CodingKeys: String, CodingKey {
        case file, segment, line, column, unit, severity, rule, found, expected, concept, message
    }

    /// JSON: `file`, `segment` (when set), `line`, `column` (null when unknown), `severity`,
    /// `rule`, `found`, `expected`, `concept` (null when absent) and `message`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(location?.file, forKey: .file)
        try c.encodeIfPresent(location?.segment, forKey: .segment)
        try c.encode(location?.line, forKey: .line)
        try c.encode(location?.column, forKey: .column)
        try c.encode(severity, forKey: .severity)
        try c.encode(rule, forKey: .rule)
        try c.encode(found, forKey: .found)
        try c.encode(expected, forKey: .expected)
        try c.encode(concept, forKey: .concept)
        try c.encode(message, forKey: .message)
    }
}

/// Several diagnostics thrown at once, when one input has more than one problem (every bad
/// row of a glossary file): nothing is loaded from such an input.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, in the order the thrower collected them.
    public var all: [Diagnostic]

    /// Several diagnostics, kept in the order given.
    public init(_ all: [Diagnostic]) { self.all = all }

    /// One line per diagnostic.
    public var description: String { all.map(\.description).joined(separator: "\n") }
}

extension Error {
    /// The diagnostics an error carries: itself when it is a ``Diagnostic``, its list when it
    /// is ``Diagnostics``, or one `internal` error naming the type otherwise (never Foundation's
    /// text: every error Mekong means to report is a ``Diagnostic``).
    public func diagnostics(file: String = "mekong") -> [Diagnostic] {
        if let d = self as? Diagnostic { return [d] }
        if let d = self as? Diagnostics { return d.all }
        return [.error("internal", "unexpected \(type(of: self)); please report this", file: file)]
    }
}
