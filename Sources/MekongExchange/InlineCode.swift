/// One end of a paired inline code in a segment's text: where an XLIFF `<mrk>`, `<g>` or `<pc>`
/// opens or closes, as ``XLIFFReader`` finds it, so that a memory can keep the codes
/// (TMX `<bpt>`/`<ept>`) and a CAT tool that compares codes (OmegaT) finds the unit again.
///
/// The text itself holds no trace of the code: a code is a position in it. Standalone codes
/// (`<x/>`, `<ph/>`, `<sc/>`…) stay in the text as `{id}` placeholders (see ``XLIFFReader``).
public struct InlineCode: Sendable, Equatable {
    /// Whether the code opens or closes its pair.
    public enum Kind: UInt8, Sendable, Equatable {
        /// The start tag (TMX `<bpt>`).
        case open
        /// The end tag (TMX `<ept>`).
        case close
    }

    /// Open or close.
    public var kind: Kind
    /// Where the code stands: a UTF-8 offset into the text, between characters.
    public var offset: Int
    /// The pair's number in its text, from 0 in the order the pairs open; both ends share it.
    public var pair: Int
    /// The XLIFF `id` (2.x) or `mid`/`id` (1.2) of the element, which a target's code shares
    /// with its source's; `nil` when the element has none.
    public var id: String?
    /// The element's local name (`mrk`, `g`, `pc`).
    public var element: String
    /// The tag as it was written, attributes in document order: `<mrk mtype="term">` or `</mrk>`
    /// (TMX keeps it as the native code).
    public var native: String

    /// A code.
    public init(kind: Kind, offset: Int, pair: Int, id: String?, element: String, native: String) {
        self.kind = kind
        self.offset = offset
        self.pair = pair
        self.id = id
        self.element = element
        self.native = native
    }

    /// The XLIFF elements read as paired codes.
    static let pairedElements: Set<String> = ["mrk", "g", "pc"]

    /// `codes` after their text lost `leading` bytes at its start and was cut to `length`
    /// bytes: offsets moved and kept inside the text.
    public static func trimmed(_ codes: [InlineCode], leading: Int, length: Int) -> [InlineCode] {
        codes.map { c in
            var c = c
            c.offset = Swift.min(Swift.max(c.offset - leading, 0), length)
            return c
        }
    }

    /// The start tag of an element as text: `<name a="v" …>`, values escaped.
    static func startTag(_ qname: String, _ attributes: [(name: String, value: String)]) -> String {
        var s = "<" + qname
        for a in attributes {
            s += " \(a.name)=\""
            for ch in a.value.unicodeScalars {
                switch ch {
                case "&": s += "&amp;"
                case "<": s += "&lt;"
                case "\"": s += "&quot;"
                default: s.unicodeScalars.append(ch)
                }
            }
            s += "\""
        }
        return s + ">"
    }
}
