import MekongGlossary
import MekongText

#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// What ``VietnameseSpellingRule`` reports: plain values, turned into findings by the checker.
struct SpellingHit: Sendable, Equatable {
    /// Byte range in the line.
    var range: Range<Int>
    var rule: String
    var severity: Severity
    /// The whole corrected word (or name), when there is a clear best.
    var expected: String?
    var message: String
}

/// Vietnamese spelling beyond the glossary (issue 16).
///
/// - `vietnamese-syllable` (error): a Vietnamese-looking word that cannot be a syllable
///   ("Bằc", "Cuờng", "gía"), with the nearest valid syllables. In Vietnamese text a word is
///   Vietnamese-looking when it has a mark only Vietnamese writes (ă đ ơ ư, hỏi, nặng, a tone on
///   â ê ô…) or any accent and the letters of a syllable; in French text only marks French
///   never writes count ("Trân", "élève" are never looked at), and marks other European
///   languages share (á í ó ú ý, ì ò, ã õ) only on words with a syllable's letters ("José
///   Ángel", "São" are left alone). Words without marks (foreign names, acronyms, numbers,
///   "Indo", "ASEAN") are never flagged, nor words without the outline of one syllable:
///   abbreviations ("ĐBSCL", "đ"), run-together loans ("ăcqui") and minority-language names
///   with other clusters ("Bhưới"). A few official irregular names (Đắk Lắk, Bắc Kạn, Mê Kông)
///   are accepted capitalised.
/// - `vietnamese-syllable-unattested` (warning): inside a capitalised run starting with a
///   surname ("Nguyển Văn An"), a valid syllable nobody writes, with the nearest attested
///   one; and an unmarked word breaking the k/c, gh/g, ngh/ng rules next to Vietnamese words
///   ("Kao Bằng").
/// - `name-style-inconsistent` (warning, French text): a person's name whose syllables are in
///   different styles ("Trân Quốc Cuong": press, full, ASCII).
///
/// Works on the line's UTF-8 bytes; pure-ASCII words cost one scan; every other distinct word
/// is analysed once per checker (a small cache keyed by the bytes' hash).
final class VietnameseSpellingRule {
    /// The rules this one reports.
    static let rules: Set<String> = [
        "vietnamese-syllable", "vietnamese-syllable-unattested", "name-style-inconsistent",
    ]
    let language: Language
    /// Loaded on first use (20 ms): text with no Vietnamese word never needs it.
    private lazy var attested = VietnameseAttested.shared

    /// What is known about one word's bytes (a class: looked up on every non-ASCII word, it
    /// must not be copied).
    final class Info {
        let bytes: [UInt8]
        let decoded: VietnameseLetters.Decoded?
        let syllable: VietnameseSyllable?
        /// A syllable error to report (already worded).
        let error: SpellingHit?
        /// Whether the word has any mark; whether it is Vietnamese-looking for this language.
        let marked: Bool
        let looking: Bool
        /// Bits for the line loop: 1 looking, 2 capitalised, 4 has an error.
        let flags: UInt8
        /// The next word with the same hash (index in `entries`), or -1.
        var next: Int32 = -1

        init(
            bytes: [UInt8], decoded: VietnameseLetters.Decoded?, syllable: VietnameseSyllable?, error: SpellingHit?,
            marked: Bool, looking: Bool
        ) {
            self.bytes = bytes
            self.decoded = decoded
            self.syllable = syllable
            self.error = error
            self.marked = marked
            self.looking = looking
            flags = (looking ? 1 : 0) | (decoded?.isCapitalised == true ? 2 : 0) | (error != nil ? 4 : 0)
        }
    }
    /// The words seen (the cache) and the current line's words, in one value so that the line
    /// loop works on a local copy (no exclusivity checks per access).
    private struct State {
        var cache = HashTable<Int32>(capacity: 4096)
        var entries: [Info] = []
        /// Each entry's bytes in one arena, its hash chain and flags, side by side: a lookup
        /// compares bytes without touching (retaining) the entry itself.
        var arena: [UInt8] = []
        var slots: [Slot] = []
        /// Per word of the current line: index in `entries` (-1: ASCII) and flags; the arrays
        /// keep the length of the longest line seen (only the line's first words count).
        var lineIndex: [Int32] = []
        var lineFlags: [UInt8] = []
        /// A direct-mapped cache in front of `cache` for words of at most 8 bytes (nearly every
        /// Vietnamese syllable): the bytes packed in a UInt64 are the key, compared at once.
        var recent = [Recent](repeating: Recent(word: 0, index: -1, flags: 0), count: 1 << Recent.bits)
    }
    #if _endian(little)
        static let littleEndian = true
    #else
        static let littleEndian = false
    #endif
    /// A word of up to 8 bytes (little-endian; UTF-8 has no zero byte, so the packing says the
    /// length too), its entry and flags.
    private struct Recent {
        static let bits = 12
        var word: UInt64
        var index: Int32
        var flags: UInt8
    }
    /// Where an entry's bytes are in the arena, the next entry with the same hash (-1: none), its flags.
    private struct Slot {
        var offset: Int32
        var length: Int32
        var next: Int32
        var flags: UInt8
    }
    private var state = State()
    /// The findings of each capitalised run seen, with ranges relative to the run.
    /// Keyed by the hash of the run's bytes; each entry keeps its bytes (compared on a hit, so
    /// that a run seen before costs no allocation) and the next entry with the same hash.
    private var runCache = HashTable<Int32>(capacity: 1024)
    private var runArena: [UInt8] = []
    private var runSlots: [(offset: Int32, length: Int32, next: Int32)] = []
    private var runHits: [[SpellingHit]] = []

    init(language: Language) {
        self.language = language
    }

    /// Findings for one line. `words` are the checker's word ranges; words overlapping `skip`
    /// (glossary names, already judged) are left alone.
    func check(
        _ buf: UnsafeBufferPointer<UInt8>, words: [(Range<Int>, UInt64)], skip: [Range<Int>],
        into hits: inout [SpellingHit]
    ) {
        guard language != .lao, !words.isEmpty else { return }
        // French text: most lines have no letter French never writes; nothing to do then.
        if language == .french, !Self.hasNonFrenchMarkBytes(buf, 0..<buf.count) { return }
        var anyLooking = false
        var errors: [Int] = []  // words with a syllable error (rare)
        // The state is worked on in place (one exclusivity check a line, no copy of its arrays).
        Self.classify(
            &state, buf, words, french: language == .french, anyLooking: &anyLooking, errors: &errors,
            analyse: { self.analyse($0) })
        for k in errors {
            let range = words[k].0
            if var hit = state.entries[Int(state.lineIndex[k])].error, !overlaps(range, skip) {
                hit.range = range
                hits.append(hit)
            }
        }
        // The name rules need a word with Vietnamese marks in the line.
        guard anyLooking else { return }
        names(buf, words, skip, &hits)
    }

    /// Looks up every word of a line: its entry and flags into `lineIndex`/`lineFlags`.
    private static func classify(
        _ st: inout State, _ buf: UnsafeBufferPointer<UInt8>, _ words: [(Range<Int>, UInt64)], french: Bool,
        anyLooking: inout Bool, errors: inout [Int], analyse: (UnsafeBufferPointer<UInt8>) -> Info
    ) {
        let n = words.count
        if st.lineIndex.count < n {
            st.lineIndex += repeatElement(-1, count: n - st.lineIndex.count)
            st.lineFlags += repeatElement(0, count: n - st.lineFlags.count)
        }
        var lineIndex = st.lineIndex
        var lineFlags = st.lineFlags
        var recent = st.recent
        (st.lineIndex, st.lineFlags, st.recent) = ([], [], [])  // one reference each while they are written
        lineIndex.withUnsafeMutableBufferPointer { li in
            lineFlags.withUnsafeMutableBufferPointer { lf in
                recent.withUnsafeMutableBufferPointer { recent in
                    words.withUnsafeBufferPointer { words in
                        for k in 0..<n {
                            let range = words[k].0
                            var ascii = true
                            var packed: UInt64 = 0
                            let count = range.count
                            if count <= 8 {
                                if Self.littleEndian, range.lowerBound + 8 <= buf.count {
                                    // One load, the bytes past the word masked off.
                                    let word = UnsafeRawPointer(buf.baseAddress! + range.lowerBound).loadUnaligned(
                                        as: UInt64.self)
                                    packed = count == 8 ? word : word & ((1 << (UInt64(count) << 3)) - 1)
                                } else {
                                    var shift: UInt64 = 0
                                    for i in range {
                                        packed |= UInt64(buf[i]) << shift
                                        shift += 8
                                    }
                                }
                                ascii = packed & 0x8080_8080_8080_8080 == 0
                            } else {
                                for i in range where buf[i] >= 0x80 {
                                    ascii = false
                                    break
                                }
                            }
                            // French text: only words with a mark French never writes are looked up
                            // (run() decodes the others when a name needs them).
                            if ascii || (french && !Self.hasNonFrenchMarkBytes(buf, range)) {
                                let b = buf[range.lowerBound]
                                let upper =
                                    (b >= 0x41 && b <= 0x5A)
                                    || (b == 0xC3 && range.count > 1
                                        && (0x80...0x9E).contains(buf[range.lowerBound + 1]))
                                li[k] = -1
                                lf[k] = upper ? 2 : 0
                                continue
                            }
                            let index: Int32
                            let flags: UInt8
                            if packed != 0 {
                                let slot = Int(
                                    truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> (64 - UInt64(Recent.bits)))
                                if recent[slot].word == packed {
                                    (index, flags) = (recent[slot].index, recent[slot].flags)
                                } else {
                                    (index, flags) = lookup(&st, buf, range, analyse)
                                    recent[slot] = Recent(word: packed, index: index, flags: flags)
                                }
                            } else {
                                (index, flags) = lookup(&st, buf, range, analyse)
                            }
                            li[k] = index
                            lf[k] = flags
                            if flags & 1 != 0 { anyLooking = true }
                            if flags & 4 != 0 { errors.append(k) }
                        }
                    }
                }
            }
        }
        (st.lineIndex, st.lineFlags, st.recent) = (lineIndex, lineFlags, recent)
    }

    /// Whether the bytes of a word have a letter or mark French never writes: ă đ ơ ư ĩ ũ,
    /// the Latin Extended Additional block (ạ ả ấ … ỹ), a combining mark, or á í ó ú ý ì ò ã õ.
    @inline(__always)
    static func hasNonFrenchMarkBytes(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let b = buf[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let c = i + 1 < range.upperBound ? buf[i + 1] : 0
            switch b {
            case 0xC3:
                switch c | 0x20 {  // lower and upper case alike (Á 0x81 / á 0xA1…)
                case 0xA1, 0xAD, 0xB3, 0xBA, 0xBD, 0xAC, 0xB2, 0xA3, 0xB5: return true
                default: break
                }
            case 0xC4: if c == 0x82 || c == 0x83 || c == 0x90 || c == 0x91 || c == 0xA8 || c == 0xA9 { return true }
            case 0xC5: if c == 0xA8 || c == 0xA9 { return true }
            case 0xC6: if c == 0xA0 || c == 0xA1 || c == 0xAF || c == 0xB0 { return true }
            case 0xCC, 0xCD: return true
            case 0xE1: if c == 0xBA || c == 0xBB { return true }
            default: break
            }
            i += b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        }
        return false
    }

    /// What is known about word `k` of the current line (`nil`: ASCII).
    private func info(_ k: Int) -> Info? {
        let i = state.lineIndex[k]
        return i < 0 ? nil : state.entries[Int(i)]
    }

    // MARK: Words

    /// The entry of a word (made on first sight) and its flags.
    private static func lookup(
        _ st: inout State, _ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
        _ analyse: (UnsafeBufferPointer<UInt8>) -> Info
    ) -> (Int32, UInt8) {
        let start = buf.baseAddress! + range.lowerBound
        let count = range.count
        var h = Folding.hashSeed
        for i in 0..<count { h = Folding.hash(h, start[i]) }
        let head = st.cache[h] ?? -1
        let found: (Int32, UInt8) = st.slots.withUnsafeBufferPointer { slots in
            st.arena.withUnsafeBufferPointer { arena in
                var e = head
                while e >= 0 {
                    let s = slots[Int(e)]
                    if Int(s.length) == count, memcmp(arena.baseAddress! + Int(s.offset), start, count) == 0 {
                        return (e, s.flags)
                    }
                    e = s.next
                }
                return (-1, 0)
            }
        }
        if found.0 >= 0 { return found }
        let word = UnsafeBufferPointer(rebasing: buf[range])
        let info = analyse(word)
        info.next = head
        let index = Int32(st.entries.count)
        st.entries.append(info)
        st.slots.append(Slot(offset: Int32(st.arena.count), length: Int32(count), next: head, flags: info.flags))
        st.arena.append(contentsOf: word)
        st.cache[h] = index
        return (index, info.flags)
    }

    private func analyse(_ word: UnsafeBufferPointer<UInt8>) -> Info {
        guard let d = VietnameseLetters.decode(word) else {
            return Info(bytes: Array(word), decoded: nil, syllable: nil, error: nil, marked: false, looking: false)
        }
        let looking: Bool
        switch language {
        case .vietnamese: looking = d.strongMarks > 0 || (d.hasAnyMark && VietnameseSyllable.hasSyllableShape(d))
        default: looking = d.strongMarks > 0 || (d.weakMarks > 0 && VietnameseSyllable.hasSyllableShape(d))
        }
        var syllable: VietnameseSyllable?
        var error: SpellingHit?
        switch VietnameseSyllable.analyse(d) {
        case .success(let s):
            syllable = s
        case .failure(let problem):
            // Irregular official spellings (Đắk Lắk, Bắc Kạn, Mê Kông) only as names, capitalised.
            guard looking, VietnameseSyllable.hasSingleSyllableOutline(d),
                !(d.isCapitalised && VietnameseAttested.irregular.contains(d.lowercased))
            else { break }
            let found = String(decoding: word, as: UTF8.self)
            let list = attested.suggestions(for: d, name: d.isCapitalised)
            let best = VietnameseAttested.clearBest(list)
            var message = "'\(found)' cannot be a Vietnamese syllable: \(problem.explanation)"
            if !list.isEmpty {
                message += "; nearest: " + list.prefix(4).map(\.text).joined(separator: ", ")
            }
            error = SpellingHit(
                range: 0..<0, rule: "vietnamese-syllable", severity: .error, expected: best?.text, message: message)
        }
        return Info(
            bytes: Array(word), decoded: d, syllable: syllable, error: error, marked: d.hasAnyMark, looking: looking)
    }

    private func overlaps(_ r: Range<Int>, _ skip: [Range<Int>]) -> Bool {
        skip.contains { $0.overlaps(r) }
    }

    // MARK: Names

    /// Capitalised runs (words separated by one space) with at least one marked word.
    private func names(
        _ buf: UnsafeBufferPointer<UInt8>, _ words: [(Range<Int>, UInt64)], _ skip: [Range<Int>],
        _ hits: inout [SpellingHit]
    ) {
        let lineFlags = state.lineFlags
        func capitalised(_ k: Int) -> Bool { lineFlags[k] & 2 != 0 }
        var k = 0
        while k < words.count {
            guard capitalised(k) else {
                k += 1
                continue
            }
            var end = k + 1
            while end < words.count, end - k < 6, capitalised(end),
                words[end].0.lowerBound == words[end - 1].0.upperBound + 1, buf[words[end - 1].0.upperBound] == 0x20
            {
                end += 1
            }
            if end - k >= 2 { run(buf, words, k..<end, skip, &hits) }
            k = end
        }
    }

    private func text(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self)
    }

    /// The decoded letters of a word of the run (ASCII words are decoded here, on demand).
    private func decoded(_ buf: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ info: Info?) -> VietnameseLetters
        .Decoded?
    {
        if let info { return info.decoded }
        return VietnameseLetters.decode(UnsafeBufferPointer(rebasing: buf[r]))
    }

    private func run(
        _ buf: UnsafeBufferPointer<UInt8>, _ words: [(Range<Int>, UInt64)], _ run: Range<Int>,
        _ skip: [Range<Int>], _ hits: inout [SpellingHit]
    ) {
        let range = words[run.lowerBound].0.lowerBound..<words[run.upperBound - 1].0.upperBound
        guard !overlaps(range, skip) else { return }
        // Names repeat: a run's findings depend only on its bytes, so each run is judged once.
        let bytes = UnsafeBufferPointer(rebasing: buf[range])
        let key = Folding.wordHash(UnsafeRawBufferPointer(bytes), continuing: Folding.hashSeed)
        let head = runCache[key] ?? -1
        let seen: Int32 = runSlots.withUnsafeBufferPointer { slots in
            runArena.withUnsafeBufferPointer { arena in
                var e = head
                while e >= 0 {
                    let slot = slots[Int(e)]
                    if Int(slot.length) == bytes.count,
                        memcmp(arena.baseAddress! + Int(slot.offset), bytes.baseAddress!, bytes.count) == 0
                    {
                        return e
                    }
                    e = slot.next
                }
                return -1
            }
        }
        if seen >= 0 {
            if !runHits[Int(seen)].isEmpty {
                for var hit in runHits[Int(seen)] {
                    hit.range = (hit.range.lowerBound + range.lowerBound)..<(hit.range.upperBound + range.lowerBound)
                    hits.append(hit)
                }
            }
            return
        }
        let before = hits.count
        defer {
            let found = hits[before...].map { hit in
                var h = hit
                h.range = (hit.range.lowerBound - range.lowerBound)..<(hit.range.upperBound - range.lowerBound)
                return h
            }
            runCache[key] = Int32(runSlots.count)
            runSlots.append((Int32(runArena.count), Int32(bytes.count), head))
            runArena.append(contentsOf: bytes)
            runHits.append(found)
        }
        // Every word must be Vietnamese letters; marked ones must be syllables (errors are reported already).
        var letters: [VietnameseLetters.Decoded] = []
        for k in run {
            guard let d = decoded(buf, words[k].0, info(k)) else { return }
            if let info = info(k), info.syllable == nil {
                if info.marked { return }
            }
            letters.append(d)
        }
        guard letters.contains(where: \.hasAnyMark) else { return }

        // Unmarked words that break the onset rules, next to Vietnamese words: "Kao Bằng".
        var reported = false
        for (i, k) in run.enumerated() where !letters[i].hasAnyMark && letters.contains(where: \.hasNonFrenchMark) {
            guard case .failure(let p) = VietnameseSyllable.analyse(letters[i]), p == .onsetSpelling || p == .qWithoutU
            else { continue }
            let list = attested.suggestions(for: letters[i], name: true, attestedOnly: true, maxDistance: 2)
            guard let best = list.first, best.distance == 2 else { continue }
            let found = text(buf, words[k].0)
            hits.append(
                SpellingHit(
                    range: words[k].0, rule: "vietnamese-syllable-unattested", severity: .warning, expected: best.text,
                    message: "'\(found)' in a Vietnamese name: \(p.explanation); did you mean \(best.text)?"))
            reported = true
        }
        // A person's name starts at a surname ("Selon Trân Quốc Cuong": at Trân).
        func isSurname(_ i: Int) -> Bool {
            VietnameseAttested.surnameSkeletonSet.contains(VietnameseAttested.skeleton(letters[i].codes))
        }
        guard !reported, var first = letters.indices.first(where: isSurname) else { return }
        // "Ông Nguyễn Văn An", "Bà Hà Thị Lan": a title before a surname is not the surname.
        if first + 1 < letters.count, Self.titles.contains(letters[first].lowercased), isSurname(first + 1) {
            first += 1
        }
        guard run.count - first >= 2, run.count - first <= 5 else { return }
        if first > 0 {
            let sub = (run.lowerBound + first)..<run.upperBound
            let subRange = words[sub.lowerBound].0.lowerBound..<range.upperBound
            person(buf, words, sub, Array(letters[first...]), subRange, &hits)
        } else {
            person(buf, words, run, letters, range, &hits)
        }
    }

    /// Titles written before names (some are surnames too: Ông, Anh).
    static let titles: Set<String> = [
        "ông", "bà", "anh", "chị", "cô", "chú", "bác", "em", "thầy", "cụ", "ngài", "bé", "cháu",
    ]

    private func person(
        _ buf: UnsafeBufferPointer<UInt8>, _ words: [(Range<Int>, UInt64)], _ run: Range<Int>,
        _ letters: [VietnameseLetters.Decoded], _ range: Range<Int>, _ hits: inout [SpellingHit]
    ) {
        guard letters.contains(where: \.hasAnyMark) else { return }
        var reported = false

        // Valid but unattested syllables inside a person's name, near a listed name syllable of
        // that place: surnames and middle names are closed lists, given names are not (only a
        // hỏi/ngã swap away from a listed one: "Hữu" → "Hửu").
        for (i, k) in run.enumerated() where info(k)?.looking == true {
            guard let s = info(k)?.syllable, !attested.contains(s),
                !VietnameseAttested.irregular.contains(letters[i].lowercased)
            else { continue }
            let role: Set<String>
            let maxDistance: Int
            if i == 0 {
                role = attested.surnameKeys
                maxDistance = 4
            } else if i == 1 && run.count >= 3 {
                role = attested.middleKeys
                maxDistance = 4
            } else {
                role = attested.nameKeys
                maxDistance = 1
            }
            let list = attested.suggestions(
                for: letters[i], name: true, attestedOnly: true, maxDistance: maxDistance, limit: 20
            )
            .filter { role.contains($0.syllable.key) }
            guard !list.isEmpty else { continue }
            let best = VietnameseAttested.clearBest(list)
            let found = text(buf, words[k].0)
            hits.append(
                SpellingHit(
                    range: words[k].0, rule: "vietnamese-syllable-unattested", severity: .warning, expected: best?.text,
                    message: "'\(found)' is a possible syllable but not one names or news use; nearest name syllables: "
                        + list.prefix(4).map(\.text).joined(separator: ", ")))
            reported = true
        }
        guard language == .french, !reported, run.count <= 4 else { return }
        styleMix(buf, words, run, letters, range, &hits)
    }

    /// French text: a person's name in more than one style.
    private func styleMix(
        _ buf: UnsafeBufferPointer<UInt8>, _ words: [(Range<Int>, UInt64)], _ run: Range<Int>,
        _ letters: [VietnameseLetters.Decoded], _ range: Range<Int>, _ hits: inout [SpellingHit]
    ) {
        var sets: [Set<NameStyle>] = []
        for d in letters {
            guard VietnameseSyllable.hasSyllableShape(d) else { return }
            var s = Set<NameStyle>()
            let syllable: VietnameseSyllable? = {
                if case .success(let x) = VietnameseSyllable.analyse(d) { return x }
                return nil
            }()
            if d.hasNonFrenchMark {
                s = [.full]
            } else {
                if let syllable, attested.contains(syllable) { s.insert(.full) }
                if attested.pressForms.contains(d.lowercased) { s.insert(.press) }
                if !d.hasAnyMark { s.insert(.ascii) }
            }
            sets.append(s)
        }
        guard sets.contains([.full]), sets.reduce(Set(NameStyle.allCases), { $0.intersection($1) }).isEmpty else {
            return
        }
        var votes: [NameStyle: Int] = [:]
        for s in sets { for st in s { votes[st, default: 0] += 1 } }
        // Most votes; ties go to press, then ASCII (the styles of French text).
        let order: [NameStyle] = [.press, .ascii, .full]
        let best = order.max {
            (votes[$0] ?? 0, -order.firstIndex(of: $0)!) < (votes[$1] ?? 0, -order.firstIndex(of: $1)!)
        }!
        var expected: String? = nil
        var parts: [String] = []
        for (i, d) in letters.enumerated() {
            let word = text(buf, words[run.lowerBound + i].0)
            if sets[i].contains(best) {
                parts.append(word)
                continue
            }
            var w: String
            if best == .full {
                // The one name syllable this press or ASCII form can come from ("Cuong" → "Cường").
                let names = attested.suggestions(for: d, name: true, attestedOnly: true, limit: 40).filter {
                    $0.tier == 0
                        && (VietnameseAttested.press($0.syllable) == d.lowercased
                            || VietnameseAttested.skeleton($0.syllable.letters) == d.lowercased)
                }
                guard names.count == 1 else {
                    parts = []
                    break
                }
                w = names[0].text
            } else {
                guard case .success(let s) = VietnameseSyllable.analyse(d) else {
                    parts = []
                    break
                }
                w = best == .press ? VietnameseAttested.press(s) : VietnameseAttested.skeleton(s.letters)
                if d.isCapitalised, let f = w.first { w = f.uppercased() + w.dropFirst() }
            }
            parts.append(w)
        }
        if parts.count == letters.count { expected = parts.joined(separator: " ") }
        let described = zip(letters.indices, sets).map { i, s in
            text(buf, words[run.lowerBound + i].0) + " ("
                + NameStyle.allCases.filter(s.contains).map(\.rawValue).joined(separator: "/") + ")"
        }.joined(separator: ", ")
        hits.append(
            SpellingHit(
                range: range, rule: "name-style-inconsistent", severity: .warning, expected: expected,
                message: "a name in mixed styles: \(described)"))
    }
}
