import Foundation
public import MekongText
import MekongXML

/// One SRX rule: break or don't break where `before` matches the text ending at a position
/// and `after` matches the text starting there. An empty pattern matches everywhere.
public struct SRXRule: Hashable, Sendable {
    /// `break="yes"` (a break) or `"no"` (an exception).
    public var isBreak: Bool
    /// The `beforebreak` pattern (ICU/Java regex syntax); empty matches everywhere.
    public var before: String
    /// The `afterbreak` pattern.
    public var after: String
    /// Where the rule was read from, e.g. `rules.srx:42`, for error messages.
    public var origin: String

    /// ``origin`` as a place: the file and, after its last colon, the line.
    public var location: SourceLocation { SRXError.location(origin) }

    /// A rule from its parts.
    public init(isBreak: Bool, before: String, after: String, origin: String = "") {
        self.isBreak = isBreak
        self.before = before
        self.after = after
        self.origin = origin
    }
}

/// A `<languagemap>`: languages whose code matches `pattern` (the whole code) use the named rules.
public struct SRXLanguageMap: Hashable, Sendable {
    /// The `languagepattern`: a regex the whole language code must match.
    public var pattern: String
    /// The `languagerulename` it maps to.
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
    /// The `<languagemap>`s, in document order.
    public var maps: [SRXLanguageMap]
    /// Where the rules came from (the file path, or the name given to ``load(bytes:name:)``).
    public var name: String = ""
    /// What the file asks for that Mekong does not do, found while reading it: Okapi's
    /// `okpsrx:options` that differ from Mekong's behaviour (segments are always trimmed;
    /// ICU break rules are never run underneath), a non-empty `okpsrx:rangeRule`, other
    /// foreign header elements. One message each, without the file name.
    public var ignoredExtensions: [String] = []

    /// A document from its parts.
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
                throw SRXError.make(
                    origin: "languagemap '\(map.pattern)'", message: "no languagerule named '\(map.ruleName)'")
            }
            result += list.rules
            if !cascade { break }
        }
        return result
    }

    /// Whether some language map names `language` specifically, not only as part of every
    /// language (a map whose pattern also matches a code no real language has, such as `.*`).
    /// LanguageTool's file maps Vietnamese and Lao only through `.*`: its rules for them break
    /// at almost nothing.
    public func hasSpecificRules(for language: String) -> Bool {
        maps.contains { map in
            guard let node = try? PatternParser.parse(map.pattern) else { return false }
            func matches(_ code: String) -> Bool {
                Array(code.utf8).withUnsafeBufferPointer { buf in
                    PatternMatcher(base: buf.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: buf.count)
                        .matchesWhole(node)
                }
            }
            return matches(language) && !matches("qaa-x-no-such-language") && !matches("qaa")
        }
    }

    /// The names of the rule lists that apply to `language` (see ``rules(for:)``).
    public func ruleNames(for language: String) -> [String] {
        var names: [String] = []
        for map in maps {
            guard let node = try? PatternParser.parse(map.pattern) else { continue }
            let ok = Array(language.utf8).withUnsafeBufferPointer { buf in
                PatternMatcher(base: buf.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: buf.count).matchesWhole(
                    node)
            }
            guard ok else { continue }
            names.append(map.ruleName)
            if !cascade { break }
        }
        return names
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
        var field: String?  // "before" or "after" while inside those elements
        var text = ""
        var inHeader = false
        var ignored: [String] = []
        var foreign: String?  // a foreign header element whose text is being read
        func local(_ qname: String) -> Substring { qname.split(separator: ":").last ?? Substring(qname) }
        func attr(_ attrs: [XMLAttribute], _ n: String) -> String? { attrs.first { local($0.name) == n }?.value }

        while let event = try reader.next() {
            switch event {
            case .startElement(let qname, let namespace, let attrs, _):
                if inHeader, let namespace, namespace != "http://www.lisa.org/srx20",
                    namespace != "http://www.lisa.org/srx10"
                {
                    ignored += Self.extensionWarnings(qname: qname, local: String(local(qname)), attributes: attrs)
                    if local(qname) == "rangeRule" {
                        foreign = qname
                        text = ""
                    }
                    continue
                }
                switch local(qname) {
                case "srx": sawRoot = true
                case "header":
                    cascade = attr(attrs, "cascade")?.lowercased() == "yes"
                    inHeader = true
                case "languagerule":
                    lists.append((attr(attrs, "languagerulename") ?? "", []))
                case "rule":
                    let isBreak = (attr(attrs, "break") ?? "yes").lowercased() != "no"
                    currentRule = SRXRule(
                        isBreak: isBreak, before: "", after: "", origin: "\(name):\(reader.currentLine)")
                case "beforebreak":
                    field = "before"
                    text = ""
                case "afterbreak":
                    field = "after"
                    text = ""
                case "languagemap":
                    guard let pattern = attr(attrs, "languagepattern"), let rule = attr(attrs, "languagerulename")
                    else {
                        throw SRXError.make(
                            origin: "\(name):\(reader.currentLine)",
                            message: "languagemap needs languagepattern and languagerulename")
                    }
                    maps.append(SRXLanguageMap(pattern: pattern, ruleName: rule))
                default: break
                }
            case .text(let t):
                if field != nil || foreign != nil { text += t }
            case .endElement(let qname):
                if let f = foreign, f == qname {
                    let rule = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !rule.isEmpty {
                        ignored.append("\(qname) '\(rule)' is ignored: Mekong does not read Okapi range rules")
                    }
                    foreign = nil
                    continue
                }
                if local(qname) == "header" { inHeader = false }
                switch local(qname) {
                case "beforebreak":
                    currentRule?.before = text
                    field = nil
                case "afterbreak":
                    currentRule?.after = text
                    field = nil
                case "rule":
                    if let rule = currentRule, !lists.isEmpty { lists[lists.count - 1].rules.append(rule) }
                    currentRule = nil
                default: break
                }
            }
        }
        guard sawRoot else { throw SRXError.make(origin: name, message: "not an SRX document (no <srx> root)") }
        var document = SRXDocument(cascade: cascade, languageRules: lists, maps: maps)
        document.name = name
        document.ignoredExtensions = ignored
        return document
    }

    /// Okapi's header extensions, compared with what Mekong does: a message for each setting
    /// that would change the result. `okpsrx:sample` (a test text for the editor) changes
    /// nothing and is not reported.
    static func extensionWarnings(qname: String, local: String, attributes: [XMLAttribute]) -> [String] {
        switch local {
        case "sample", "rangeRule": return []
        case "options":
            var out: [String] = []
            for a in attributes {
                let name = a.name.split(separator: ":").last.map(String.init) ?? a.name
                let yes = a.value.lowercased() == "yes"
                switch name.lowercased() {
                case "trimleadingwhitespaces", "trimtrailingwhitespaces":
                    if !yes {
                        out.append(
                            "\(qname) \(name)=\"\(a.value)\" is ignored: Mekong always trims white space around segments"
                        )
                    }
                case "onesegmentincludesall":
                    if yes {
                        out.append(
                            "\(qname) \(name)=\"yes\" is ignored: a text with one segment is not treated specially")
                    }
                case "useicu4jbreakrules":
                    if yes {
                        out.append(
                            "\(qname) \(name)=\"yes\" is ignored: ICU's break rules are not run underneath, only the file's rules break (this file expects ICU to find the sentence ends)"
                        )
                    }
                case "usejavaregex", "treatisolatedcodesaswhitespace", "includestartcodes", "includeendcodes",
                    "includeisolatedcodes":
                    continue  // patterns are read as Java/ICU regex anyway; plain text has no inline codes
                default:
                    out.append("\(qname) \(name)=\"\(a.value)\" is ignored")
                }
            }
            return out
        default:
            return ["header element \(qname) is ignored"]
        }
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
