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
        /// The 0-based index of the segment's `<file>` in the document.
        public var file: Int = 0
        /// The line of the `<segment>` or `<trans-unit>` (1-based).
        public var line: Int = 0
        /// Whether the segment has a `<source>` element at all.
        public var hasSource = false
        /// The paired inline codes (`<mrk>`, `<g>`, `<pc>`) of the source, as positions in ``source``.
        public var sourceCodes: [InlineCode] = []
        /// The paired inline codes of the target, as positions in ``target``.
        public var targetCodes: [InlineCode] = []
    }

    /// One `<file>` of a document.
    public struct File: Sendable, Equatable {
        /// The `id` attribute (2.x).
        public var id: String?
        /// The `original` attribute: the source file's name.
        public var original: String?
        /// The text of its `<skeleton>` (2.x) or `<skl><internal-file>` (1.2), if any.
        public var skeleton: String?
    }

    /// A whole document: languages, files and segments (each segment names its file).
    public struct Document: Sendable, Equatable {
        /// `srcLang` (2.x) or the first file's `source-language` (1.2).
        public var source: String?
        /// `trgLang` (2.x) or the first file's `target-language` (1.2).
        public var target: String?
        /// The `<file>` elements, in order.
        public var files: [File]
        /// The segments, in document order.
        public var segments: [Segment]
    }

    /// Reads a whole document into memory, with its files' skeletons (for `mekong merge`).
    /// - Throws: ``Diagnostic`` as ``read(path:each:)``.
    public static func document(path: String) throws -> Document {
        var segments: [Segment] = []
        var files: [File] = []
        let (s, t) = try read(path: path, files: { files.append($0) }, each: { segments.append($0) })
        return Document(source: s, target: t, files: files, segments: segments)
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
        try read(path: path, files: { _ in }, each: each)
    }

    /// Streams segments to `each` and, at the end of each `<file>`, its description to `files`.
    /// Translation candidates (2.x `<mtc:matches>`, 1.2 `<alt-trans>`) are not segments and are skipped.
    @discardableResult
    public static func read(path: String, files: (File) throws -> Void, each: (Segment) throws -> Void) throws
        -> (source: String?, target: String?)
    {
        try read(path: path, files: files, eachWithLanguages: { s, _ in try each(s) })
    }

    /// Streams segments to `each` with the languages known when the segment is read (from the
    /// root in 2.x, from the `<file>`s read so far in 1.2), which may still change until the end.
    @discardableResult
    public static func read(
        path: String, files: (File) throws -> Void = { _ in },
        eachWithLanguages each: (Segment, _ languages: (source: String?, target: String?)) throws -> Void
    ) throws -> (source: String?, target: String?) {
        try Schemas.sniff(path)  // an empty or plain-text file is said to be so, as validate says it
        let reader = try XMLStreamReader(path: path)
        var file = File(id: nil, original: nil, skeleton: nil)
        var fileIndex = -1
        var skeletonText: String?  // collecting the text of <skeleton> / <internal-file>
        var skipDepth = 0  // inside <mtc:matches> or <alt-trans>
        var srcLang: String?
        var trgLang: String?
        var current: Segment?
        var field: String?  // "source" or "target"
        var depth = 0  // inline depth inside source/target
        var openCodes: [(pair: Int, id: String?, element: String)?] = []  // per inline depth: a paired code?
        var pairs = 0  // paired codes opened in this source/target
        var noTranslate: [Bool] = []  // translate="no" of enclosing unit/group
        var segIDCounter = 0
        var unitID = ""
        func code(_ kind: InlineCode.Kind, pair: Int, id: String?, _ element: String, _ native: String) {
            guard var c = current else { return }
            current = nil  // one reference while the arrays grow
            if field == "source" {
                c.sourceCodes.append(
                    InlineCode(
                        kind: kind, offset: c.source.utf8.count, pair: pair, id: id, element: element,
                        native: native))
            } else {
                c.targetCodes.append(
                    InlineCode(
                        kind: kind, offset: c.target?.utf8.count ?? 0, pair: pair, id: id, element: element,
                        native: native))
            }
            current = c
        }
        // Nodes are looked at in place (XMLStreamReader.nextNode): a name is a small string,
        // and only the attributes asked for are made into strings.
        while let node = try reader.nextNode() {
            switch node {
            case .startElement(let empty):
                let qname = reader.qualifiedName
                let name = reader.localName
                let attr: (String) -> String? = { k in reader.attribute(k) }
                if skipDepth > 0 || name == "matches" || name == "alt-trans" {
                    skipDepth += 1  // every start, empty or not, has its end event
                    continue
                }
                if field != nil {
                    depth += 1
                    if !empty, InlineCode.pairedElements.contains(name), current != nil {
                        let id = attr("id") ?? attr("mid")
                        code(.open, pair: pairs, id: id, name, InlineCode.startTag(qname, reader.attributes()))
                        openCodes.append((pairs, id, name))
                        pairs += 1
                    } else {
                        openCodes.append(nil)  // an empty element has its end event too
                    }
                    if empty, ["x", "bx", "ex", "ph", "sc", "ec", "it", "cp"].contains(name) {
                        let text =
                            name == "cp"
                            ? (attr("hex").flatMap { UInt32($0, radix: 16) }.flatMap(Unicode.Scalar.init).map(
                                String.init) ?? "") : "{\(attr("id") ?? String(name))}"
                        append(text, to: field!, &current)
                    }
                    continue
                }
                switch name {
                case "xliff":
                    srcLang = attr("srcLang")
                    trgLang = attr("trgLang")
                case "file":
                    srcLang = srcLang ?? attr("source-language")
                    trgLang = trgLang ?? attr("target-language")
                    fileIndex += 1
                    file = File(id: attr("id"), original: attr("original"), skeleton: nil)
                case "skeleton", "internal-file":
                    skeletonText = ""
                case "unit", "group":
                    noTranslate.append(attr("translate") == "no" || (noTranslate.last ?? false))
                    if name == "unit" {
                        unitID = attr("id") ?? ""
                        segIDCounter = 0
                    }
                case "trans-unit":
                    noTranslate.append(attr("translate") == "no" || (noTranslate.last ?? false))
                    current = Segment(
                        id: attr("id") ?? "", source: "", target: nil, state: nil,
                        translate: !(noTranslate.last ?? false),
                        file: Swift.max(fileIndex, 0), line: reader.currentLine)
                case "segment":
                    segIDCounter += 1
                    current = Segment(
                        id: attr("id") ?? "\(unitID)-\(segIDCounter)", source: "", target: nil, state: attr("state"),
                        translate: !(noTranslate.last ?? false), file: Swift.max(fileIndex, 0), line: reader.currentLine
                    )
                case "source":
                    field = "source"
                    (depth, pairs) = (0, 0)
                    openCodes.removeAll(keepingCapacity: true)
                    current?.hasSource = true
                case "target":
                    field = "target"
                    (depth, pairs) = (0, 0)
                    openCodes.removeAll(keepingCapacity: true)
                    if current?.target == nil { current?.target = "" }
                    if let s = attr("state") { current?.state = s }
                default: break
                }
            case .text:
                // Text outside a source or target (the indentation between elements, most
                // text nodes of a file) is not made into a string.
                if skipDepth > 0 { continue }
                if skeletonText != nil, field == nil {
                    skeletonText! += reader.text
                    continue
                }
                guard let f = field else { continue }
                append(reader.text, to: f, &current)
            case .endElement:
                let qname = reader.qualifiedName
                let name = reader.localName
                if skipDepth > 0 {
                    skipDepth -= 1
                    continue
                }
                if field != nil {
                    if depth > 0 {
                        depth -= 1
                        if let o = openCodes.popLast(), let o {
                            code(.close, pair: o.pair, id: o.id, o.element, "</\(qname)>")
                        }
                        continue
                    }
                    if name == "source" || name == "target" { field = nil }
                    continue
                }
                switch name {
                case "segment":
                    if let c = current { try each(c, (srcLang, trgLang)) }
                    current = nil
                case "trans-unit":
                    if let c = current { try each(c, (srcLang, trgLang)) }
                    current = nil
                    noTranslate.removeLast()
                case "unit", "group":
                    if !noTranslate.isEmpty { noTranslate.removeLast() }
                case "skeleton", "internal-file":
                    file.skeleton = skeletonText
                    skeletonText = nil
                case "file":
                    try files(file)
                default: break
                }
            }
        }
        return (srcLang, trgLang)
    }

    /// `gls:term` → `term`, without splitting (runs for every element of a file).
    @inline(__always)
    private static func append(_ text: String, to field: String, _ segment: inout Segment?) {
        guard var s = segment else { return }
        if field == "source" { s.source += text } else { s.target = (s.target ?? "") + text }
        segment = s
    }
}
