public import MekongGlossary
import MekongText

/// `mekong glossary terms "…"`: the glossary names a sentence contains, with their forms in
/// every language — the first thing a translator asks of a sentence.
public struct TermsJob: Sendable {
    /// Creates the job.
    public init() {}

    /// One name found in the text.
    public struct Term: Sendable, Encodable {
        /// The name as the text writes it.
        public var text: String
        /// 1-based column of its first scalar in the text.
        public var column: Int
        /// The concept's id.
        public var concept: String
        /// The concept's type (person, place…).
        public var type: ConceptType
        /// Whether its spellings were vouched for.
        public var status: ConceptStatus
        /// The concept's preferred form in each glossary language that has one (`fr`, `vi`, `lo`, `lo-Latn`).
        public var forms: [String: String]
    }

    /// The names in `text`, in order, each occurrence once.
    public func run(_ text: String, glossary: Glossary) -> [Term] {
        run(text, matcher: NameMatcher(glossary))
    }

    /// The same with a matcher already built.
    public func run(_ text: String, matcher: NameMatcher) -> [Term] {
        var terms: [Term] = []
        var text = text
        text.withUTF8 { buf in
            for m in matcher.matches(in: buf) {
                let concept = matcher.glossary.concepts[matcher.forms[m.forms[0]].concept]
                var forms: [String: String] = [:]
                for lang in TermLanguage.allCases { forms[lang.tag] = concept.preferred(lang) }
                terms.append(
                    Term(
                        text: String(decoding: UnsafeBufferPointer(rebasing: buf[m.range]), as: UTF8.self),
                        column: UTF8Validation.scalarCount(UnsafeBufferPointer(rebasing: buf[..<m.range.lowerBound]))
                            + 1,
                        concept: concept.id, type: concept.type, status: concept.status, forms: forms))
            }
        }
        return terms
    }
}
