import MekongText

/// Finds concepts by any of their forms, in any language, whatever the case and diacritics.
///
/// Every form (preferred, admitted, forbidden) is indexed under its ``Folding/key(_:)``; Lao
/// forms also under their toneless form; every word of every form points back to its forms.
/// Lookup of a whole name is one hash-table access. Postings are kept as linked lists inside flat
/// arrays, so building the index allocates little (100,000 concepts: about half a second).
public struct GlossaryIndex: Sendable {
    /// A concept that ``find(_:)`` found, with the form that matched.
    public struct Match: Hashable, Sendable {
        /// The 0-based index of the concept in ``GlossaryIndex/glossary``'s `concepts` (not its id).
        public var conceptIndex: Int
        /// The language of the form that matched.
        public var language: TermLanguage
        /// The form that matched, as the glossary writes it (not folded).
        public var form: String
        /// How the query matched ``form``.
        public var how: How
    }

    /// How a query matched a form, strictest first; the raw value is what the `mekong` command line prints.
    public enum How: String, Hashable, Sendable {
        /// The folded query equals the folded form.
        case exact
        /// Equal once Lao tone marks are ignored.
        case laoToneless = "lao-toneless"
        /// Every word of the query is a word of the form.
        case words
        /// A suggestion when nothing matched: one letter added, dropped or changed.
        case oneEdit = "one-edit"
        /// A suggestion when nothing matched: the same consonants, other vowels or diacritics.
        case consonants = "same-consonants"
    }

    /// Hash of a key → form indexes, as linked lists in flat arrays (no array per key), the
    /// heads in an open-addressing table keyed by the 64-bit hash itself (no second hashing,
    /// no key array kept: a lookup checks the forms' own keys).
    struct Postings: Sendable {
        var head = HashTable<Int32>(capacity: 16)
        var form: [Int32] = []
        var next: [Int32] = []

        init(capacity: Int = 16) { head = HashTable(capacity: capacity) }

        mutating func add(_ key: UInt64, _ f: Int32) {
            let i = Int32(form.count)
            var old: Int32 = -1
            head.upsert(
                key, insert: { i },
                update: {
                    old = $0
                    $0 = i
                })
            form.append(f)
            next.append(old)
        }

        /// The forms under `key`, in insertion order.
        func forms(_ key: UInt64) -> [Int32] {
            var out: [Int32] = []
            var i = head[key] ?? -1
            while i >= 0 {
                out.append(form[Int(i)])
                i = next[Int(i)]
            }
            return out.reversed()
        }
    }

    /// By the hash of the folded form (a lookup keeps the forms whose key is the query's).
    var exact: Postings
    /// Lao forms by the hash of the folded form without tone marks.
    var toneless = Postings()
    /// Words by hash: a collision only adds a candidate, which the word check then rejects.
    var byWord: Postings
    var forms: [String] = []
    var formKeys: [[UInt8]] = []
    var formConcept: [Int32] = []
    var formLanguage: [TermLanguage] = []
    /// The glossary indexed, as given to ``init(_:)``: ``Match/conceptIndex`` indexes its `concepts`.
    public let glossary: Glossary

    /// An empty index of `glossary`, for the cache to fill in.
    init(unbuilt glossary: Glossary) {
        self.glossary = glossary
        exact = Postings()
        byWord = Postings()
    }

    /// Indexes every form (preferred, admitted, forbidden) of every concept of `glossary`.
    /// - Complexity: O(total length of the forms); about half a second for 100,000 concepts.
    /// With a glossary read from its cache (``GlossaryStore/load(cache:)``), the index is the
    /// cache's, not built again.
    public init(_ glossary: Glossary) {
        if let built = glossary.compiled?.index(glossary) {
            self = built
            return
        }
        self.glossary = glossary
        let estimate = glossary.concepts.count * 4
        exact = Postings(capacity: estimate)
        byWord = Postings(capacity: estimate)
        var previous: [UInt64] = []
        previous.reserveCapacity(16)
        for (ci, c) in glossary.concepts.enumerated() {
            for lang in TermLanguage.allCases {
                guard let terms = c.terms[lang] else { continue }
                for form in terms.all {
                    let key = Folding.keyBytes(form)
                    let f = Int32(forms.count)
                    forms.append(form)
                    formKeys.append(key)
                    formConcept.append(Int32(ci))
                    formLanguage.append(lang)
                    exact.add(Folding.wordHash(key), f)
                    if lang == .lo { toneless.add(Folding.wordHash(Folding.laoWithoutToneMarks(utf8: key)), f) }
                    // Each distinct word once (hashes of the words seen so far in this form).
                    previous.removeAll(keepingCapacity: true)
                    var h = Folding.hashSeed
                    var inWord = false
                    for b in key + [0x20] {
                        if b == 0x20 {
                            if inWord, !previous.contains(h) {
                                previous.append(h)
                                byWord.add(h, f)
                            }
                            h = Folding.hashSeed
                            inWord = false
                        } else {
                            h = Folding.hash(h, b)
                            inWord = true
                        }
                    }
                }
            }
        }
    }

    /// The concepts a query names, best first, each once: exact folded matches; for Lao with
    /// no exact match, matches ignoring tone marks; else forms containing every query word. A
    /// name followed by its acronym in parentheses is also tried as the two.
    public func find(_ query: String) -> [Match] {
        let direct = findKey(query)
        // "Parti populaire révolutionnaire lao (PPRL)": the name and its acronym, separately.
        guard direct.isEmpty, let open = query.firstIndex(of: "("), let close = query[open...].firstIndex(of: ")")
        else { return direct }
        let outside = String(query[..<open]) + " " + String(query[query.index(after: close)...])
        let inside = String(query[query.index(after: open)..<close])
        var seen = Set<Int>()
        return (findKey(outside) + findKey(inside)).filter { seen.insert($0.conceptIndex).inserted }
    }

    private func findKey(_ query: String) -> [Match] {
        let keyBytes = Folding.keyBytes(query)
        guard !keyBytes.isEmpty else { return [] }
        var out: [Match] = []
        var seen = Set<Int32>()
        func add(_ fs: [Int32], _ how: How) {
            for f in fs where seen.insert(formConcept[Int(f)]).inserted {
                out.append(
                    Match(
                        conceptIndex: Int(formConcept[Int(f)]), language: formLanguage[Int(f)], form: forms[Int(f)],
                        how: how))
            }
        }
        add(exact.forms(Folding.wordHash(keyBytes)).filter { formKeys[Int($0)] == keyBytes }, .exact)
        if out.isEmpty, keyBytes.contains(0xE0) {  // Lao is E0 BA xx / E0 BB xx in UTF-8
            let toneless = Folding.laoWithoutToneMarks(utf8: keyBytes)
            add(
                self.toneless.forms(Folding.wordHash(toneless)).filter {
                    Folding.laoWithoutToneMarks(utf8: formKeys[Int($0)]) == toneless
                }, .laoToneless)
        }
        guard out.isEmpty else { return out }
        // Word matches: walk the rarest word's forms and check the other words on each form.
        let words = Set(keyBytes.split(separator: 0x20).map { Array($0) })
        let postings = words.map { byWord.forms(Folding.wordHash($0)) }
        guard let rarest = postings.min(by: { $0.count < $1.count }), !rarest.isEmpty else { return out }
        for f in rarest {
            let formWords = Set(formKeys[Int(f)].split(separator: 0x20).map { Array($0) })
            if words.isSubset(of: formWords) { add([f], .words) }
        }
        return out
    }

}
