public import MekongText

/// What part of a news article a unit of text is. Only ``title`` and ``body`` are for
/// translation; the others stay in the output, marked, so nothing silently disappears.
public enum SegmentKind: String, Sendable, CaseIterable, Codable {
    /// The headline (from the ` date YYYY-MM-DD Title` header line, or the article's first line).
    case title
    /// Running text, including the dateline paragraph and the lead.
    case body
    /// A photo caption: "Photo : VNA/CVN", a repeated caption line, text around a stray "ảnh 1".
    case caption
    /// A link to a related article: a line starting with `>>`.
    case related
    /// The agency credit at the end: "VNA/CVN", "- VNA".
    case credit
    /// Everything after "Voir plus": teasers of other articles.
    case teaser

    /// Whether a translator should translate this kind.
    public var isTranslatable: Bool { self == .title || self == .body }
}

/// One sentence (or one caption, credit, link…) with where it came from.
public struct Segment: Hashable, Sendable {
    /// The article: the file name without its extension, or `stdin`.
    public var article: String
    /// The 1-based number of the paragraph (unit) in the article, counting every kind.
    public var paragraph: Int
    /// The 1-based number of the segment in its paragraph.
    public var index: Int
    /// What part of the article it is.
    public var kind: SegmentKind
    /// The language it was segmented as.
    public var language: Language
    /// The text, exactly as in the source between ``start`` and ``end``, except that a line
    /// break inside a segment is always `\n` (a `\r\n` in the source becomes `\n`).
    public var text: String
    /// Offset of the first scalar from the start of the file, in Unicode scalars (0-based; a
    /// byte-order mark is not counted). Python: `open(f, encoding="utf-8-sig").read()[start:end]`.
    public var start: Int
    /// Offset just past the last scalar, in Unicode scalars.
    public var end: Int
    /// The article's date from its header line (`2025-12-17` or `2025-04`), if any.
    public var date: String?

    /// Article mode: the ``id`` of the first segment of the article with the same text, when
    /// this one repeats it (a caption the page prints twice, a paragraph the author wrote
    /// twice). Repetitions are never dropped; a translator or a CAT tool may reuse the first
    /// translation.
    public var repeatOf: String?

    /// A stable id: `article-pN-sM`, e.g. `000_ac40248b14b1adc8-p3-s1`.
    public var id: String { "\(article)-p\(paragraph)-s\(index)" }

    /// Whether the same text came earlier in the article (see ``repeatOf``).
    public var isRepetition: Bool { repeatOf != nil }

    /// A segment from its parts.
    public init(
        article: String, paragraph: Int, index: Int, kind: SegmentKind, language: Language,
        text: String, start: Int, end: Int, date: String? = nil, repeatOf: String? = nil
    ) {
        self.repeatOf = repeatOf
        self.article = article
        self.paragraph = paragraph
        self.index = index
        self.kind = kind
        self.language = language
        self.text = text
        self.start = start
        self.end = end
        self.date = date
    }
}

extension Segment: Encodable {
    private enum CodingKeys: String, CodingKey {
        case id, article, paragraph, index, kind, translate, lang, text, start, end, date, repeatOf
    }

    /// JSON (one object per segment in `mekong segment --format jsonl`): `id`, `article`,
    /// `paragraph`, `index`, `kind`, `translate`, `lang`, `text`, `start`, `end` (scalar
    /// offsets) and `date` when the article has one, in that order.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(article, forKey: .article)
        try c.encode(paragraph, forKey: .paragraph)
        try c.encode(index, forKey: .index)
        try c.encode(kind, forKey: .kind)
        try c.encode(kind.isTranslatable, forKey: .translate)
        try c.encode(language.tag, forKey: .lang)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encodeIfPresent(date, forKey: .date)
        try c.encodeIfPresent(repeatOf, forKey: .repeatOf)
    }
}
