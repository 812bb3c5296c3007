import Foundation
public import MekongText

/// Finds every glossary name in a line of text, whatever its diacritics and case.
///
/// Names in Latin script are matched as sequences of folded words: every form of every concept
/// is stored under the hashes of its word-sequence prefixes, and the text is read once, word by
/// word (``Folding/forEachWord(in:_:)``), trying at each word to extend a name as long as some
/// form continues. Each step is one hash lookup whatever the glossary's size. Lao names, which
/// are not separated by spaces, are found by their first syllables and compared ignoring tone
/// marks, so a wrongly toned name is still found.
public final class NameMatcher: @unchecked Sendable {
    /// One form of one concept.
    public struct Form: Sendable {
        /// The 0-based index of the concept in ``NameMatcher/glossary``'s `concepts` (not its id).
        public var concept: Int
        /// The language the form is listed under.
        public var language: TermLanguage
        /// The form as the glossary writes it.
        public var text: String
        /// Whether the form is one of the concept's forbidden forms in ``language``.
        public var forbidden: Bool
        /// ``Folding/keyBytes(_:)`` of ``text``: the folded key as UTF-8 bytes.
        public var key: [UInt8]
        /// ``NameStyle/comparable(_:)`` of the text, computed once.
        public var comparable: String
        /// The concept's type (how its name is capitalised depends on it).
        public var type: ConceptType
        /// Bit *k* set: word *k* of the form starts with a capital letter ("Bộ Chính trị": words 0, 1).
        public var capitals: UInt64
        /// Bit *k* set: word *k* is an acronym (two or more letters, all capitals: "AN", "HĐND"),
        /// matched only where the text writes it in capitals too.
        public var acronyms: UInt64
        /// A French form whose folded key no Vietnamese or romanised Lao form of the concept has
        /// ("Laos" beside "Lào"): not looked for in Vietnamese text.
        public var frenchOnly: Bool
    }

    /// A name found in a line.
    public struct Match: Sendable {
        /// Byte range in the line.
        public var range: Range<Int>
        /// Forms whose folded key equals the text's (the same concept may appear several times).
        public var forms: [Int]
        /// Number of words covered (0 for Lao).
        public var words: Int
        /// Index of the first word (Latin script).
        public var firstWord: Int
    }

    /// The glossary matched against, as given to ``init(_:)``.
    public let glossary: Glossary
    /// A concept's Vietnamese name in each style, with its comparable form.
    public struct StyleForms: Sendable {
        /// The name written in each style (``NameStyle/form(of:)``).
        public var forms: [NameStyle: String]
        /// ``NameStyle/comparable(_:)`` of each style's form.
        public var comparable: [NameStyle: String]
        /// The name written in `style`.
        public subscript(style: NameStyle) -> String? { forms[style] }
    }
    private var styleCache: [Int: StyleForms] = [:]
    private let styleLock = NSLock()

    /// The full, press and ASCII forms of a concept's Vietnamese name (computed once).
    public func styleForms(_ concept: Int) -> StyleForms {
        styleLock.lock()
        defer { styleLock.unlock() }
        if let cached = styleCache[concept] { return cached }
        let vi = glossary.concepts[concept].preferred(.vi) ?? ""
        var forms = StyleForms(forms: [:], comparable: [:])
        for style in NameStyle.allCases {
            let f = style.form(of: vi)
            forms.forms[style] = f
            forms.comparable[style] = NameStyle.comparable(f)
        }
        styleCache[concept] = forms
        return forms
    }
    /// Every form of every concept; ``Match/forms`` holds 0-based indexes into it.
    public internal(set) var forms: [Form] = []
    /// A word-sequence prefix: whether longer forms continue it, and the forms ending there
    /// (`terminalList[first..<first+count]`). Plain values, so a lookup copies no array.
    struct Node {
        var first: Int32 = 0
        var count: Int32 = 0
        var isPrefix = false
    }
    // Internal, not private: the glossary cache (GlossaryCache.swift) writes and reads them.
    var nodes = HashTable<Node>()
    var terminalList: [Int32] = []
    var maxWords = 0
    /// Lao forms by their first scalar (3 UTF-8 bytes), compared without tone marks.
    var laoByFirst: [UInt32: [Int32]] = [:]
    var laoToneless: [[UInt8]] = []

    /// A matcher with no tables, for the cache to fill in.
    init(unbuilt glossary: Glossary) { self.glossary = glossary }

    /// Indexes every form (preferred, admitted, forbidden) of every concept of `glossary`; with
    /// a glossary read from its cache (``GlossaryStore/load(cache:)``), the tables are the
    /// cache's, not built again.
    /// - Complexity: O(total length of the forms).
    public init(_ glossary: Glossary) {
        self.glossary = glossary
        if let built = glossary.compiled?.matcher(glossary) {
            forms = built.forms
            nodes = built.nodes
            terminalList = built.terminalList
            maxWords = built.maxWords
            laoByFirst = built.laoByFirst
            laoToneless = built.laoToneless
            return
        }
        // (hash of a whole form's words, form) pairs, grouped by hash at the end: no array per name.
        var terminals: [(hash: UInt64, form: Int32)] = []
        var formCount = 0
        for c in glossary.concepts { for t in c.terms.values { formCount += t.all.count } }
        forms.reserveCapacity(formCount)
        laoToneless.reserveCapacity(formCount)
        terminals.reserveCapacity(formCount)
        nodes = HashTable(capacity: formCount)
        defer {
            // Stable: the forms of one hash stay in the order they were added.
            terminals.sort { ($0.hash, $0.form) < ($1.hash, $1.form) }
            terminalList.reserveCapacity(terminals.count)
            var k = 0
            while k < terminals.count {
                let h = terminals[k].hash
                let first = Int32(terminalList.count)
                while k < terminals.count, terminals[k].hash == h {
                    terminalList.append(terminals[k].form)
                    k += 1
                }
                let count = Int32(terminalList.count) - first
                nodes.upsert(
                    h, insert: { Node(first: first, count: count, isPrefix: false) },
                    update: {
                        $0.first = first
                        $0.count = count
                    })
            }
        }
        for (ci, c) in glossary.concepts.enumerated() {
            let conceptForms = forms.count
            // French forms only French has (no Vietnamese or romanised Lao form folds like
            // them), decided once the concept's forms are all in: a few key comparisons.
            defer {
                if c.terms[.vi].map({ !$0.isEmpty }) == true {
                    for k in conceptForms..<forms.count where forms[k].language == .fr {
                        let key = forms[k].key
                        forms[k].frenchOnly =
                            !forms[conceptForms..<forms.count].contains {
                                ($0.language == .vi || $0.language == .loLatn) && $0.key == key
                            }
                    }
                }
            }
            for (lang, terms) in c.terms {
                for form in terms.all {
                    let index = forms.count
                    let key = Folding.keyBytes(form)
                    let (capitals, acronyms) = Self.wordCases(form)
                    forms.append(
                        Form(
                            concept: ci, language: lang, text: form, forbidden: terms.forbidden.contains(form),
                            key: key,
                            comparable: NameStyle.comparable(form), type: c.type, capitals: capitals,
                            acronyms: acronyms, frenchOnly: false))
                    laoToneless.append([])
                    if lang == .lo {
                        let toneless = Folding.laoWithoutToneMarks(utf8: Array(form.utf8))
                        laoToneless[index] = toneless
                        if toneless.count >= 3 {
                            laoByFirst[Self.first(toneless[...]), default: []].append(Int32(index))
                        }
                        continue
                    }
                    let words = key.split(separator: 0x20).map { Folding.wordHash($0) }
                    guard !words.isEmpty else { continue }
                    maxWords = max(maxWords, words.count)
                    var h = Folding.hashSeed
                    for (k, w) in words.enumerated() {
                        h = Folding.combine(h, w)
                        if k == words.count - 1 {
                            terminals.append((h, Int32(index)))
                        } else {
                            nodes.upsert(
                                h, insert: { Node(first: 0, count: 0, isPrefix: true) }, update: { $0.isPrefix = true })
                        }
                    }
                }
            }
        }
    }

    /// The names in `line` (valid UTF-8), longest first, not overlapping, in order.
    ///
    /// A form's acronyms match only where the text writes them in capitals ("AN" is not "an",
    /// "ăn" or "án"); with `language` Vietnamese, forms only French has ("Laos") are not looked
    /// for. When the longest candidate at a word has no form left, shorter ones are tried.
    public func matches(in line: UnsafeBufferPointer<UInt8>, language: Language? = nil) -> [Match] {
        matches(in: line, words: words(in: line), language: language)
    }

    /// The same, with the line's words already computed.
    public func matches(in line: UnsafeBufferPointer<UInt8>, words: [(Range<Int>, UInt64)], language: Language? = nil)
        -> [Match]
    {
        var out: [Match] = []
        var i = 0
        var candidates: [(Int, Node)] = []
        // Read once a line: each access to a stored `var` of a class is an exclusivity check.
        let nodes = self.nodes
        let maxWords = self.maxWords
        while i < words.count {
            var h = Folding.hashSeed
            candidates.removeAll(keepingCapacity: true)
            var k = 0
            while k < maxWords, i + k < words.count {
                h = Folding.combine(h, words[i + k].1)
                guard let node = nodes[h] else { break }
                if node.count > 0 { candidates.append((k + 1, node)) }
                if !node.isPrefix { break }
                k += 1
            }
            var found = false
            for (count, node) in candidates.reversed() {
                let terminal = terminalList[Int(node.first)..<Int(node.first + node.count)]
                let range = words[i].0.lowerBound..<words[i + count - 1].0.upperBound
                // Verify (a hash collision would otherwise be a false name).
                let key = Folding.keyBytes(utf8: UnsafeBufferPointer(rebasing: line[range]))
                let breaks = count > 1 ? Self.clauseBreaks(line, words, from: i, count: count) : []
                let verified = terminal.map(Int.init).filter {
                    let form = forms[$0]
                    guard form.key == key else { return false }
                    if !breaks.isEmpty, !breaks.allSatisfy(form.text.unicodeScalars.contains) { return false }
                    if language == .vietnamese && form.frenchOnly { return false }
                    return form.acronyms == 0 || acronymsWritten(form.acronyms, line, words, from: i, count: count)
                }
                if !verified.isEmpty {
                    out.append(Match(range: range, forms: verified, words: count, firstWord: i))
                    i += count
                    found = true
                    break
                }
            }
            if !found { i += 1 }
        }
        let lao = laoMatches(in: line)
        if lao.isEmpty { return out }
        return (out + lao).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Word ranges and hashes of a line (for the repeated-fragment check).
    public func words(in line: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, UInt64)] {
        var words: [(Range<Int>, UInt64)] = []
        self.words(in: line, into: &words)
        return words
    }

    /// The same into a reused buffer.
    public func words(in line: UnsafeBufferPointer<UInt8>, into words: inout [(Range<Int>, UInt64)]) {
        words.removeAll(keepingCapacity: true)
        Folding.forEachWord(in: line) { words.append(($0, $1)) }
    }

    /// The punctuation between the `count` words from `first` that ends a name: anything but
    /// white space, hyphens and dashes, apostrophes and the dot of an initial (a dot not before
    /// white space). Folding makes "Phan Công Nam) 4" the key of "Phan Công Nam 4", but a name
    /// does not run across a bracket, a comma, a quote or a full stop unless its form has one
    /// there too ("Bà Rịa, Vũng Tàu" is not "Bà Rịa Vũng Tàu"; "Côte d'Ivoire", "Saint-Denis",
    /// "J.-P. Dupont" still match).
    static func clauseBreaks(
        _ line: UnsafeBufferPointer<UInt8>, _ words: [(Range<Int>, UInt64)], from first: Int, count: Int
    ) -> [Unicode.Scalar] {
        var breaks: [Unicode.Scalar] = []
        for k in first..<(first + count - 1) {
            var i = words[k].0.upperBound
            let end = words[k + 1].0.lowerBound
            while i < end {
                let (u, len) = scalar(line, i)
                switch u.value {
                case 0x20, 0x09, 0x2D, 0x27, 0xA0, 0x2009, 0x202F, 0x2010, 0x2011, 0x2013, 0x2019, 0x02BC:
                    break
                case 0x2E:  // "J.-P.", "T.Ư." joined: an initial; ". " ends a sentence
                    if i + 1 < end, line[i + 1] == 0x20 || line[i + 1] == 0x09 { breaks.append(u) }
                default:
                    breaks.append(u)
                }
                i += len
            }
        }
        return breaks
    }

    /// Whether every word of `mask` among the `count` words from `first` has no lower-case letter.
    private func acronymsWritten(
        _ mask: UInt64, _ line: UnsafeBufferPointer<UInt8>, _ words: [(Range<Int>, UInt64)], from first: Int,
        count: Int
    ) -> Bool {
        for k in 0..<min(count, 64) where mask & (1 << UInt64(k)) != 0 {
            if Self.hasLowercase(UnsafeBufferPointer(rebasing: line[words[first + k].0])) { return false }
        }
        return true
    }

    /// Whether a word (valid UTF-8) has a lower-case letter.
    public static func hasLowercase(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if word.allSatisfy({ $0 < 0x80 }) { return word.contains { (0x61...0x7A).contains($0) } }
        return String(decoding: word, as: UTF8.self).unicodeScalars.contains { $0.properties.isLowercase }
    }

    /// Whether a word (valid UTF-8) starts with a capital letter.
    public static func startsWithCapital(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let b = word.first else { return false }
        if b < 0x80 { return (0x41...0x5A).contains(b) }
        return String(decoding: word, as: UTF8.self).unicodeScalars.first?.properties.isUppercase == true
    }

    /// The capitalised and the acronym words of a form, as bit masks (word *k* is bit *k*).
    /// Runs on every form when a glossary is indexed: bytes and first scalars only, no strings.
    static func wordCases(_ form: String) -> (capitals: UInt64, acronyms: UInt64) {
        var capitals: UInt64 = 0
        var acronyms: UInt64 = 0
        var form = form
        form.withUTF8 { buf in
            var k: UInt64 = 0
            Folding.forEachWord(in: buf) { range, _ in
                defer { k += 1 }
                guard k < 64 else { return }
                var i = range.lowerBound
                var letters = 0
                var first = true
                var capital = false
                var lower = false
                while i < range.upperBound {
                    let (u, len) = Self.scalar(buf, i)
                    i += len
                    let p = u.properties
                    if u.value < 0x80 {
                        let upper = u.value >= 0x41 && u.value <= 0x5A
                        let isLower = u.value >= 0x61 && u.value <= 0x7A
                        if first { capital = upper }
                        if upper || isLower { letters += 1 }
                        if isLower { lower = true }
                    } else if p.isAlphabetic {
                        if first { capital = p.isUppercase }
                        letters += 1
                        if p.isLowercase { lower = true }
                    }
                    first = false
                    if !capital { break }  // only a capitalised word can be an acronym
                }
                if capital {
                    capitals |= 1 << k
                    if letters >= 2, !lower { acronyms |= 1 << k }
                }
            }
        }
        return (capitals, acronyms)
    }

    /// The scalar at byte `i` of valid UTF-8, and its length.
    @inline(__always)
    static func scalar(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let b = buf[i]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        let (v, len) = Folding.decodeScalar(buf, at: i)
        return (Unicode.Scalar(v) ?? "\u{FFFD}", len)
    }

    private static func first(_ b: ArraySlice<UInt8>) -> UInt32 {
        let s = b.startIndex
        return UInt32(b[s]) << 16 | UInt32(b[s + 1]) << 8 | UInt32(b[s + 2])
    }

    private func laoMatches(in line: UnsafeBufferPointer<UInt8>) -> [Match] {
        // Lao script is E0 BA xx / E0 BB xx in UTF-8: most lines have no E0 byte at all (memchr).
        guard !laoByFirst.isEmpty, let base = line.baseAddress, memchr(base, 0xE0, line.count) != nil else { return [] }
        var out: [Match] = []
        var i = 0
        let n = line.count
        while i + 2 < n {
            guard line[i] == 0xE0, line[i + 1] == 0xBA || line[i + 1] == 0xBB,
                let candidates = laoByFirst[UInt32(line[i]) << 16 | UInt32(line[i + 1]) << 8 | UInt32(line[i + 2])]
            else {
                i += 1
                continue
            }
            var best: (Int, [Int])?
            for c in candidates {
                if let end = Self.tonelessPrefixEnd(line, from: i, toneless: laoToneless[Int(c)]) {
                    if best == nil || end > best!.0 {
                        best = (end, [Int(c)])
                    } else if end == best!.0 {
                        best!.1.append(Int(c))
                    }
                }
            }
            if let (end, found) = best {
                out.append(Match(range: i..<end, forms: found, words: 0, firstWord: -1))
                i = end
            } else {
                i += 3
            }
        }
        return out
    }

    /// Where `toneless` ends if the text at `start` equals it once Lao tone marks are skipped
    /// (tone marks right after the last scalar belong to the match).
    private static func tonelessPrefixEnd(_ line: UnsafeBufferPointer<UInt8>, from start: Int, toneless: [UInt8])
        -> Int?
    {
        var i = start
        var j = 0
        let n = line.count
        @inline(__always) func isTone(_ k: Int) -> Bool {
            k + 2 < n && line[k] == 0xE0 && line[k + 1] == 0xBB && (0x88...0x8B).contains(line[k + 2])
        }
        while j < toneless.count {
            if isTone(i) {
                i += 3
                continue
            }
            guard i < n, line[i] == toneless[j] else { return nil }
            i += 1
            j += 1
        }
        while isTone(i) { i += 3 }
        return i
    }
}
