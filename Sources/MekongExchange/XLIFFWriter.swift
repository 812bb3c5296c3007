import Foundation
public import MekongText
import MekongXML

/// Writes XLIFF for one article and one target language.
///
/// - **2.0 / 2.1** (`urn:oasis:names:tc:xliff:document:2.0`): one `<file>` per article, one
///   `<unit>` per paragraph, one `<segment>` per sentence; `translate="no"` on captions, credits,
///   related links and teasers; notes with the date (file) and the kind (unit); the glossary
///   terms of each unit in the Glossary module (`gls:glossEntry` with the term and its
///   translation, `ref` pointing at `<mrk type="term">` in the source).
/// - **1.2** (strict schema): a `<group>` per paragraph, a `<trans-unit>` per sentence with
///   `<target state="needs-translation">` pre-filled with the source, as OmegaT expects (it
///   translates the target; a unit without target gives it no segment); terms as
///   `<mrk mtype="term">` and in a note.
public enum XLIFFWriter {
    /// The XLIFF version to write; the raw value is its number (`2.0`, `2.1`, `1.2`).
    public enum Version: String, Sendable, CaseIterable {
        /// XLIFF 2.0.
        case v20 = "2.0"
        /// XLIFF 2.1 (the same core namespace as 2.0).
        case v21 = "2.1"
        /// XLIFF 1.2, for OmegaT and older tools.
        case v12 = "1.2"
    }

    /// Options for CAT tools that want less.
    public struct Options: Sendable {
        /// Leave captions, credits, links and teasers out instead of marking them.
        public var translatableOnly = false
        /// XLIFF 1.2: no `<target>` at all.
        public var omitTargets = false
        /// Options; the defaults keep every unit and write 1.2 targets.
        public init(translatableOnly: Bool = false, omitTargets: Bool = false) {
            self.translatableOnly = translatableOnly
            self.omitTargets = omitTargets
        }
    }

    static let core2 = "urn:oasis:names:tc:xliff:document:2.0"
    static let glossary2 = "urn:oasis:names:tc:xliff:glossary:2.0"
    static let core12 = "urn:oasis:names:tc:xliff:document:1.2"
    static let matches2 = "urn:oasis:names:tc:xliff:matches:2.0"

    /// The XLIFF bytes.
    public static func bytes(_ article: HandoffArticle, target: String, version: Version, options: Options = Options())
        throws -> [UInt8]
    {
        let w = try XMLStreamWriter()
        try write(article, target: target, version: version, options: options, to: w)
        return try w.finish()
    }

    static func write(_ a: HandoffArticle, target: String, version: Version, options: Options, to w: XMLStreamWriter)
        throws
    {
        try w.startDocument()
        if version == .v12 {
            try write12(a, target: target, options: options, to: w)
        } else {
            try write2(a, target: target, version: version, options: options, to: w)
        }
    }

    private static func write2(
        _ a: HandoffArticle, target: String, version: Version, options: Options, to w: XMLStreamWriter
    ) throws {
        try head2(a, target: target, version: version, to: w)
        for u in a.units where u.translate || !options.translatableOnly { try unit2(u, to: w) }
        try w.endElement()
        try w.endElement()
    }

    static func head2(_ a: HandoffArticle, target: String, version: Version, to w: XMLStreamWriter) throws {
        try w.startElement("xliff")
        try w.attribute("xmlns", core2)
        try w.attribute("xmlns:gls", glossary2)
        try w.attribute("xmlns:mtc", matches2)
        try w.attribute("version", version.rawValue)
        try w.attribute("srcLang", a.sourceLanguage)
        try w.attribute("trgLang", target)
        try w.startElement("file")
        try w.attribute("id", "f-" + a.id)
        try w.attribute("original", a.original)
        if let skeleton = a.skeleton {
            // The original article as JSON text (see ArticleSkeleton): `mekong merge` needs only this file.
            try w.startElement("skeleton")
            w.setIndent(false)
            try w.text(skeleton.json)
            try w.endElement()
            w.setIndent(true)
            try w.newline()
        }
        if let date = a.date {
            try w.startElement("notes")
            try w.element("note", date, attributes: [("category", "date")])
            try w.endElement()
        }
    }

    static func unit2(_ u: HandoffUnit, to w: XMLStreamWriter) throws {
        try w.startElement("unit")
        try w.attribute("id", u.id)
        if !u.translate { try w.attribute("translate", "no") }
        let entries = u.segments.flatMap { s in s.terms.enumerated().map { (s, $0.offset, $0.element) } }.filter {
            $0.2.translation != nil
        }
        if !entries.isEmpty {
            try w.startElement("gls:glossary")
            var seen = Set<String>()
            for (s, k, t) in entries where seen.insert(t.conceptID).inserted {
                try w.startElement("gls:glossEntry")
                try w.attribute("id", "g-\(s.id)-\(k + 1)")
                try w.attribute("ref", "#\(markerID(s, k))")
                try w.element("gls:term", t.text, attributes: [("source", "mekong:\(t.conceptID)")])
                try w.element(
                    "gls:translation", t.translation!,
                    attributes: [("id", "g-\(s.id)-\(k + 1)-t"), ("source", "mekong:\(t.conceptID)")])
                try w.endElement()
            }
            try w.endElement()
        }
        let candidates = u.segments.flatMap { s in s.matches.filter { !$0.isExact || s.target == nil }.map { (s, $0) } }
        if !candidates.isEmpty {
            try w.startElement("mtc:matches")
            for (s, m) in candidates {
                try w.startElement("mtc:match")
                try w.attribute("ref", "#" + s.id)
                try w.attribute("similarity", m.similarityText)
                try w.attribute("type", "tm")
                try w.attribute("origin", m.origin)
                if m.repaired { try w.attribute("subType", "mekong:repaired") }
                try w.startElement("source")
                w.setIndent(false)
                try w.text(m.source)
                try w.endElement()
                try w.startElement("target")
                try w.text(m.target)
                try w.endElement()
                w.setIndent(true)
                try w.newline()
                try w.endElement()
            }
            try w.endElement()
        }
        try w.startElement("notes")
        try w.element("note", u.kind.rawValue, attributes: [("category", "kind")])
        try w.endElement()
        for s in u.segments {
            try w.startElement("segment")
            try w.attribute("id", s.id)
            if s.target != nil { try w.attribute("state", "translated") }
            try w.startElement("source")
            try inline(s.source, s.terms, marker: { markerID(s, $0) }, version2: true, w)
            try w.endElement()
            w.setIndent(true)
            try w.newline()
            if let t = s.target {
                try w.startElement("target")
                w.setIndent(false)
                try w.text(t)
                try w.endElement()
                w.setIndent(true)
                try w.newline()
            }
            try w.endElement()
        }
        try w.endElement()
    }

    /// Writes one article into `file` (the caller commits it), in constant memory: the units come
    /// one by one from `units`, so they need not all exist at once.
    public static func write(
        header article: HandoffArticle, units: some Sequence<HandoffUnit>, target: String,
        version: Version, options: Options = Options(), to file: AtomicWriter
    ) throws {
        let w = try XMLStreamWriter(file: file)
        try w.startDocument()
        if version == .v12 {
            try head12(article, target: target, to: w)
            for u in units where u.translate || !options.translatableOnly {
                try unit12(u, source: article.sourceLanguage, target: target, options: options, to: w)
            }
            try w.endElement()
            try w.endElement()
            try w.endElement()
        } else {
            try head2(article, target: target, version: version, to: w)
            for u in units where u.translate || !options.translatableOnly { try unit2(u, to: w) }
            try w.endElement()
            try w.endElement()
        }
        try w.finish()
    }

    private static func write12(_ a: HandoffArticle, target: String, options: Options, to w: XMLStreamWriter) throws {
        try head12(a, target: target, to: w)
        for u in a.units where u.translate || !options.translatableOnly {
            try unit12(u, source: a.sourceLanguage, target: target, options: options, to: w)
        }
        try w.endElement()
        try w.endElement()
        try w.endElement()
    }

    static func head12(_ a: HandoffArticle, target: String, to w: XMLStreamWriter) throws {
        try w.startElement("xliff")
        try w.attribute("version", "1.2")
        try w.attribute("xmlns", core12)
        try w.startElement("file")
        try w.attribute("original", a.original)
        try w.attribute("source-language", a.sourceLanguage)
        try w.attribute("target-language", target)
        try w.attribute("datatype", "plaintext")
        try w.startElement("header")
        if let skeleton = a.skeleton {
            try w.startElement("skl")
            try w.startElement("internal-file")
            try w.attribute("form", ArticleSkeleton.mediaType)
            w.setIndent(false)
            try w.text(skeleton.json)
            try w.endElement()
            w.setIndent(true)
            try w.newline()
            try w.endElement()
        }
        try w.startElement("tool")
        try w.attribute("tool-id", "mekong")
        try w.attribute("tool-name", "Mekong")
        try w.attribute("tool-version", MekongInfo.version)
        try w.endElement()
        if let date = a.date { try w.element("note", "date: \(date)", attributes: [("from", "mekong")]) }
        try w.endElement()
        try w.startElement("body")
    }

    static func unit12(_ u: HandoffUnit, source: String, target: String, options: Options, to w: XMLStreamWriter) throws
    {
        try w.startElement("group")
        try w.attribute("id", u.id)
        try w.attribute("restype", "x-paragraph")
        if !u.translate { try w.attribute("translate", "no") }
        for s in u.segments {
            try w.startElement("trans-unit")
            try w.attribute("id", s.id)
            if !u.translate { try w.attribute("translate", "no") }
            try w.startElement("source")
            try w.attribute("xml:lang", source)
            try inline(s.source, s.terms, marker: { markerID(s, $0) }, version2: false, w)
            try w.endElement()
            w.setIndent(true)
            try w.newline()
            if !options.omitTargets {
                try w.startElement("target")
                try w.attribute("xml:lang", target)
                try w.attribute("state", s.target == nil ? "needs-translation" : "translated")
                if s.target != nil, let m = s.matches.first, m.isExact {
                    try w.attribute("state-qualifier", m.inContext ? "leveraged-tm" : "exact-match")
                }
                if let t = s.target {
                    w.setIndent(false)
                    try w.text(t)
                    try w.endElement()
                    w.setIndent(true)
                    try w.newline()
                } else {
                    try inline(s.source, s.terms, marker: { markerID(s, $0) }, version2: false, w)
                    try w.endElement()
                    w.setIndent(true)
                    try w.newline()
                }
            }
            for m in s.matches where !(m.isExact && s.target != nil) {
                try w.startElement("alt-trans")
                try w.attribute("match-quality", m.similarityText)
                try w.attribute("origin", m.origin)
                try w.startElement("source")
                w.setIndent(false)
                try w.text(m.source)
                try w.endElement()
                try w.startElement("target")
                try w.attribute("xml:lang", target)
                if m.repaired { try w.attribute("state-qualifier", "fuzzy-match") }
                try w.text(m.target)
                try w.endElement()
                w.setIndent(true)
                try w.newline()
                try w.endElement()
            }
            var note = "kind: \(u.kind.rawValue)"
            var seen = Set<String>()
            let terms = s.terms.compactMap { t in t.translation.map { "\(t.text) = \($0)" } }.filter {
                seen.insert($0).inserted
            }
            if !terms.isEmpty { note += "; terms: " + terms.joined(separator: "; ") }
            try w.element("note", note, attributes: [("from", "mekong")])
            try w.endElement()
        }
        try w.endElement()
    }

    /// Source text with `<mrk>` around the terms. Indentation is turned off (mixed content: added
    /// white space would change the text); the caller turns it back on after the end tag.
    private static func inline(
        _ text: String, _ terms: [TermHit], marker: (Int) -> String, version2: Bool, _ w: XMLStreamWriter
    ) throws {
        w.setIndent(false)
        let bytes = Array(text.utf8)
        var at = 0
        for (k, t) in terms.enumerated() {
            if t.range.lowerBound > at { try w.text(String(decoding: bytes[at..<t.range.lowerBound], as: UTF8.self)) }
            try w.startElement("mrk")
            if version2 {
                try w.attribute("id", marker(k))
                try w.attribute("type", "term")
            } else {
                try w.attribute("mtype", "term")
            }
            try w.text(t.text)
            try w.endElement()
            at = t.range.upperBound
        }
        if at < bytes.count { try w.text(String(decoding: bytes[at...], as: UTF8.self)) }
    }

    static func markerID(_ s: HandoffSegment, _ k: Int) -> String { "m-\(s.id)-\(k + 1)" }
}
