import Foundation
import MekongText

/// The glossary: concepts kept sorted by id.
public struct Glossary: Sendable {
    /// The concepts, sorted by id; change them with ``upsert(_:)`` and ``remove(id:)``.
    public private(set) var concepts: [Concept] = [] {
        didSet { compiled = nil }  // the cache's tables were made for the concepts as read
    }
    /// The name matcher's and index's tables, when the glossary was read from its cache.
    var compiled: CompiledGlossary?

    /// A glossary of `concepts`, sorted by id. Unlike ``upsert(_:)``, this neither normalises
    /// texts to NFC nor merges concepts that share an id.
    public init(concepts: [Concept] = []) {
        // Ids are lower-case ASCII (Concept.isValidID): byte order is their order, and files
        // are saved sorted, so the common case is a check.
        if zip(concepts, concepts.dropFirst()).allSatisfy({ $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }) {
            self.concepts = concepts
        } else {
            self.concepts = concepts.sorted { $0.id < $1.id }
        }
    }

    /// The concept with this id, or `nil`.
    /// - Complexity: O(log n), a binary search.
    public subscript(id: String) -> Concept? {
        guard let i = index(of: id) else { return nil }
        return concepts[i]
    }

    /// The 0-based position in ``concepts`` of the concept with this id, or `nil`.
    /// - Complexity: O(log n), a binary search.
    public func index(of id: String) -> Int? {
        var lo = 0
        var hi = concepts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if concepts[mid].id < id { lo = mid + 1 } else { hi = mid }
        }
        return lo < concepts.count && concepts[lo].id == id ? lo : nil
    }

    /// Adds or replaces the concept with the same id; every text is stored in NFC.
    public mutating func upsert(_ concept: Concept) {
        let c = concept.normalized()
        if let i = index(of: c.id) {
            concepts[i] = c
            return
        }
        let at = concepts.firstIndex { $0.id > c.id } ?? concepts.count
        concepts.insert(c, at: at)
    }

    /// Removes the concept with this id.
    /// - Returns: the concept removed, or `nil` if there was none.
    @discardableResult
    public mutating func remove(id: String) -> Concept? {
        guard let i = index(of: id) else { return nil }
        return concepts.remove(at: i)
    }

    /// A fresh id for a French name: its slug, or the slug with `-2`, `-3`… if taken (by a
    /// concept, or in `reserved`).
    public func newID(for name: String, avoiding reserved: Set<String> = []) -> String {
        Self.newID(for: name) { self[$0] != nil || reserved.contains($0) }
    }

    /// The slug of `name`, or the slug with `-2`, `-3`… : the first that `taken` refuses.
    static func newID(for name: String, taken: (String) -> Bool) -> String {
        let base = Concept.slug(name)
        if !taken(base) { return base }
        var n = 2
        while taken("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }
}

extension Concept {
    /// The same concept with every text in NFC.
    public func normalized() -> Concept {
        // Nearly always so already (read from a file Mekong wrote): then nothing is rebuilt.
        if note.isNFCAsIs, sources.allSatisfy(\.isNFCAsIs),
            terms.values.allSatisfy({ t in
                !t.isEmpty && t.preferred?.isNFCAsIs != false && t.admitted.allSatisfy(\.isNFCAsIs)
                    && t.forbidden.allSatisfy(\.isNFCAsIs)
            })
        {
            return self
        }
        func nfc(_ s: String) -> String { s.nfc }
        var c = self
        c.note = nfc(note)
        c.sources = sources.map(nfc)
        for (lang, t) in terms {
            c.terms[lang] = Terms(
                preferred: t.preferred.map(nfc), admitted: t.admitted.map(nfc), forbidden: t.forbidden.map(nfc))
        }
        c.terms = c.terms.filter { !$0.value.isEmpty }
        return c
    }
}

extension String {
    /// The string in NFC. Most glossary text is already NFC and made of scalars that NFC never
    /// changes (no combining marks, nothing that composes): those are returned as they are,
    /// without the cost of Foundation's normaliser.
    var nfc: String { isNFCAsIs ? self : precomposedStringWithCanonicalMapping }

    /// Whether ``nfc`` is the string itself: every scalar is one NFC never changes.
    var isNFCAsIs: Bool {
        for s in unicodeScalars {
            let v = s.value
            if v < 0x0300 || (v >= 0x1E00 && v <= 0x1EFF) || (v >= 0x2000 && v <= 0x206F) { continue }
            if v >= 0x0E80 && v <= 0x0EFF && s.properties.canonicalCombiningClass == .notReordered { continue }
            return false
        }
        return true
    }
}

extension Glossary {
    /// A form of a concept that another concept already has (compared folded, in the same language).
    public struct SharedForm: Hashable, Sendable, CustomStringConvertible {
        /// The glossary language of the form.
        public var language: TermLanguage
        /// The form as the new concept writes it.
        public var form: String
        /// The id of the concept that already has it.
        public var otherConcept: String

        /// `the fr form 'Dien Bien' is already a form of dien-bien`.
        public var description: String { "the \(language.tag) form '\(form)' is already a form of \(otherConcept)" }
    }

    /// The forms of `concept` that another concept of the glossary already has (an acronym or a
    /// name shared by two concepts makes every search and check ambiguous).
    public func sharedForms(of concept: Concept) -> [SharedForm] {
        var out: [SharedForm] = []
        for (lang, terms) in concept.terms.sorted(by: { $0.key < $1.key }) {
            for form in terms.all {
                let key = Folding.keyBytes(form)
                for other in concepts where other.id != concept.id {
                    if other.terms[lang]?.all.contains(where: { Folding.keyBytes($0) == key }) == true {
                        out.append(SharedForm(language: lang, form: form, otherConcept: other.id))
                    }
                }
            }
        }
        return out
    }
}
