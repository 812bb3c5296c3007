import MekongXML
public import MekongText

/// One SRX rule: break or don't break where `before` matches the text ending at a position
/// and `after` matches the text starting there. An empty pattern matches everywhere.
public struct SRXRule: Hashable, Sendable {
    public var isBreak: Bool
    public var before: String
    public var after: String
    /// Where the rule was read from, e.g. `rules.srx:42`, for error messages.
    public var origin: String

    /// ``origin`` as a place: the file and, after its last colon, the line.
    public var location: SourceLocation { SRXError.location(origin) }

    public init(isBreak: Bool, before: String, after: String, origin: String = "") {
        self.isBreak = isBreak
        self.before = before
        self.after = after
        self.origin = origin
    }
}

/// A `<languagemap>`: languages whose code matches `pattern` (the whole code) use the named rules.
public struct SRXLanguageMap: Hashable, Sendable {
    public var pattern: String
    public var ruleName: String
}

/// An SRX 2.0 document (segmentation rules exchange, LISA OSCAR): named rule lists and the map
/// from language codes to them.
public struct SRXDocument: Sendable {
    /// `cascade="yes"`: every map whose pattern matches contributes its rules, in map order.
    /// `"no"`: only the first matching map.
    public var cascade: Bool
    /// Rule lists in document order, by `languagerulename`.
    public var languageRules: [(name: String, rules: [SRXRule])]
    public var maps: [SRXLanguageMap]

    public init(cascade: Bool, languageRules: [(name: String, rules: [SRXRule])], maps: [SRXLanguageMap]) {
        self.cascade = cascade
        self.languageRules = languageRules
        self.maps = maps
    }

    /// The ordered rules that apply to `language` (a code such as `fr` or `fr-FR`), following
    /// the language maps and the cascade setting. A language no map matches gets no rules, as in
    /// the SRX specification (and so no breaks).
    public func rules(for language: String) throws -> [SRXRule] {
        var result: [SRXRule] = []
        for map in maps {
            let node: PatternNode
            do { node = try PatternParser.parse(map.pattern) } catch {
                throw SRXError.make(origin: "languagemap '\(map.pattern)'", message: "bad language pattern: \(error)")
            }
            let code = Array(language.utf8)
            let matches = code.withUnsafeBufferPointer { buf -> Bool in
                let base = buf.baseAddress ?? UnsafePointer(bitPattern: 1)!
                let m = PatternMatcher(base: base, count: buf.count)
                return m.matchesWhole(node)
            }
            guard matches else { continue }
            guard let list = languageRules.first(where: { $0.name == map.ruleName }) else {
                throw SRXError.make(origin: "languagemap '\(map.pattern)'", message: "no languagerule named '\(map.ruleName)'")
            }
            result += list.rules
            if !cascade { break }
        }
        return result
    }

    /// Reads an SRX file (2.0, or 1.0 which has the same elements) through libxml2.
    /// - Throws: ``Diagnostic`` naming the file and line.
    public static func load(path: String) throws -> SRXDocument {
        try parse(XMLStreamReader(path: path), name: path)
    }

    /// Reads SRX from bytes in memory.
    public static func load(bytes: [UInt8], name: String) throws -> SRXDocument {
        try parse(XMLStreamReader(bytes: bytes, name: name), name: name)
    }

    // MARK: Implementation Details

    private static func parse(_ reader: XMLStreamReader, name: String) throws -> SRXDocument {
        var cascade = false
        var sawRoot = false
        var lists: [(name: String, rules: [SRXRule])] = []
        var maps: [SRXLanguageMap] = []
        var currentRule: SRXRule?
        var field: String?     // "before" or "after" while inside those elements
        var text = ""
        func local(_ qname: String) -> Substring { qname.split(separator: ":").last ?? Substring(qname) }
        func attr(_ attrs: [XMLAttribute], _ n: String) -> String? { attrs.first { local($0.name) == n }?.value }

        while let event = try reader.next() {
            switch event {
            case .startElement(let qname, _, let attrs, _):
                switch local(qname) {
                case "srx": sawRoot = true
                case "header": cascade = attr(attrs, "cascade")?.lowercased() == "yes"
                case "languagerule":
                    lists.append((attr(attrs, "languagerulename") ?? "", []))
                case "rule":
                    let isBreak = (attr(attrs, "break") ?? "yes").lowercased() != "no"
                    currentRule = SRXRule(isBreak: isBreak, before: "", after: "", origin: "\(name):\(reader.currentLine)")
                case "beforebreak": field = "before"; text = ""
                case "afterbreak": field = "after"; text = ""
                case "languagemap":
                    guard let pattern = attr(attrs, "languagepattern"), let rule = attr(attrs, "languagerulename") else {
                        throw SRXError.make(origin: "\(name):\(reader.currentLine)", message: "languagemap needs languagepattern and languagerulename")
                    }
                    maps.append(SRXLanguageMap(pattern: pattern, ruleName: rule))
                default: break
                }
            case .text(let t):
                if field != nil { text += t }
            case .endElement(let qname):
                switch local(qname) {
                case "beforebreak": currentRule?.before = text; field = nil
                case "afterbreak": currentRule?.after = text; field = nil
                case "rule":
                    if let rule = currentRule, !lists.isEmpty { lists[lists.count - 1].rules.append(rule) }
                    currentRule = nil
                default: break
                }
            }
        }
        guard sawRoot else { throw SRXError.make(origin: name, message: "not an SRX document (no <srx> root)") }
        return SRXDocument(cascade: cascade, languageRules: lists, maps: maps)
    }
}

/// Problems with SRX rules, as ``Diagnostic``s with the code `bad-rules`.
public enum SRXError {
    /// A diagnostic for `origin` (`file:line`, or a file alone).
    public static func make(origin: String, message: String) -> Diagnostic {
        Diagnostic(severity: .error, rule: "bad-rules", message: message, location: location(origin))
    }

    static func location(_ origin: String) -> SourceLocation {
        if let colon = origin.lastIndex(of: ":"), let line = Int(origin[origin.index(after: colon)...]) {
            return SourceLocation(file: String(origin[..<colon]), line: line)
        }
        return SourceLocation(file: origin)
    }
}
