import Foundation
public import MekongGlossary
public import MekongText
import MekongXML

/// TBX, written and read through libxml2 (MekongXML).
///
/// It lives in MekongExchange, beside the other XML exchange formats and the schemas they are
/// validated with (TBX core RELAX NG, TBX 2008 DTD), so that MekongGlossary stays a plain data
/// module (model, TSV store, CSV, search) that never sees XML.
///
/// - ``Version/v2019``: TBX-Basic, ISO 30042:2019 (`<tbx type="TBX-Basic" style="dca">`,
///   `conceptEntry` / `langSec` / `termSec`), valid against the TBX core RELAX NG schema; the
///   TBX-Basic picklists, which only a Schematron (XSLT 2) engine checks, are checked by
///   ``dialectErrors(inFile:)``.
/// - ``Version/v2008``: the legacy `<martif>` form (`termEntry` / `langSet` / `tig`), valid
///   against the 2008 core DTD, because OmegaT, Okapi and Translate Toolkit read only that.
///
/// Mapping (the same in both): concept type → `descrip type="subjectField"`; status →
/// `admin type="projectSubset"` (`proposed`/`approved`); each source → `admin type="source"`;
/// note → `note`; each form → a term with `termNote type="administrativeStatus"`:
/// `preferredTerm-admn-sts`, `admittedTerm-admn-sts` or `deprecatedTerm-admn-sts` (forbidden).
/// Romanised Lao is the language `lo-Latn`.
public enum TBXFormat {
    /// The TBX edition to write; the raw value is its year (`2019`, `2008`).
    public enum Version: String, Sendable, CaseIterable {
        /// TBX-Basic, ISO 30042:2019.
        case v2019 = "2019"
        /// The legacy `<martif>` form.
        case v2008 = "2008"
    }

    static let namespace2019 = "urn:iso:std:iso:30042:ed-2"

    /// The glossary as TBX bytes (UTF-8, indented).
    public static func bytes(_ glossary: Glossary, version: Version) throws -> [UInt8] {
        let writer = try XMLStreamWriter()
        try write(glossary, version: version, to: writer)
        return try writer.finish()
    }

    /// Writes the glossary into `file`, streaming (constant memory in the number of concepts);
    /// the caller commits it.
    public static func write(_ glossary: Glossary, version: Version, to file: AtomicWriter) throws {
        let writer = try XMLStreamWriter(file: file)
        try write(glossary, version: version, to: writer)
        try writer.finish()
    }

    static func write(_ glossary: Glossary, version: Version, to writer: XMLStreamWriter) throws {
        let v2019 = version == .v2019
        try writer.startDocument()
        try writer.startElement(v2019 ? "tbx" : "martif")
        if v2019 {
            try writer.attribute("type", "TBX-Basic")
            try writer.attribute("style", "dca")
            try writer.attribute("xml:lang", "fr")
            try writer.attribute("xmlns", namespace2019)
        } else {
            try writer.attribute("type", "TBX")
            try writer.attribute("xml:lang", "fr")
        }
        try writer.startElement(v2019 ? "tbxHeader" : "martifHeader")
        try writer.startElement("fileDesc")
        try writer.startElement("sourceDesc")
        try writer.element("p", "Mekong glossary: people, places, offices and bodies in French, Vietnamese and Lao")
        try writer.endElement()
        try writer.endElement()
        try writer.endElement()
        try writer.startElement("text")
        try writer.startElement("body")
        for c in glossary.concepts {
            try writer.startElement(v2019 ? "conceptEntry" : "termEntry")
            try writer.attribute("id", c.id)
            try writer.element("descrip", c.type.rawValue, attributes: [("type", "subjectField")])
            try writer.element("admin", c.status.rawValue, attributes: [("type", "projectSubset")])
            for s in c.sources { try writer.element("admin", s, attributes: [("type", "source")]) }
            if !c.note.isEmpty { try writer.element("note", c.note) }
            for lang in TermLanguage.allCases {
                guard let t = c.terms[lang], !t.isEmpty else { continue }
                try writer.startElement(v2019 ? "langSec" : "langSet")
                try writer.attribute("xml:lang", lang.tag)
                let forms =
                    (t.preferred.map { [($0, "preferredTerm-admn-sts")] } ?? [])
                    + t.admitted.map { ($0, "admittedTerm-admn-sts") }
                    + t.forbidden.map { ($0, "deprecatedTerm-admn-sts") }
                for (form, status) in forms {
                    try writer.startElement(v2019 ? "termSec" : "tig")
                    try writer.element("term", form)
                    try writer.element("termNote", status, attributes: [("type", "administrativeStatus")])
                    try writer.endElement()
                }
                try writer.endElement()
            }
            try writer.endElement()
        }
    }

    /// Reads TBX of either version (the root element decides) into concepts.
    /// - Throws: ``Diagnostic`` for malformed XML; ``Diagnostics`` for data Mekong cannot take.
    public static func read(path: String) throws -> [Concept] {
        try read(XMLStreamReader(path: path), name: path)
    }

    /// Reads TBX of either version from memory, as ``read(path:)`` does from a file.
    /// - Parameter name: what diagnostics give as the file, e.g. `<stdin>`.
    /// - Throws: as ``read(path:)``.
    public static func read(bytes: [UInt8], name: String) throws -> [Concept] {
        try read(XMLStreamReader(bytes: bytes, name: name), name: name)
    }

    static func read(_ reader: XMLStreamReader, name: String) throws -> [Concept] {
        var concepts: [Concept] = []
        var errors: [Diagnostic] = []
        var current: Concept?
        var currentLine = 0
        var lang: TermLanguage?
        var term: String?
        var termStatus: String?
        var textTarget: String?  // which element's text we collect
        var attrType: String?
        var text = ""
        var sawRoot = false
        func local(_ q: String) -> Substring { q.split(separator: ":").last ?? Substring(q) }

        while let event = try reader.next() {
            switch event {
            case .startElement(let qname, _, let attrs, _):
                let n = local(qname)
                let attr: (String) -> String? = { key in attrs.first { $0.name == key }?.value }
                switch n {
                case "tbx", "martif": sawRoot = true
                case "conceptEntry", "termEntry":
                    current = Concept(id: attr("id") ?? "", type: .other)
                    currentLine = reader.currentLine
                case "langSec", "langSet":
                    let tag = attr("xml:lang") ?? ""
                    lang = TermLanguage(tag: tag)
                    if lang == nil {
                        errors.append(
                            .error(
                                "unsupported-language",
                                "unsupported language '\(tag)' (Mekong keeps fr, vi, lo and lo-Latn)",
                                file: name, line: reader.currentLine))
                    }
                case "termSec", "tig", "ntig":
                    term = nil
                    termStatus = nil
                case "term", "descrip", "admin", "note", "termNote":
                    textTarget = String(n)
                    attrType = attr("type")
                    text = ""
                default: break
                }
            case .text(let t):
                if textTarget != nil { text += t }
            case .endElement(let qname):
                let n = local(qname)
                switch n {
                case "term":
                    term = text
                    textTarget = nil
                case "termNote":
                    if attrType == "administrativeStatus" { termStatus = text.trimmingCharacters(in: .whitespaces) }
                    textTarget = nil
                case "descrip":
                    if attrType == "subjectField", current != nil {
                        if let t = ConceptType(rawValue: text.trimmingCharacters(in: .whitespaces)) {
                            current!.type = t
                        }
                    }
                    textTarget = nil
                case "admin":
                    if current != nil {
                        let value = text.trimmingCharacters(in: .whitespaces)
                        if attrType == "projectSubset", let s = ConceptStatus(rawValue: value) { current!.status = s }
                        if attrType == "source", !value.isEmpty { current!.sources.append(value) }
                    }
                    textTarget = nil
                case "note":
                    if current != nil && lang == nil && term == nil { current!.note = text }
                    textTarget = nil
                case "termSec", "tig", "ntig":
                    if let lang, let form = term?.trimmingCharacters(in: .whitespaces), !form.isEmpty, current != nil {
                        var t = current!.terms[lang] ?? Terms()
                        switch termStatus {
                        case "deprecatedTerm-admn-sts", "supersededTerm-admn-sts": t.forbidden.append(form)
                        case "admittedTerm-admn-sts": t.admitted.append(form)
                        case "preferredTerm-admn-sts":
                            if let old = t.preferred { t.admitted.insert(old, at: 0) }
                            t.preferred = form
                        default:
                            if t.preferred == nil { t.preferred = form } else { t.admitted.append(form) }
                        }
                        current!.terms[lang] = t
                    }
                    term = nil
                case "langSec", "langSet": lang = nil
                case "conceptEntry", "termEntry":
                    if var c = current {
                        if c.preferred(.fr) == nil {
                            errors.append(
                                .error("bad-row", "concept '\(c.id)' has no French term", file: name, line: currentLine)
                            )
                        } else {
                            if !Concept.isValidID(c.id) { c.id = "" }
                            concepts.append(c.normalized())
                        }
                    }
                    current = nil
                default: break
                }
            }
        }
        if !sawRoot { errors.append(.error("not-tbx", "not a TBX file (no <tbx> or <martif> root)", file: name)) }
        if !errors.isEmpty { throw Diagnostics(errors) }
        return concepts
    }

    /// The data-category constraints of the TBX dialect a file names in `<tbx type="…">`
    /// (TBX-Basic, TBX-Min), which the core RELAX NG cannot express and libxml2 cannot run (they
    /// are Schematron, XSLT 2): which `type` each element may take, at which level, and the
    /// picklists. From `TBX-Basic_DCA.sch` (v1.2.1) and LTAC's TBX-Min definition; a file of
    /// another dialect (or TBX core) gets none. `usageStatus` is accepted in TBX-Basic as LTAC's
    /// own TBX-Basic test file uses it (it predates 1.2.1).
    /// - Throws: ``Diagnostic`` when the file is not well-formed.
    public static func dialectDiagnostics(inFile path: String) throws -> [Diagnostic] {
        let reader = try XMLStreamReader(path: path)
        var out: [Diagnostic] = []
        var dialect: String?
        var stack: [String] = []
        var pending: (name: String, type: String, line: Int)?
        var text = ""
        func fail(_ line: Int, _ message: String) {
            out.append(Diagnostic.error("tbx-dialect", message, file: path, line: line))
        }
        let basic: [String: Set<String>] = [
            "admin": ["customerSubset", "projectSubset", "source"],
            "descrip": ["subjectField", "context", "definition"],
            "ref": ["crossReference"], "transac": ["transactionType"], "transacNote": ["responsibility"],
            "xref": ["externalCrossReference", "xGraphic"],
            "termNote": [
                "administrativeStatus", "partOfSpeech", "geographicalUsage", "grammaticalGender", "termLocation",
                "termType", "usageStatus",
            ],
        ]
        let minimal: [String: Set<String>] = [
            "admin": ["customerSubset"], "descrip": ["subjectField"], "termNote": ["partOfSpeech", "usageStatus"],
        ]
        let picklists: [String: Set<String>] = [
            "administrativeStatus": [
                "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts", "preferredTerm-admn-sts",
            ],
            "partOfSpeech": ["adjective", "noun", "other", "verb", "adverb"],
            "grammaticalGender": ["masculine", "feminine", "neuter", "other"],
            "usageStatus": ["admitted", "deprecated", "notRecommended", "obsolete", "preferred", "superseded"],
        ]
        while let e = try reader.next() {
            switch e {
            case .startElement(let name, _, let attrs, let empty):
                let line = reader.currentLine
                let type = attrs.first { $0.name == "type" }?.value
                if name == "tbx" {
                    dialect = type
                    if type == "TBX-Basic" || type == "TBX-Min",
                        attrs.first(where: { $0.name == "style" })?.value != "dca"
                    {
                        fail(line, "<tbx style> must be \"dca\" in \(type!)")
                    }
                }
                let allowed = dialect == "TBX-Basic" ? basic : dialect == "TBX-Min" ? minimal : nil
                if let allowed {
                    let parent = stack.last ?? ""
                    let grandparent = stack.count >= 2 ? stack[stack.count - 2] : ""
                    let level = parent.hasSuffix("Grp") ? grandparent : parent
                    if let types = allowed[name] {
                        if let type, types.contains(type) {
                            pending = (name, type, line)
                            text = ""
                        } else {
                            fail(
                                line,
                                "<\(name) type=\"\(type ?? "")\"> is not a \(dialect!) data category (allowed: \(types.sorted().joined(separator: ", ")))"
                            )
                        }
                    } else if dialect == "TBX-Min",
                        ["xref", "ref", "transac", "transacGrp", "transacNote", "descripGrp", "admin"].contains(name)
                    {
                        fail(line, "<\(name)> is not allowed in TBX-Min")
                    }
                    if name == "termNote", level != "termSec" {
                        fail(line, "a termNote belongs to a term (termSec), not to <\(level)>")
                    }
                    if name == "descrip" {
                        let levels: [String: Set<String>] = [
                            "subjectField": ["conceptEntry"], "context": ["termSec"],
                            "definition": ["conceptEntry", "langSec"],
                        ]
                        if let type, let ok = levels[type], !ok.contains(level) {
                            fail(
                                line,
                                "\(type) may only appear in \(ok.sorted().joined(separator: " or ")), not in <\(level)>"
                            )
                        }
                    }
                }
                if !empty { stack.append(name) } else { stack.append(name) }
            case .text(let t): text += t
            case .endElement(let name):
                if let p = pending, p.name == name {
                    if let list = picklists[p.type],
                        !list.contains(text.trimmingCharacters(in: .whitespacesAndNewlines))
                    {
                        fail(
                            p.line,
                            "\(p.type) \"\(text)\" is not in the \(dialect ?? "TBX") picklist (\(list.sorted().joined(separator: ", ")))"
                        )
                    }
                    pending = nil
                }
                if !stack.isEmpty { stack.removeLast() }
            }
        }
        return out
    }

    /// TBX-Basic's picklists (the Schematron rules of the TBX-Basic dialect, which libxml2
    /// cannot run): the allowed `descrip`, `admin` and `termNote` types and status values.
    public static func dialectErrors(inFile path: String) throws -> [String] {
        let reader = try XMLStreamReader(path: path)
        var errors: [String] = []
        var pending: (String, String?)?
        var text = ""
        let allowed: [String: Set<String>] = [
            "descrip": ["subjectField", "definition", "context"],
            "admin": ["source", "customerSubset", "projectSubset"],
            "termNote": [
                "administrativeStatus", "partOfSpeech", "grammaticalGender", "geographicalUsage", "termLocation",
                "termType",
            ],
        ]
        while let e = try reader.next() {
            switch e {
            case .startElement(let name, _, let attrs, _):
                if let types = allowed[name] {
                    let type = attrs.first { $0.name == "type" }?.value
                    if type == nil || !types.contains(type!) {
                        errors.append("line \(reader.currentLine): \(name) type '\(type ?? "")' is not TBX-Basic")
                    }
                    pending = (name, type)
                    text = ""
                }
                if name == "tbx" {
                    let a = Dictionary(attrs.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
                    if a["type"] != "TBX-Basic" { errors.append("tbx@type must be TBX-Basic") }
                    if a["style"] != "dca" { errors.append("tbx@style must be dca") }
                }
            case .text(let t): text += t
            case .endElement(let name):
                if let (n, type) = pending, n == name {
                    if n == "termNote", type == "administrativeStatus",
                        ![
                            "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
                            "supersededTerm-admn-sts",
                        ].contains(text)
                    {
                        errors.append("administrativeStatus '\(text)' is not in the TBX-Basic picklist")
                    }
                    pending = nil
                }
            }
        }
        return errors
    }
}

/// OmegaT's glossary format: `source<TAB>target<TAB>comment` per line, UTF-8. OmegaT reads it
/// from a `.txt`, `.tab` or `.utf8` file and silently ignores `.tsv`.
public enum OmegaTGlossary {
    /// Lines for one language pair (every source form → the target's preferred form).
    public static func text(_ glossary: Glossary, source: TermLanguage, target: TermLanguage) -> String {
        var out = "# Mekong glossary \(source.tag) → \(target.tag) (OmegaT: source, target, comment)\n"
        for c in glossary.concepts {
            guard let t = c.preferred(target), let s = c.terms[source] else { continue }
            let comment =
                ([c.type.rawValue, c.status == .proposed ? "proposed" : nil, c.note.isEmpty ? nil : c.note]
                .compactMap { $0 }).joined(separator: "; ")
            for form in (s.preferred.map { [$0] } ?? []) + s.admitted {
                out += [form, t, comment].map(clean).joined(separator: "\t") + "\n"
            }
        }
        return out
    }

    private static func clean(_ s: String) -> String {
        String(s.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : Character($0) })
    }
}
