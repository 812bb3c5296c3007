public import Foundation
public import MekongGlossary
public import MekongText
import MekongXML

/// Writes TMX 1.4b translation memories.
///
/// The header carries every attribute the DTD requires (creationtool, creationtoolversion,
/// segtype, o-tmf, adminlang, srclang, datatype); `creationdate` comes from
/// `SOURCE_DATE_EPOCH` when it is set, and is left out otherwise, so that the same input gives
/// the same bytes. One language pair per file by default: OmegaT takes any other language of a
/// unit as the translation when the target is missing.
public enum TMXWriter {
    /// One translation unit, `<tu>`: a text in each of several languages, and an optional note.
    public struct Unit: Sendable {
        /// The `tuid` attribute, or `nil` for none.
        public var id: String?
        /// One `<tuv>` each, in order: its `xml:lang` tag and the text of its `<seg>`.
        public var variants: [(language: String, text: String)]
        /// The text of the unit's `<note>`, or `nil` for none; ``TMXReader`` joins several notes
        /// with line feeds.
        public var note: String?
        /// The paired inline codes of each variant, by the variants' order (empty: none), written
        /// as `<bpt>`/`<ept>`: the first variant's pairs are numbered `x` = 1, 2… in order, and a
        /// later variant's code takes the `x` of the first variant's code with the same XLIFF id,
        /// or else of the one at the same place in order.
        public var codes: [[InlineCode]]
        /// A unit with these variants.
        public init(
            id: String?, variants: [(language: String, text: String)], note: String? = nil, codes: [[InlineCode]] = []
        ) {
            self.id = id
            self.variants = variants
            self.note = note
            self.codes = codes
        }
    }

    /// Multilingual units (one `<tu>` with the source and every target that has a form), for
    /// tools that read them; most CAT tools want one pair per file (see ``termUnits(_:source:target:)``).
    public static func termUnits(_ glossary: Glossary, source: TermLanguage, targets: [TermLanguage]) -> [Unit] {
        guard targets.count > 1 else {
            return targets.first.map { termUnits(glossary, source: source, target: $0) } ?? []
        }
        var units: [Unit] = []
        for c in glossary.concepts {
            guard let s = c.preferred(source) else { continue }
            let variants = targets.compactMap { t in c.preferred(t).map { (t.tag, $0) } }
            guard !variants.isEmpty else { continue }
            units.append(
                Unit(
                    id: c.id, variants: [(source.tag, s)] + variants,
                    note: c.status == .proposed ? "proposed: \(c.note)" : nil))
        }
        return units
    }

    /// The glossary's term pairs: every source form (preferred and admitted) with the
    /// target's preferred form, one `<tu>` each, `tuid` = concept id (+ `-N` for variants).
    public static func termUnits(_ glossary: Glossary, source: TermLanguage, target: TermLanguage) -> [Unit] {
        var units: [Unit] = []
        for c in glossary.concepts {
            guard let t = c.preferred(target), let s = c.terms[source] else { continue }
            let forms = (s.preferred.map { [$0] } ?? []) + s.admitted
            for (k, f) in forms.enumerated() {
                units.append(
                    Unit(
                        id: k == 0 ? c.id : "\(c.id)-\(k + 1)", variants: [(source.tag, f), (target.tag, t)],
                        note: c.status == .proposed ? "proposed: \(c.note)" : nil))
            }
        }
        return units
    }

    /// The TMX bytes.
    public static func bytes(
        _ units: [Unit], sourceLanguage: String, segtype: String = "phrase",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> [UInt8] {
        let w = try XMLStreamWriter(indent: false)
        try write(units, sourceLanguage: sourceLanguage, segtype: segtype, environment: environment, to: w)
        return try w.finish()
    }

    /// Streams units of any number into `file` in constant memory (the caller commits it).
    /// - Parameter indent: pretty-print (libxml2's indentation costs about a third of the
    ///   writing time: a memory of a million units is better written flat).
    public static func write(
        _ units: some Sequence<Unit>, sourceLanguage: String, segtype: String = "sentence",
        environment: [String: String] = ProcessInfo.processInfo.environment, indent: Bool = true,
        to file: AtomicWriter
    ) throws {
        let w = try XMLStreamWriter(file: file, indent: false)
        try write(
            units, sourceLanguage: sourceLanguage, segtype: segtype, environment: environment, indent: indent, to: w)
        try w.finish()
    }

    static func write(
        _ units: some Sequence<Unit>, sourceLanguage: String, segtype: String,
        environment: [String: String], indent: Bool = true, to w: XMLStreamWriter
    ) throws {
        try w.startDocument()
        try w.doctype("tmx", systemID: "tmx14.dtd")
        try w.newline()
        w.setIndent(indent)
        try w.startElement("tmx")
        try w.attribute("version", "1.4")
        try w.startElement("header")
        try w.attribute("creationtool", MekongInfo.toolName)
        try w.attribute("creationtoolversion", MekongInfo.version)
        try w.attribute("segtype", segtype)
        try w.attribute("o-tmf", "Mekong")
        try w.attribute("adminlang", "en")
        try w.attribute("srclang", sourceLanguage)
        try w.attribute("datatype", "plaintext")
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            try w.attribute("creationdate", f.string(from: Date(timeIntervalSince1970: epoch)))
        }
        try w.endElement()
        try w.startElement("body")
        for u in units { try unit(u, to: w) }
        try w.endElement()
        try w.endElement()
    }

    /// One `<tu>`.
    static func unit(_ u: Unit, to w: XMLStreamWriter) throws {
        try w.startElement("tu")
        if let id = u.id { try w.attribute("tuid", id) }
        if let note = u.note { try w.element("note", note) }
        for (k, v) in u.variants.enumerated() {
            try w.startElement("tuv")
            try w.attribute("xml:lang", v.language)
            if k < u.codes.count, !u.codes[k].isEmpty {
                try segment(v.text, u.codes[k], x: crossReferences(u.codes[0], u.codes[k]), to: w)
            } else {
                try w.element("seg", v.text)
            }
            try w.endElement()
        }
        try w.endElement()
    }

    /// A `<seg>` with its paired codes as `<bpt i x type>native</bpt>` … `<ept i>native</ept>`
    /// (`i` numbers the pairs from 1 in this segment; `x` pairs codes across the unit's variants).
    /// Written without indentation: white space added in mixed content would change the text.
    private static func segment(_ text: String, _ codes: [InlineCode], x: [Int], to w: XMLStreamWriter) throws {
        let indenting = w.isIndenting
        try w.startElement("seg")
        w.setIndent(false)
        let bytes = Array(text.utf8)
        var at = 0
        // In order of offset; at one offset, closes before opens (`</a><b>`), as they were read.
        for c in codes.enumerated().sorted(by: { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }) {
            let code = c.element
            let to = Swift.min(Swift.max(code.offset, at), bytes.count)
            if to > at { try w.text(String(decoding: bytes[at..<to], as: UTF8.self)) }
            at = to
            if code.kind == .open {
                try w.startElement("bpt")
                try w.attribute("i", String(code.pair + 1))
                try w.attribute("x", String(x[code.pair]))
                try w.attribute("type", "x-" + code.element)
            } else {
                try w.startElement("ept")
                try w.attribute("i", String(code.pair + 1))
            }
            try w.text(code.native)
            try w.endElement()
        }
        if at < bytes.count { try w.text(String(decoding: bytes[at...], as: UTF8.self)) }
        try w.endElement()
        if indenting {
            w.setIndent(true)
            try w.newline()
        }
    }

    /// For each pair of `codes` (by its number), the `x` it takes: that of the pair of `first`
    /// with the same id, else of the pair with the same number in `first`, else a number past
    /// all of `first`'s.
    static func crossReferences(_ first: [InlineCode], _ codes: [InlineCode]) -> [Int] {
        let opens = codes.filter { $0.kind == .open }
        let count = (opens.map(\.pair).max() ?? -1) + 1
        let firstOpens = first.filter { $0.kind == .open }
        let firstCount = (firstOpens.map(\.pair).max() ?? -1) + 1
        var byID: [String: Int] = [:]
        for c in firstOpens { if let id = c.id, byID[id] == nil { byID[id] = c.pair } }
        var x = Array(repeating: 0, count: count)
        var taken = Set<Int>()
        for c in opens {
            if let id = c.id, let p = byID[id], !taken.contains(p) {
                x[c.pair] = p + 1
                taken.insert(p)
            }
        }
        var next = firstCount
        for c in opens where x[c.pair] == 0 {
            if c.pair < firstCount, !taken.contains(c.pair) {
                x[c.pair] = c.pair + 1
                taken.insert(c.pair)
            } else {
                next += 1
                x[c.pair] = next
            }
        }
        return x
    }

    /// `<tu>` elements as bytes, each on its own line (to splice into an existing memory).
    static func unitBytes(_ units: some Sequence<Unit>) throws -> [UInt8] {
        let w = try XMLStreamWriter(indent: false)
        try w.startDocument()
        try w.startElement("m")
        for u in units {
            try w.newline()
            try unit(u, to: w)
        }
        try w.newline()
        try w.endElement()
        let bytes = try w.finish()
        // Between "<m>" and "</m>".
        guard let open = bytes.firstRange(of: Array("<m>".utf8)), let close = bytes.lastRange(of: Array("</m>".utf8))
        else { return [] }
        return Array(bytes[open.upperBound..<close.lowerBound])
    }
}

/// Reads TMX translation units (streaming): each `<tu>` with its `tuid` and its variants.
public enum TMXReader {
    /// Streams the `<tu>` elements of a TMX file to `each`, in document order, in constant memory.
    ///
    /// A variant's language comes from `xml:lang` (or the older `lang`); inside `<seg>`, the
    /// native codes of `<bpt>`, `<ept>`, `<ph>`, `<it>` and `<ut>` are left out and the text of
    /// `<hi>` and `<sub>` kept; `<note>`s inside a `<tuv>` are ignored.
    /// - Throws: ``Diagnostic`` when the file cannot be opened, is malformed XML or uses an entity reference;
    ///   what `each` throws.
    public static func read(path: String, each: (TMXWriter.Unit) throws -> Void) throws {
        try Schemas.sniff(path)  // an empty or plain-text file is said to be so, as validate says it
        let reader = try XMLStreamReader(path: path)
        // Nodes are looked at in place (XMLStreamReader.nextNode): a memory of a million units
        // makes the strings of its units, not one per element and attribute.
        var unit: TMXWriter.Unit?
        var lang: String?
        var seg: [UInt8] = []
        var inSeg = false
        var note: String?
        var inTUV = false
        var depth = 0
        var codeDepth = 0  // inside <bpt>, <ept>, <ph>, <it>, <ut>: native codes, not text
        var languages: [String] = []  // distinct xml:lang values, so that each unit shares their strings
        while let node = try reader.nextNode() {
            switch node {
            case .startElement:
                if inSeg {
                    depth += 1
                    if codeDepth > 0 || ["bpt", "ept", "ph", "it", "ut"].contains(where: { reader.nodeName(is: $0) }) {
                        codeDepth += 1
                    }
                    continue
                }
                if reader.nodeName(is: "tu") {
                    unit = TMXWriter.Unit(id: reader.attribute("tuid"), variants: [])
                } else if reader.nodeName(is: "tuv") {
                    lang = reader.attribute("xml:lang", "lang").map { l in
                        if let known = languages.first(where: { $0 == l }) { return known }
                        languages.append(l)
                        return l
                    }
                    inTUV = true
                } else if reader.nodeName(is: "seg") {
                    inSeg = true
                    seg.removeAll(keepingCapacity: true)
                    depth = 0
                } else if reader.nodeName(is: "note"), unit != nil, !inTUV {
                    note = ""
                }
            case .text:
                if inSeg {
                    if codeDepth == 0 { reader.withText { seg.append(contentsOf: $0) } }
                } else if note != nil {
                    note! += reader.text
                }
            case .endElement:
                if inSeg, depth > 0 {
                    depth -= 1
                    if codeDepth > 0 { codeDepth -= 1 }
                    continue
                }
                if reader.nodeName(is: "seg") {
                    if let l = lang, inSeg { unit?.variants.append((l, String(decoding: seg, as: UTF8.self))) }
                    inSeg = false
                } else if reader.nodeName(is: "note") {
                    if let n = note, var u = unit {
                        unit = nil
                        u.note = (u.note.map { $0 + "\n" } ?? "") + n
                        unit = u
                    }
                    note = nil
                } else if reader.nodeName(is: "tuv") {
                    inTUV = false
                } else if reader.nodeName(is: "tu") {
                    if let u = unit { try each(u) }
                    unit = nil
                }
            }
        }
    }
}
