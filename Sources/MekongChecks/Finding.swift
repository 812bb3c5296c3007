/// How bad a finding is. Only ``error`` makes `mekong check` exit 1.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One problem in a text.
public struct Finding: Hashable, Sendable {
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    public var severity: Severity
    /// A stable rule id, e.g. `name-diacritics`.
    public var rule: String
    /// The text as found.
    public var found: String
    /// The suggested spelling, if there is one.
    public var expected: String?
    /// The glossary concept, if the finding is about a known name.
    public var concept: String?
    public var message: String
    /// Byte range of `found` in its line, for `--fix`.
    public var byteRange: Range<Int>
    /// Whether `--fix` may replace `found` by `expected` without asking anyone.
    public var fixable: Bool

    public init(file: String, line: Int, column: Int, severity: Severity, rule: String, found: String, expected: String?,
                concept: String? = nil, message: String, byteRange: Range<Int>, fixable: Bool) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.rule = rule
        self.found = found
        self.expected = expected
        self.concept = concept
        self.message = message
        self.byteRange = byteRange
        self.fixable = fixable
    }

    /// `file:line:column: severity: found "…", expected "…" [rule] (concept)`.
    public var text: String {
        var s = "\(file):\(line):\(column): \(severity.rawValue): found \"\(found)\""
        if let expected { s += ", expected \"\(expected)\"" }
        s += " [\(rule)]"
        if let concept { s += " (\(concept))" }
        return s
    }
}
