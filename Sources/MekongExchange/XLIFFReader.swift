import Foundation
import MekongXML

/// Reads XLIFF 1.2 and 2.x as CAT tools write them back: units and segments with their source
/// and target text. Inline codes are kept as text: `<mrk>`/`<g>`/`<pc>` contribute their
/// content, `<x/>`, `<ph/>` and friends become `{id}` placeholders, so nothing is silently
/// dropped.
public enum XLIFFReader {
    /// One 2.x `<segment>` or 1.2 `<trans-unit>`, as a CAT tool wrote it back.
    public struct Segment: Sendable, Equatable {
        /// The `id` attribute; for a 2.x segment without one, `UNIT-N` (its unit's id, N counting from 1).
        public var id: String
        /// The source text, inline codes kept as text (see ``XLIFFReader``).
        public var source: String
        /// The target text: `nil` when there is no `<target>`, empty when it is empty.
        public var target: String?
        /// `state` of the segment (2.x) or target (1.2).
        public var state: String?
        /// `false` when `translate="no"` is on the segment's unit or an enclosing group (or, in 1.2, on
        /// the `<trans-unit>` itself).
        public var translate: Bool
        /// The line of the `<segment>` or `<trans-unit>` (1-based).
        public var line: Int = 0
        /// Whether the segment has a `<source>` element at all.
        public var hasSource = false
    }

    /// Reads every segment of a file into memory; ``read(path:each:)`` streams a large one.
    /// - Returns: the source and target languages (`srcLang`/`trgLang` in 2.x, `source-language`/
    ///   `target-language` of `<file>` in 1.2) and the segments in document order.
    /// - Throws: ``Diagnostic`` when the file cannot be opened, is malformed XML or uses an entity reference.
    public static func read(path: String) throws -> (source: String?, target: String?, segments: [Segment]) {
        var segments: [Segment] = []
        let (s, t) = try read(path: path) { segments.append($0) }
        return (s, t, segments)
    }

    /// Streams the segments of a file of any size to `each`, in constant memory.
    /// - Returns: the source and target languages.
    @discardableResult
    public static func read(path: String, each: (Segment) throws -> Void) throws -> (source: String?, target: String?) {
        try Schemas.sniff(path)      // an empty or plain-text file is said to be so, as validate says it
        let reader = try XMLStreamReader(path: path)
        var srcLang: String?, trgLang: String?
        var current: Segment?
        var field: String?            // "source" or "target"
        var depth = 0                 // inline depth inside source/target
        var noTranslate: [Bool] = []  // translate="no" of enclosing unit/group
        var segIDCounter = 0
        var unitID = ""
        while let event = try reader.next() {
            switch event {
            case .startElement(let qname, _, let attrs, let empty):
                let name = localName(qname)
                let attr: (String) -> String? = { k in attrs.first { $0.name == k }?.value }
                if field != nil {
                    depth += 1
                    if empty, ["x", "bx", "ex", "ph", "sc", "ec", "it", "cp"].contains(name) {
                        let text = name == "cp" ? (attr("hex").flatMap { UInt32($0, radix: 16) }.flatMap(Unicode.Scalar.init).map(String.init) ?? "") : "{\(attr("id") ?? String(name))}"
                        append(text, to: field!, &current)
                    }
                    continue
                }
                switch name {
                case "xliff":
                    srcLang = attr("srcLang"); trgLang = attr("trgLang")
                case "file":
                    srcLang = srcLang ?? attr("source-language"); trgLang = trgLang ?? attr("target-language")
                case "unit", "group":
                    noTranslate.append(attr("translate") == "no" || (noTranslate.last ?? false))
                    if name == "unit" { unitID = attr("id") ?? ""; segIDCounter = 0 }
                case "trans-unit":
                    noTranslate.append(attr("translate") == "no" || (noTranslate.last ?? false))
                    current = Segment(id: attr("id") ?? "", source: "", target: nil, state: nil, translate: !(noTranslate.last ?? false),
                                      line: reader.currentLine)
                case "segment":
                    segIDCounter += 1
                    current = Segment(id: attr("id") ?? "\(unitID)-\(segIDCounter)", source: "", target: nil, state: attr("state"),
                                      translate: !(noTranslate.last ?? false), line: reader.currentLine)
                case "source":
                    field = "source"; depth = 0
                    current?.hasSource = true
                case "target":
                    field = "target"; depth = 0
                    if current?.target == nil { current?.target = "" }
                    if let s = attr("state") { current?.state = s }
                default: break
                }
            case .text(let t):
                guard let f = field else { continue }
                append(t, to: f, &current)
            case .endElement(let qname):
                let name = localName(qname)
                if field != nil {
                    if depth > 0 { depth -= 1; continue }
                    if name == "source" || name == "target" { field = nil }
                    continue
                }
                switch name {
                case "segment":
                    if let c = current { try each(c) }
                    current = nil
                case "trans-unit":
                    if let c = current { try each(c) }
                    current = nil
                    noTranslate.removeLast()
                case "unit", "group":
                    if !noTranslate.isEmpty { noTranslate.removeLast() }
                default: break
                }
            }
        }
        return (srcLang, trgLang)
    }

    /// `gls:term` → `term`, without splitting (runs for every element of a file).
    @inline(__always)
    private static func localName(_ qname: String) -> Substring {
        if let colon = qname.utf8.firstIndex(of: UInt8(ascii: ":")) { return qname[qname.index(after: colon)...] }
        return qname[...]
    }

    private static func append(_ text: String, to field: String, _ segment: inout Segment?) {
        guard var s = segment else { return }
        if field == "source" { s.source += text } else { s.target = (s.target ?? "") + text }
        segment = s
    }
}
