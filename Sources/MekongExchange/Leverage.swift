import Foundation
public import MekongGlossary
public import MekongText

/// Translation memories loaded for one language pair, indexed for exact and fuzzy matches:
/// what `mekong prepare --tm` and `mekong tm lookup` use.
///
/// **Score.** A word-level edit distance between the new segment and a memory unit's source,
/// as translators know it from CAT tools: a word added, dropped or replaced costs 1; a word
/// that differs only in case or diacritics costs 0.3; punctuation costs 0.5; numbers are
/// placeables and cost nothing — when a match differs only in its numbers ("4581" for
/// "3200"), the numbers are replaced in the match's target, in order, and the match is marked
/// repaired. Glossary names are placeables too (``names``): when a match differs only in names
/// the glossary knows ("Hanoï" for "Vientiane"), each old name's form in the target is replaced
/// by the new name's target-language form and the match is marked repaired; a name the glossary
/// has no target form for, or that the target does not write exactly once, leaves the match as
/// scored word by word. The score is `100 × (1 − cost / length)`, length counted with the same weights.
/// 100 is an exact match; an exact match whose previous segment also matched the unit before
/// it in the memory is "in context".
///
/// **Index.** Words (not numbers or punctuation) point to the units whose source has them; a
/// lookup scores the units sharing the most words with the segment, leaving out words found in
/// more than 5 % of the units. Exact matches are one hash lookup.
/// Lookups reuse a scratch array: one index serves one thread at a time.
public final class MemoryIndex {
    /// One unit of a memory: a source and its translation.
    public struct Unit: Sendable {
        /// The source text.
        public var source: String
        /// The translation.
        public var target: String
        /// The memory file it came from.
        public var origin: String
        /// Its `tuid`, if any.
        public var id: String?

        /// A unit from its parts.
        public init(source: String, target: String, origin: String, id: String? = nil) {
            self.source = source
            self.target = target
            self.origin = origin
            self.id = id
        }
    }

    /// A match of a segment in the memory.
    public struct Match: Sendable, Equatable {
        /// Index of the unit in ``MemoryIndex/units``.
        public var unit: Int
        /// 0–100; 100 for an exact match.
        public var score: Double
        /// An exact match whose previous segment matched the unit before this one.
        public var inContext: Bool
        /// The target to offer: the unit's, with numbers replaced when only numbers differ.
        public var target: String
        /// Whether ``target`` was changed from the unit's (numbers repaired).
        public var repaired: Bool
    }

    /// The units, in load order.
    public private(set) var units: [Unit] = []
    /// The glossary names to treat as placeables, and the languages of the memory's sources and
    /// targets: set it to repair matches that differ only in names.
    public var names: (matcher: NameMatcher, source: Language, target: Language)?
    /// Exact-match key → the units with that source, as linked lists in flat arrays (a million
    /// units allocate no array each).
    private var exactHead = HashTable<Int32>(capacity: 1 << 16)
    private var exactNext: [Int32] = []
    /// Folded word hash → the word's number and how many units have it. Open-addressing tables
    /// keyed by the hashes themselves (a Swift Dictionary would hash them again, twelve million
    /// times for a million units).
    private var words = HashTable<WordPostings>(capacity: 1 << 16)
    /// A word's number (its place in ``postingStart``) and how many units have it.
    private struct WordPostings {
        var slot: Int32
        var count: Int32
    }
    /// Scratch for ``add(_:)``: the distinct word hashes of one unit.
    private var scratchWords: [UInt64] = []
    /// While loading: the word number of each posting, in load order, and where each unit's
    /// postings end in it.
    private var buildSlot: [Int32] = []
    private var buildUnitEnd: [Int32] = []
    /// Once loaded (``freeze()``): every word's units, oldest first, side by side in one array
    /// from `postingStart[slot]` (`count` of them) — a lookup reads them in sequence instead of
    /// chasing a linked list through memory, one cache miss a posting.
    private var postingStart: [Int32] = []
    private var postings: [Int32] = []
    /// Scratch counts of shared words per unit, reused by every lookup (one byte a unit).
    private var counts: [UInt8] = []

    /// Loads every unit of `paths` with a variant in `source` and one in `target` (languages
    /// compared by primary subtag).
    /// - Throws: ``Diagnostic`` for a file that is not a readable TMX.
    public init(paths: [String], source: String, target: String) throws {
        // Two threads: one reads the memories (libxml2 and the units' strings, about two thirds
        // of the time), this one indexes what it has read, a batch at a time.
        let batches = UnitBatches()
        let reader = Thread {
            let s = LanguageTag(source)?.primary
            let t = LanguageTag(target)?.primary
            var primary: [String: String] = [:]  // xml:lang → primary subtag, parsed once per distinct tag
            func lang(_ tag: String) -> String? {
                if let p = primary[tag] { return p }
                let p = LanguageTag(tag)?.primary ?? ""
                primary[tag] = p
                return p
            }
            var batch: [Unit] = []
            batch.reserveCapacity(UnitBatches.size)
            do {
                for path in paths {
                    let origin = (path as NSString).lastPathComponent
                    try TMXReader.read(path: path) { u in
                        guard let a = u.variants.first(where: { lang($0.language) == s }),
                            let b = u.variants.first(where: { lang($0.language) == t })
                        else { return }
                        batch.append(Unit(source: a.text, target: b.text, origin: origin, id: u.id))
                        if batch.count == UnitBatches.size {
                            batches.put(batch)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                }
                batches.put(batch)
                batches.finish(nil)
            } catch {
                batches.finish(error)
            }
        }
        reader.stackSize = 1 << 22
        reader.start()
        while let batch = batches.take() {
            for u in batch { add(u) }
        }
        if let error = batches.error { throw error }
        freeze()
    }

    /// An index over units given directly.
    public init(units: [Unit]) {
        for u in units { add(u) }
        freeze()
    }

    /// Lays the postings out word by word (a counting sort: two passes over them).
    private func freeze() {
        var start = [Int32](repeating: 0, count: words.count + 1)
        for s in buildSlot { start[Int(s) + 1] += 1 }
        for k in 0..<words.count { start[k + 1] += start[k] }
        var cursor = start
        var out = [Int32](repeating: 0, count: buildSlot.count)
        out.withUnsafeMutableBufferPointer { out in
            cursor.withUnsafeMutableBufferPointer { cursor in
                buildSlot.withUnsafeBufferPointer { slots in
                    var p = 0
                    for (u, end) in buildUnitEnd.enumerated() {
                        while p < Int(end) {
                            let s = Int(slots[p])
                            out[Int(cursor[s])] = Int32(u)
                            cursor[s] += 1
                            p += 1
                        }
                    }
                }
            }
        }
        postingStart = start
        postings = out
        buildSlot = []
        buildUnitEnd = []
    }

    /// The postings of a word: where its units start in ``postings`` and how many.
    private func postingRange(_ hash: UInt64) -> Range<Int> {
        guard let w = words[hash] else { return 0..<0 }
        let s = Int(postingStart[Int(w.slot)])
        return s..<s + Int(w.count)
    }

    private func add(_ u: Unit) {
        let i = Int32(units.count)
        units.append(u)
        let k = Self.key(u.source)
        exactNext.append(exactHead[k] ?? -1)
        exactHead[k] = i
        // The unit's distinct words first (a local buffer: no access to the index's tables from
        // inside the closure), then one table lookup and one store per word.
        var source = u.source
        var seen = scratchWords
        scratchWords = []
        seen.removeAll(keepingCapacity: true)
        source.withUTF8 { buf in
            Folding.forEachWord(in: buf) { range, hash in
                guard let first = range.first, !(0x30...0x39).contains(buf[first]), !seen.contains(hash) else { return }
                seen.append(hash)
            }
        }
        for hash in seen {
            let fresh = Int32(words.count)
            let w = words.upsert(hash, insert: { WordPostings(slot: fresh, count: 1) }, update: { $0.count += 1 })
            buildSlot.append(w.slot)
        }
        buildUnitEnd.append(Int32(buildSlot.count))
        scratchWords = seen
    }

    /// The units under a linked list's head, newest first.
    private func list(_ head: Int32?, next: [Int32], value: (Int32) -> Int32) -> [Int32] {
        var out: [Int32] = []
        var p = head ?? -1
        while p >= 0 {
            out.append(value(p))
            p = next[Int(p)]
        }
        return out
    }

    /// The folded word hashes of a text, as the index keys them (numbers left out).
    private static func wordHashes(_ text: String) -> [UInt64] {
        var text = text
        var out: [UInt64] = []
        text.withUTF8 { buf in
            Folding.forEachWord(in: buf) { range, hash in
                if let first = range.first, !(0x30...0x39).contains(buf[first]), !out.contains(hash) {
                    out.append(hash)
                }
            }
        }
        return out
    }

    /// The best matches of `source` at or above `threshold`, best first (exact ones first).
    /// - Parameter previous: the source of the segment before, for in-context matches.
    public func matches(for source: String, previous: String? = nil, threshold: Double = 75, limit: Int = 3) -> [Match]
    {
        var out: [Match] = []
        let exactUnits = list(exactHead[Self.key(source)], next: exactNext) { $0 }
        for u in exactUnits {  // the newest unit first
            let i = Int(u)
            let inContext = previous.map { p in i > 0 && Self.key(units[i - 1].source) == Self.key(p) } ?? false
            out.append(Match(unit: i, score: 100, inContext: inContext, target: units[i].target, repaired: false))
        }
        out.sort { $0.inContext && !$1.inContext }
        if out.count >= limit { return Array(out.prefix(limit)) }
        // Fuzzy: the units sharing the most of the segment's eight rarest words; each word
        // visits at most 2,000 units (the newest), so a lookup costs a bounded scan whatever
        // the memory's size. Counts go into a reused array, not a dictionary.
        let query = Token.split(source)
        let rarest = Self.wordHashes(source).sorted { (words[$0]?.count ?? 0) < (words[$1]?.count ?? 0) }.prefix(8)
        var scratch = counts.count == units.count ? counts : [UInt8](repeating: 0, count: units.count)
        counts = []  // taken out of the object while in use
        var touched: [Int32] = []
        let ranges = rarest.map(postingRange)
        scratch.withUnsafeMutableBufferPointer { c in
            postings.withUnsafeBufferPointer { unitOf in
                for r in ranges {
                    for p in stride(
                        from: r.upperBound - 1, through: Swift.max(r.lowerBound, r.upperBound - 2_000), by: -1)
                    {
                        let u = Int(unitOf[p])
                        if c[u] == 0 { touched.append(Int32(u)) }
                        if c[u] < 255 { c[u] += 1 }
                    }
                }
            }
        }
        let exactSet = Set(exactUnits)
        // Ranked by shared words (at most eight): buckets, not a sort
        // of every unit touched (thousands per segment against a large memory); only the buckets
        // the 20 candidates come from are ordered (oldest first among equals, as before).
        var buckets = [[Int32]](repeating: [], count: 9)
        for u in touched where !exactSet.contains(u) { buckets[Swift.min(8, Int(scratch[Int(u)]))].append(u) }
        for u in touched { scratch[Int(u)] = 0 }
        counts = scratch
        // A unit whose length alone keeps it below the threshold is not scored (lengths in words).
        let queryLength = Double(query.count)
        let maxGap = 1 - threshold / 100
        var candidates: [(Int32, UInt8)] = []
        ranking: for shared in stride(from: 8, through: 1, by: -1) where !buckets[shared].isEmpty {
            buckets[shared].sort()
            for u in buckets[shared] {
                let n = Double(units[Int(u)].source.utf8.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) })
                guard abs(n - queryLength) <= maxGap * Swift.max(n, queryLength) + 2 else { continue }
                candidates.append((u, UInt8(shared)))
                if candidates.count == 20 { break ranking }
            }
        }
        var fuzzy: [Match] = []
        // The segment's names, found once (only when names are placeables and the segment has one).
        let queryNames = names.map { Self.names(in: source, $0.matcher, $0.source) } ?? []
        for (u, _) in candidates {
            let i = Int(u)
            let tokens = Token.split(units[i].source)
            let (wordScore, numbersOnly) = Self.score(query, tokens)
            guard wordScore >= threshold || !queryNames.isEmpty else { continue }
            if wordScore < threshold {
                // Below the threshold word by word: only a match that names make one is kept.
                guard let names, !queryNames.isEmpty,
                    let (fixedScore, fixed) = repairNames(source, queryNames, units[i], names),
                    fixedScore >= threshold
                else { continue }
                fuzzy.append(Match(unit: i, score: fixedScore, inContext: false, target: fixed, repaired: true))
                continue
            }
            var target = units[i].target
            var repaired = false
            var score = wordScore
            if numbersOnly, let fixed = Self.repairNumbers(from: tokens, to: query, in: target) {
                target = fixed
                repaired = fixed != units[i].target
            } else if let names, !queryNames.isEmpty,
                let (fixedScore, fixed) = repairNames(source, queryNames, units[i], names)
            {
                (score, target, repaired) = (fixedScore, fixed, true)
            }
            fuzzy.append(Match(unit: i, score: score, inContext: false, target: target, repaired: repaired))
        }
        fuzzy.sort { ($0.score, -$0.unit) > ($1.score, -$1.unit) }
        return Array((out + fuzzy).prefix(limit))
    }

    /// Units whose source contains every word of `words` (case and diacritics ignored), in order.
    public func concordance(_ words: String, limit: Int = 50) -> [Int] {
        let query = Self.wordHashes(words)
        guard let rarest = query.min(by: { (self.words[$0]?.count ?? 0) < (self.words[$1]?.count ?? 0) }) else {
            return []
        }
        var out: [Int] = []
        for u in postings[postingRange(rarest)] {
            let have = Set(Self.wordHashes(units[Int(u)].source))
            if query.allSatisfy(have.contains) {
                out.append(Int(u))
                if out.count == limit { break }
            }
        }
        return out
    }

    // MARK: Implementation Details

    /// The exact-match key: the text's bytes with runs of ASCII white space made one space,
    /// trimmed (hashed as it goes, no string built).
    static func key(_ s: String) -> UInt64 {
        var h = Folding.hashSeed
        var pendingSpace = false
        var started = false
        for b in s.utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                pendingSpace = started
                continue
            }
            if pendingSpace {
                h = Folding.hash(h, 0x20)
                pendingSpace = false
            }
            h = Folding.hash(h, b)
            started = true
        }
        return h
    }

    struct Token: Equatable {
        enum Kind { case word, number, punctuation, name }
        var kind: Kind
        /// The text as written.
        var text: Substring
        /// Hash of the folded form (case and diacritics ignored).
        var hash: UInt64
        /// Hash of the exact text.
        var exact: UInt64
        /// For a name (``withNames``): its concept's index in the glossary.
        var concept = -1

        /// The tokens of a text: numbers (digits, with `.` or `,` between digits), words (a
        /// letter, then letters, digits and hyphens), and every other character on its own;
        /// white space separates. Characters as Swift counts them (a scalar with the combining
        /// marks that follow it), classed by their first scalar as `Character.isLetter`,
        /// `isNumber` and `isWhitespace` do — on the UTF-8 bytes, without a `Character` each.
        static func split(_ s: String) -> [Token] {
            var text = s
            var spans: [(Int, Int, Kind, UInt64, UInt64)] = []
            text.withUTF8 { buf in
                let n = buf.count
                /// The character at `i`: where it ends and the class of its first scalar.
                func character(at i: Int) -> (end: Int, cls: CharacterClass, ascii: UInt8) {
                    let b = buf[i]
                    var end: Int
                    let cls: CharacterClass
                    if b < 0x80 {
                        end = i + 1
                        cls = CharacterClass.ascii[Int(b)]
                    } else {
                        let (v, len) = Folding.decodeScalar(buf, at: i)
                        end = i + len
                        cls = CharacterClass.of(v)
                    }
                    // Combining marks (and joiners) belong to the character before them.
                    while end < n, buf[end] >= 0x80 {
                        let (v, len) = Folding.decodeScalar(buf, at: end)
                        guard CharacterClass.extends(v) else { break }
                        end += len
                    }
                    return (end, cls, end == i + 1 ? b : 0)
                }
                var i = 0
                while i < n {
                    let c = character(at: i)
                    if c.cls == .space {
                        i = c.end
                        continue
                    }
                    var j = c.end
                    let kind: Kind
                    switch c.cls {
                    case .number:
                        while j < n {
                            let d = character(at: j)
                            if d.cls == .number {
                                j = d.end
                            } else if d.ascii == UInt8(ascii: ".") || d.ascii == UInt8(ascii: ","), d.end < n,
                                character(at: d.end).cls == .number
                            {
                                j = d.end
                            } else {
                                break
                            }
                        }
                        kind = .number
                    case .letter:
                        while j < n {
                            let d = character(at: j)
                            guard d.cls == .letter || d.cls == .number || d.ascii == UInt8(ascii: "-") else { break }
                            j = d.end
                        }
                        kind = .word
                    default:
                        kind = .punctuation
                    }
                    let token = UnsafeBufferPointer(rebasing: buf[i..<j])
                    spans.append(
                        (i, j, kind, Folding.wordHash(Folding.keyBytes(utf8: token)), Folding.wordHash(token)))
                    i = j
                }
            }
            let utf8 = s.utf8
            return spans.map { (i, j, kind, hash, exact) in
                let a = utf8.index(utf8.startIndex, offsetBy: i)
                let b = utf8.index(a, offsetBy: j - i)
                return Token(kind: kind, text: s[a..<b], hash: hash, exact: exact)
            }
        }

        /// What ``split(_:)`` asks of a character's first scalar.
        enum CharacterClass: UInt8 {
            case space, number, letter, other

            /// The class of each ASCII byte.
            static let ascii: [CharacterClass] = (0..<128).map { b in
                switch UInt8(b) {
                case 0x09...0x0D, 0x20: .space
                case 0x30...0x39: .number
                case 0x41...0x5A, 0x61...0x7A: .letter
                default: .other
                }
            }

            /// `Character.isWhitespace`, `isNumber`, `isLetter` of a character that starts with
            /// the scalar `v` (Latin letters without a lookup: they are most of the text).
            static func of(_ v: UInt32) -> CharacterClass {
                if (0xC0...0x24F).contains(v) { return v == 0xD7 || v == 0xF7 ? .other : .letter }
                if (0x1E00...0x1EFF).contains(v) { return .letter }
                guard let scalar = Unicode.Scalar(v) else { return .other }
                let p = scalar.properties
                if p.isWhitespace { return .space }
                if p.numericType != nil { return .number }
                return p.isAlphabetic ? .letter : .other
            }

            /// Whether a scalar continues the character before it (extended grapheme clusters'
            /// Extend, ZWJ and SpacingMark: combining marks, Lao and Thai vowel signs, joiners).
            static func extends(_ v: UInt32) -> Bool {
                if (0x300...0x36F).contains(v) { return true }
                if v < 0x300 || (0x1E00...0x1EFF).contains(v) { return false }
                if v == 0x200D { return true }
                guard let scalar = Unicode.Scalar(v) else { return false }
                let p = scalar.properties
                return p.isGraphemeExtend || p.generalCategory == .spacingMark
            }
        }

        var weight: Double { kind == .punctuation ? 0.5 : 1 }
    }

    /// The weighted word edit distance score, and whether the only differences are numbers.
    static func score(_ a: [Token], _ b: [Token]) -> (Double, Bool) {
        let n = a.count
        let m = b.count
        if n == 0 || m == 0 { return (0, false) }
        func cost(_ x: Token, _ y: Token) -> Double {
            if x.exact == y.exact { return 0 }
            if x.kind == .number && y.kind == .number { return 0 }
            if x.kind == .name && y.kind == .name { return 0 }  // placeables: repaired, not paid for
            if x.hash == y.hash { return 0.3 }
            if x.kind == .punctuation && y.kind == .punctuation { return 0.5 }
            return 1
        }
        var previous = [Double](repeating: 0, count: m + 1)
        for j in 0..<m { previous[j + 1] = previous[j] + b[j].weight }
        var current = [Double](repeating: 0, count: m + 1)
        for i in 0..<n {
            current[0] = previous[0] + a[i].weight
            for j in 0..<m {
                current[j + 1] = Swift.min(
                    previous[j] + cost(a[i], b[j]), previous[j + 1] + a[i].weight, current[j] + b[j].weight)
            }
            swap(&previous, &current)
        }
        let length = Swift.max(a.reduce(0) { $0 + $1.weight }, b.reduce(0) { $0 + $1.weight })
        let distance = previous[m]
        let numbersOnly = distance == 0 && a.count == b.count && zip(a, b).contains { $0.exact != $1.exact }
        return (Swift.max(0, 100 * (1 - distance / length)), numbersOnly)
    }

    /// Names in `text` as (UTF-8 range, concept index), found as `language` writes them.
    static func names(in text: String, _ matcher: NameMatcher, _ language: Language) -> [(Range<Int>, Int)] {
        var text = text
        return text.withUTF8 { buf in
            matcher.matches(in: buf, language: language).compactMap { m in
                let concepts = Set(m.forms.map { matcher.forms[$0].concept })
                return concepts.count == 1 ? (m.range, concepts.first!) : nil
            }
        }
    }

    /// The tokens with each name's words made one token whose hash is its concept's.
    static func withNames(_ text: String, _ tokens: [Token], _ names: [(Range<Int>, Int)]) -> [Token] {
        guard !names.isEmpty else { return tokens }
        var out: [Token] = []
        var k = 0
        let utf8 = text.utf8
        for t in tokens {
            let start = utf8.distance(from: utf8.startIndex, to: t.text.startIndex)
            while k < names.count, names[k].0.upperBound <= start { k += 1 }
            if k < names.count, names[k].0.contains(start) {
                let (range, concept) = names[k]
                if start == range.lowerBound {
                    let a = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                    let b = utf8.index(utf8.startIndex, offsetBy: range.upperBound)
                    let sub = text[a..<b]
                    out.append(
                        Token(
                            kind: .name, text: sub, hash: UInt64(truncatingIfNeeded: concept) &* 0x9E37_79B9_7F4A_7C15,
                            exact: UInt64(truncatingIfNeeded: concept), concept: concept))
                }
                continue
            }
            out.append(t)
        }
        return out
    }

    /// A match that differs from `source` only in glossary names (and numbers), repaired: its
    /// score with names as placeables, and its target with each old name's target-language form
    /// replaced by the new name's. `nil` when names are not the difference or cannot be repaired.
    func repairNames(
        _ source: String, _ newNames: [(Range<Int>, Int)], _ unit: Unit,
        _ names: (matcher: NameMatcher, source: Language, target: Language)
    ) -> (Double, String)? {
        let oldNames = Self.names(in: unit.source, names.matcher, names.source)
        guard oldNames.count == newNames.count else { return nil }
        let a = Self.withNames(source, Token.split(source), newNames)
        let b = Self.withNames(unit.source, Token.split(unit.source), oldNames)
        guard Self.score(a, b).1 else { return nil }
        // Which names changed (in order), and where the target writes the old ones.
        let pairs = zip(oldNames, newNames).filter { $0.0.1 != $0.1.1 }.map { ($0.0.1, $0.1.1) }
        guard !pairs.isEmpty else { return nil }
        let targetNames = Self.names(in: unit.target, names.matcher, names.target)
        let targetLanguage = TermLanguage(names.target)
        var replacements: [(Range<Int>, String)] = []
        for (old, new) in pairs {
            let places = targetNames.filter { $0.1 == old }
            guard places.count == 1, let form = names.matcher.glossary.concepts[new].preferred(targetLanguage) else {
                return nil
            }
            replacements.append((places[0].0, form))
        }
        var bytes = Array(unit.target.utf8)
        for (range, form) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            bytes.replaceSubrange(range, with: Array(form.utf8))
        }
        var target = String(decoding: bytes, as: UTF8.self)
        if let fixed = Self.repairNumbers(from: b, to: a, in: target) { target = fixed }
        return (100, target)
    }

    /// The target with the memory source's numbers replaced by the new segment's, in order,
    /// when each old number occurs in the target exactly once.
    static func repairNumbers(from old: [Token], to new: [Token], in target: String) -> String? {
        let oldNumbers = old.filter { $0.kind == .number }.map { String($0.text) }
        let newNumbers = new.filter { $0.kind == .number }.map { String($0.text) }
        guard oldNumbers.count == newNumbers.count, !oldNumbers.isEmpty else { return nil }
        var out = target
        for (o, n) in zip(oldNumbers, newNumbers) where o != n {
            guard out.components(separatedBy: o).count == 2 else { return nil }
            out = out.replacingOccurrences(of: o, with: n)
        }
        return out
    }
}

/// Units handed from the thread that reads a memory to the one that indexes it, a batch at a
/// time, with at most a few batches waiting (memory stays bounded whichever thread is faster).
private final class UnitBatches: @unchecked Sendable {
    static let size = 4_096
    private let condition = NSCondition()
    private var queue: [[MemoryIndex.Unit]] = []
    private var finished = false
    private var failure: (any Error)?

    /// What the reading thread threw, once ``take()`` has returned `nil`.
    var error: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    func put(_ batch: [MemoryIndex.Unit]) {
        condition.lock()
        while queue.count >= 4 { condition.wait() }
        queue.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// No more batches; `error` when reading failed.
    func finish(_ error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, or `nil` when the reader has finished and every batch was taken.
    func take() -> [MemoryIndex.Unit]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }
}
