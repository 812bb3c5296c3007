import Foundation
public import MekongGlossary
import MekongText

/// Across a corpus: how each known name is written, unknown names that differ by a diacritic or
/// a letter, stuttered names, and the style of Vietnamese names per article.
public final class ConsistencyAnalyzer {
    /// A form of a name as the corpus writes it, and where.
    public struct FormUse: Sendable {
        /// The form as written in the text.
        public var form: String
        /// How many times it occurs.
        public var count: Int
        /// Where, as `file:line` (the line number given to ``ConsistencyAnalyzer/add(line:number:file:)``):
        /// the first 5 places for a glossary name's form, up to 20 for a stutter.
        public var places: [String]
    }
    /// A glossary name that the corpus writes in more than one way (ignoring case).
    public struct KnownName: Sendable {
        /// The concept's id.
        public var concept: String
        /// Each form used, most frequent first.
        public var forms: [FormUse]
    }
    /// A name the glossary does not know and a name it looks like: another unknown name that
    /// differs in diacritics, case or one letter, or a glossary name one letter away.
    public struct UnknownPair: Sendable {
        /// The unknown name's most frequent form.
        public var a: String
        /// The name it looks like: another unknown name's most frequent form, or the glossary's
        /// preferred French form.
        public var b: String
        /// Why they look alike: `diacritics or case`, `one letter` or `one letter from CONCEPT-ID`.
        public var why: String
        /// How many times `a` and `b` occur (`b` counts 0 when it is a glossary form).
        public var counts: (Int, Int)
    }
    /// An article that writes Vietnamese names in more than one ``NameStyle``.
    public struct StyleMix: Sendable {
        /// The file, as given to ``ConsistencyAnalyzer/add(line:number:file:)``.
        public var file: String
        /// How many names it writes in each style (a form that several styles share is not counted).
        public var counts: [NameStyle: Int]
    }
    /// What ``report()`` found in the lines added so far.
    public struct Report: Sendable {
        /// Glossary names written in more than one way, by concept id.
        public var known: [KnownName]
        /// Names the glossary does not know that look like another name: possible misspellings.
        public var unknown: [UnknownPair]
        /// Candidate names with a word repeated twice in a row, most frequent first.
        public var stutters: [FormUse]
        /// Articles that write Vietnamese names in more than one style, by file name.
        public var styleMix: [StyleMix]
    }

    private let matcher: NameMatcher
    private let extractor: CandidateExtractor
    private var uses: [Int: [String: FormUse]] = [:]
    private var styles: [String: [NameStyle: Int]] = [:]

    /// An analyzer for names of `glossary`; feed it lines with ``add(line:number:file:)``.
    public init(glossary: Glossary) {
        matcher = NameMatcher(glossary)
        extractor = CandidateExtractor(glossary: glossary)
    }

    /// Reads one line of an article.
    public func add(line: String, number: Int, file: String) {
        let place = "\(file):\(number)"
        var text = line
        text.withUTF8 { buf in
            for m in matcher.matches(in: buf) {
                let form = String(decoding: UnsafeBufferPointer(rebasing: buf[m.range]), as: UTF8.self)
                let ci = matcher.forms[m.forms[0]].concept
                var u = uses[ci, default: [:]][form] ?? FormUse(form: form, count: 0, places: [])
                u.count += 1
                if u.places.count < 5 { u.places.append(place) }
                uses[ci, default: [:]][form] = u
                // Style of a Vietnamese name (people; places whose French name is the Vietnamese one).
                let concept = matcher.glossary.concepts[ci]
                if concept.vietnameseName(forFoldedForm: Folding.keyBytes(form)) != nil {
                    let sf = matcher.styleForms(ci)
                    let exact = NameStyle.allCases.filter {
                        sf[$0].map { $0.lowercased() == form.lowercased() } ?? false
                    }
                    // A form several styles share (no Vietnamese-only letter) says nothing.
                    if exact.count == 1 { styles[file, default: [:]][exact[0], default: 0] += 1 }
                }
            }
        }
        extractor.add(sentence: line, place: place)
    }

    /// What the lines added so far show. More lines may be added afterwards; a later report
    /// includes them.
    public func report() -> Report {
        let known = uses.compactMap { (ci, forms) -> KnownName? in
            let distinct = Set(forms.keys.map { $0.lowercased() })
            guard distinct.count > 1 else { return nil }
            return KnownName(
                concept: matcher.glossary.concepts[ci].id,
                forms: forms.values.sorted { ($1.count, $0.form) < ($0.count, $1.form) })
        }.sorted { $0.concept < $1.concept }

        let candidates = extractor.candidates().filter { $0.variantOf == nil }
        var unknown: [UnknownPair] = []
        for c in candidates where c.variants.count > 1 {
            unknown.append(
                UnknownPair(
                    a: c.variants[0].form, b: c.variants[1].form, why: "diacritics or case",
                    counts: (c.variants[0].count, c.variants[1].count)))
        }
        // One letter apart (folded, at least 6 letters): "Phomvihane" / "Phomvihan".
        let long = candidates.filter { $0.key.count >= 6 }
        let byLength = Dictionary(grouping: long, by: { $0.key.count })
        for c in long {
            for other in (byLength[c.key.count] ?? []) + (byLength[c.key.count + 1] ?? [])
            where other.key > c.key || other.key.count > c.key.count {
                if Self.oneEditApart(Array(c.key), Array(other.key)) {
                    unknown.append(
                        UnknownPair(
                            a: c.variants[0].form, b: other.variants[0].form, why: "one letter",
                            counts: (c.count, other.count)))
                }
            }
        }
        // One letter away from a glossary name: probably that name misspelt.
        var glossaryKeys: [Int: [(String, String)]] = [:]
        for c in matcher.glossary.concepts {
            for form in c.terms[.fr]?.all ?? [] where Folding.key(form).count >= 6 {
                glossaryKeys[Folding.key(form).count, default: []].append((Folding.key(form), c.id))
            }
        }
        for c in long {
            let near = [c.key.count - 1, c.key.count, c.key.count + 1].flatMap { glossaryKeys[$0] ?? [] }
            if let (_, id) = near.first(where: { Self.oneEditApart(Array(c.key), Array($0.0)) }),
                let preferred = matcher.glossary[id]?.preferred(.fr)
            {
                unknown.append(
                    UnknownPair(a: c.variants[0].form, b: preferred, why: "one letter from \(id)", counts: (c.count, 0))
                )
            }
        }
        let stutters = candidates.filter { c in
            let words = c.key.split(separator: " ")
            return zip(words, words.dropFirst()).contains { $0 == $1 }
        }.map { FormUse(form: $0.variants[0].form, count: $0.count, places: $0.places) }
        let mix = styles.filter { $0.value.count > 1 }.map { StyleMix(file: $0.key, counts: $0.value) }.sorted {
            $0.file < $1.file
        }
        return Report(known: known, unknown: unknown, stutters: stutters, styleMix: mix)
    }

    /// Whether two strings are one substitution, insertion or deletion apart.
    static func oneEditApart(_ a: [Character], _ b: [Character]) -> Bool {
        a != b && EditDistance.withinOne(a, b)
    }
}
