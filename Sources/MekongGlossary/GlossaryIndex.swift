import MekongText

/// Finds concepts by any of their forms, in any language, whatever the case and diacritics.
///
/// Every form (preferred, admitted, forbidden) is indexed under its ``Folding/key(_:)``; Lao
/// forms also under their toneless form. Lookup of a whole name is one dictionary access.
public struct GlossaryIndex: Sendable {
    public struct Match: Hashable, Sendable {
        public var conceptIndex: Int
        public var language: TermLanguage
        public var form: String
        public var how: How
    }

    public enum How: String, Hashable, Sendable {
        /// The folded query equals the folded form.
        case exact
        /// Equal once Lao tone marks are ignored.
        case laoToneless = "lao-toneless"
        /// Every word of the query is a word of the form.
        case words
    }

    private struct Entry: Hashable { var concept: Int32; var language: TermLanguage; var form: Int32 }
    private var exact: [String: [Entry]] = [:]
    private var toneless: [String: [Entry]] = [:]
    private var byWord: [String: [Int32]] = [:]
    private var forms: [String] = []
    private var formKeys: [String] = []
    public let glossary: Glossary

    public init(_ glossary: Glossary) {
        self.glossary = glossary
        for (ci, c) in glossary.concepts.enumerated() {
            for lang in TermLanguage.allCases {
                for form in c.terms[lang]?.all ?? [] {
                    let key = Folding.key(form)
                    let entry = Entry(concept: Int32(ci), language: lang, form: Int32(forms.count))
                    forms.append(form)
                    formKeys.append(key)
                    exact[key, default: []].append(entry)
                    if lang == .lo { toneless[Folding.laoWithoutToneMarks(key), default: []].append(entry) }
                    for word in Set(key.split(separator: " ")) { byWord[String(word), default: []].append(entry.form) }
                }
            }
        }
    }

    /// The concepts a query names, best first, each once: exact folded matches; for Lao with
    /// no exact match, matches ignoring tone marks; then forms containing every query word.
    public func find(_ query: String) -> [Match] {
        let direct = findKey(query)
        // "Parti populaire révolutionnaire lao (PPRL)": the name and its acronym, separately.
        guard direct.isEmpty, let open = query.firstIndex(of: "("), let close = query[open...].firstIndex(of: ")") else { return direct }
        let outside = String(query[..<open]) + " " + String(query[query.index(after: close)...])
        let inside = String(query[query.index(after: open)..<close])
        var seen = Set<Int>()
        return (findKey(outside) + findKey(inside)).filter { seen.insert($0.conceptIndex).inserted }
    }

    private func findKey(_ query: String) -> [Match] {
        let key = Folding.key(query)
        guard !key.isEmpty else { return [] }
        var out: [Match] = []
        var seen = Set<Int32>()
        func add(_ entries: [Entry], _ how: How) {
            for e in entries where seen.insert(e.concept).inserted {
                out.append(Match(conceptIndex: Int(e.concept), language: e.language, form: forms[Int(e.form)], how: how))
            }
        }
        add(exact[key] ?? [], .exact)
        if out.isEmpty, Folding.containsLao(key) { add(toneless[Folding.laoWithoutToneMarks(key)] ?? [], .laoToneless) }
        // Word matches: the forms listing every word of the query.
        let words = key.split(separator: " ").map(String.init)
        if let first = words.first, var candidates = byWord[first].map(Set.init) {
            for w in words.dropFirst() { candidates.formIntersection(byWord[w] ?? []) }
            for f in candidates.sorted() {
                let entries = exact[formKeys[Int(f)]]?.filter { $0.form == f } ?? []
                add(entries, .words)
            }
        }
        return out
    }
}
