import MekongText

extension GlossaryIndex {
    /// Concepts whose name is close to a query that found nothing: a folded form one edit
    /// (a letter added, dropped or changed) away from the query, or with the same consonant
    /// skeleton ("Phomvihan" → Phomvihane, "Nguyen Van Cong" → Nguyễn Văn Cường), closest first.
    ///
    /// ```swift
    /// index.suggestions(for: "Vientianne")   // vientiane (one edit)
    /// ```
    /// - Parameter limit: how many concepts at most.
    /// - Complexity: O(*n*) in the number of forms (a scan, run only when a search failed).
    public func suggestions(for query: String, limit: Int = 5) -> [Match] {
        let key = Folding.keyBytes(query)
        guard !key.isEmpty else { return [] }
        let skeleton = Self.consonantSkeleton(key)
        var scored: [(score: Int, form: Int)] = []
        let queryWords = key.split(separator: 0x20).count
        for (f, formKey) in formKeys.enumerated() {
            if EditDistance.withinOne(key, formKey) {
                scored.append((1, f))
            } else if Self.partWithinOneEdit(key, words: queryWords, of: formKey) {
                scored.append((2, f))
            } else if skeleton.count >= 3, Self.consonantSkeleton(formKey) == skeleton {
                scored.append((3, f))
            }
        }
        var seen = Set<Int32>()
        var out: [Match] = []
        for (score, f) in scored.sorted(by: { ($0.score, forms[$0.form]) < ($1.score, forms[$1.form]) }) {
            guard seen.insert(formConcept[f]).inserted else { continue }
            out.append(
                Match(
                    conceptIndex: Int(formConcept[f]), language: formLanguage[f], form: forms[f],
                    how: score <= 2 ? .oneEdit : .consonants))
            if out.count == limit { break }
        }
        return out
    }

    /// Whether a run of `words` consecutive words of `form` is one edit from `key` ("Phomvihan"
    /// in "kaysone phomvihane").
    static func partWithinOneEdit(_ key: [UInt8], words: Int, of form: [UInt8]) -> Bool {
        let parts = form.split(separator: 0x20)
        guard parts.count > words, words > 0 else { return false }
        for start in 0...(parts.count - words) {
            let run = Array(parts[start..<(start + words)].joined(separator: [0x20]))
            if abs(run.count - key.count) <= 1, EditDistance.withinOne(key, run) { return true }
        }
        return false
    }

    /// The folded key without vowels (a e i o u y) and spaces.
    static func consonantSkeleton(_ key: [UInt8]) -> [UInt8] {
        key.filter { !"aeiouy ".utf8.contains($0) }
    }
}
