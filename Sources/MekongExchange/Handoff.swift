import Foundation
public import MekongGlossary
public import MekongSegmentation
import MekongText

/// An article as translators receive it: paragraphs (units) of sentences (segments), each with
/// the glossary terms found in it.
public struct HandoffArticle: Sendable, Equatable {
    /// The article's id, as the caller gives it; XLIFF 2 writes it as `<file id="f-ID">`.
    public var id: String
    /// The source file's name, e.g. `000_ac40248b14b1adc8.txt`.
    public var original: String
    /// The article's date from its first segment (`2025-12-17` or `2025-04`), if any.
    public var date: String?
    /// The BCP 47 tag of the source text: the first segment's language, `fr` when there is none.
    public var sourceLanguage: String
    /// The paragraphs, in order.
    public var units: [HandoffUnit]
    /// The original article, so that `mekong merge` needs nothing but the XLIFF file.
    public var skeleton: ArticleSkeleton?

    /// An article from its parts; ``build(id:original:segments:matcher:)`` makes one from segments.
    public init(
        id: String, original: String, date: String?, sourceLanguage: String, units: [HandoffUnit],
        skeleton: ArticleSkeleton? = nil
    ) {
        self.skeleton = skeleton
        self.id = id
        self.original = original
        self.date = date
        self.sourceLanguage = sourceLanguage
        self.units = units
    }
}

/// One paragraph of an article: a `<unit>` in XLIFF 2, a `<group>` in XLIFF 1.2.
public struct HandoffUnit: Sendable, Equatable {
    /// `article-pN`.
    public var id: String
    /// What part of the article the paragraph is: the kind of its first segment.
    public var kind: SegmentKind
    /// The paragraph's sentences, in order.
    public var segments: [HandoffSegment]

    /// Whether translators translate the unit (``SegmentKind/isTranslatable``): `translate="no"` if not.
    public var translate: Bool { kind.isTranslatable }

    /// A unit from its parts.
    public init(id: String, kind: SegmentKind, segments: [HandoffSegment]) {
        self.id = id
        self.kind = kind
        self.segments = segments
    }
}

/// One sentence of a paragraph, with the glossary terms found in it.
public struct HandoffSegment: Sendable, Equatable {
    /// `article-pN-sM`, as `mekong segment` gives it.
    public var id: String
    /// The sentence in the source language.
    public var source: String
    /// The translation, or `nil` when there is none (``HandoffArticle`` builds segments without one).
    public var target: String?
    /// Glossary terms in the source, in order, not overlapping.
    public var terms: [TermHit]
    /// Translation-memory matches, best first: an exact one fills ``target``; the others are
    /// offered as candidates (XLIFF 2 `mtc:match`, XLIFF 1.2 `alt-trans`).
    public var matches: [LeveragedMatch] = []

    /// A segment from its parts.
    public init(id: String, source: String, target: String?, terms: [TermHit]) {
        self.id = id
        self.source = source
        self.target = target
        self.terms = terms
    }
}

/// A glossary term found in a segment.
public struct TermHit: Sendable, Equatable {
    /// Range of the term in the segment's source, in UTF-8 bytes.
    public var range: Range<Int>
    /// The id of the glossary concept the term names.
    public var conceptID: String
    /// The term as the source writes it.
    public var text: String
    /// The concept's preferred form in the target language, if the glossary has one.
    public var translation: String?
    /// The concept's preferred form in every glossary language (so one search serves all targets).
    public var translations: [TermLanguage: String] = [:]
}

extension HandoffArticle {
    /// Groups segments (as ``ArticleSegmenter`` emits them) into units and finds the glossary
    /// terms of each segment with `matcher`, giving their `target`-language forms.
    public static func build(
        id: String, original: String, segments: [Segment], matcher: NameMatcher,
        target: TermLanguage
    ) -> HandoffArticle {
        build(id: id, original: original, segments: segments, matcher: matcher).translated(to: target)
    }

    /// The same article with each term's ``TermHit/translation`` set to its `target` form.
    public func translated(to target: TermLanguage) -> HandoffArticle {
        var a = self
        for u in a.units.indices {
            for s in a.units[u].segments.indices {
                for t in a.units[u].segments[s].terms.indices {
                    a.units[u].segments[s].terms[t].translation = a.units[u].segments[s].terms[t].translations[target]
                }
            }
        }
        return a
    }

    /// Groups segments into units and finds the glossary terms of each segment once, with their
    /// forms in every language (see ``translated(to:)``).
    public static func build(id: String, original: String, segments: [Segment], matcher: NameMatcher) -> HandoffArticle
    {
        var units: [HandoffUnit] = []
        for s in segments {
            if units.last?.id != "\(s.article)-p\(s.paragraph)" {
                units.append(HandoffUnit(id: "\(s.article)-p\(s.paragraph)", kind: s.kind, segments: []))
            }
            var terms: [TermHit] = []
            var text = s.text
            text.withUTF8 { buf in
                for m in matcher.matches(in: buf) {
                    let concept = matcher.glossary.concepts[matcher.forms[m.forms[0]].concept]
                    var translations: [TermLanguage: String] = [:]
                    for lang in TermLanguage.allCases { translations[lang] = concept.preferred(lang) }
                    terms.append(
                        TermHit(
                            range: m.range, conceptID: concept.id,
                            text: String(decoding: UnsafeBufferPointer(rebasing: buf[m.range]), as: UTF8.self),
                            translation: nil, translations: translations))
                }
            }
            units[units.count - 1].segments.append(HandoffSegment(id: s.id, source: s.text, target: nil, terms: terms))
        }
        return HandoffArticle(
            id: id, original: original, date: segments.first?.date,
            sourceLanguage: segments.first?.language.tag ?? "fr", units: units)
    }
}

/// A translation-memory match offered with a segment.
public struct LeveragedMatch: Sendable, Equatable {
    /// 0–100.
    public var similarity: Double
    /// The memory unit's source.
    public var source: String
    /// The target offered (repaired when only numbers differed).
    public var target: String
    /// The memory file's name.
    public var origin: String
    /// An exact match whose previous segment matched too.
    public var inContext: Bool
    /// Whether ``target`` was repaired (numbers replaced).
    public var repaired: Bool

    /// A match from its parts.
    public init(
        similarity: Double, source: String, target: String, origin: String, inContext: Bool = false,
        repaired: Bool = false
    ) {
        self.similarity = similarity
        self.source = source
        self.target = target
        self.origin = origin
        self.inContext = inContext
        self.repaired = repaired
    }

    /// Whether this is an exact (100 %) match.
    public var isExact: Bool { similarity >= 100 && !repaired }

    /// `87.5` (one decimal at most), as the XLIFF attributes write it.
    public var similarityText: String {
        let rounded = (similarity * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
