import MekongText

/// Abbreviations and initials: the exceptions an SRX rule engine handles badly, so we handle
/// them explicitly.
///
/// SRX could list abbreviations as `break="no"` rules, but (a) a list of hundreds of
/// alternatives is slow in a regex engine and unreadable in a rules editor, and (b) SRX cannot
/// say the thing that matters: "M." never ends a sentence, "etc." may end one when a capital
/// follows, "p." is followed by a number. So each abbreviation has a ``Kind``, and the list is a
/// plain text file translators can edit (`Resources/rules/abbreviations-fr.txt`):
///
/// ```
/// [prefix]      # never ends a sentence: titles and words that announce a name
/// M
/// Mme
/// [number]      # announces a number: no break before a digit
/// p
/// [final]       # may end a sentence: a break only when a capital letter follows
/// etc
/// J.-C
/// [designator]  # words after which "B." is a label ("plan B. Le…"), not an initial
/// plan
/// ```
///
/// Initials: a single capital letter followed by a period ("J. Dupont", "J.-P. Martin") does
/// not end a sentence, unless the word before it is a designator, or what follows is a word
/// that starts sentences and not names:
///
/// ```
/// [starter]     # a capitalised word that starts a sentence, never a name: "… J. Il …"
/// Il
/// [particle]    # starts sentences but also surnames ("Le Pen"): a break only after an
/// Le            # acronym ("l'O.N.U. Le …") or an initial that ends a name ("Nguyễn Văn A. Chị")
/// ```
public struct AbbreviationList: Sendable {
    /// How an abbreviation behaves before a break (see the list format above).
    public enum Kind: String, Sendable {
        case prefix, number, final, designator
    }

    private var entries: [[UInt8]: Kind] = [:]
    /// The same entries keyed by an FNV-1a hash of their bytes, so that the hot path can look a
    /// token up without copying it into an array.
    private var byHash: [UInt64: [([UInt8], Kind)]] = [:]
    /// The longest part of an entry between '.' and '-', in bytes: a word before a full stop
    /// that is longer than this is no abbreviation (the common case, decided early).
    private var longestPart = 1
    private var designators: Set<String> = []
    /// Sentence starters, and the ones that also begin surnames, exactly as written
    /// (`L'` with a straight apostrophe stands for both apostrophes).
    private var starters: Set<[UInt8]> = []
    private var particles: Set<[UInt8]> = []
    /// Lower-case words after which a capitalised starter is part of the sentence ("la Une",
    /// "l'album Un homme"): `[continuation]`.
    private var continuations: Set<[UInt8]> = []
    /// FNV-1a hashes of the starters and continuations, for the heading scan (no copies).
    private var starterHashes: Set<UInt64> = []
    private var continuationHashes: Set<UInt64> = []
    private var longestStarter = 0
    /// `starterHashes` as a 4096-entry filter (`h & 4095`), checked before the set.
    private var starterFilter = [Bool](repeating: false, count: 4096)
    /// ASCII first bytes of the starters (for the heading scan): bit per byte value.
    private(set) var starterFirstBytes: [Bool] = Array(repeating: false, count: 128)

    /// The number of abbreviations (designators not counted).
    public var count: Int { entries.count }

    /// Parses the list format above. Lines are trimmed; `#` starts a comment.
    /// - Throws: ``Diagnostic`` naming the line of an entry before any section header or an
    ///   unknown section.
    public init(text: String, name: String = "abbreviations") throws {
        var kind: Kind?
        var wordSection: String?  // "starter" or "particle"
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let entry = line.trimmingCharacters(in: " \t\r")
            if entry.isEmpty { continue }
            if entry.hasPrefix("[") && entry.hasSuffix("]") {
                let section = String(entry.dropFirst().dropLast())
                if section == "starter" || section == "particle" || section == "continuation" {
                    wordSection = section
                    kind = nil
                    continue
                }
                wordSection = nil
                guard let k = Kind(rawValue: String(entry.dropFirst().dropLast())) else {
                    throw SRXError.make(origin: "\(name):\(index + 1)", message: "unknown section \(entry)")
                }
                kind = k
                continue
            }
            if let wordSection {
                let word = Array(entry.replacingOccurrences(of: "\u{2019}", with: "'").utf8)
                switch wordSection {
                case "starter":
                    starters.insert(word)
                    starterHashes.insert(Folding.wordHash(word))
                    starterFilter[Int(truncatingIfNeeded: Folding.wordHash(word) & 4095)] = true
                    longestStarter = Swift.max(longestStarter, word.count)
                    if let b = word.first, b < 0x80 { starterFirstBytes[Int(b)] = true }
                case "particle": particles.insert(word)
                default:
                    continuations.insert(word)
                    continuationHashes.insert(Folding.wordHash(word))
                }
                continue
            }
            guard let kind else {
                throw SRXError.make(origin: "\(name):\(index + 1)", message: "entry '\(entry)' before any [section]")
            }
            var word = entry
            if word.hasSuffix(".") { word.removeLast() }
            if kind == .designator {
                designators.insert(word.lowercased())
            } else {
                entries[Array(word.utf8)] = kind
            }
        }
        for bytes in entries.keys {
            for part in bytes.split(whereSeparator: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) {
                longestPart = Swift.max(longestPart, part.count)
            }
        }
        for (bytes, kind) in entries {
            let h = bytes.withUnsafeBufferPointer { Folding.wordHash($0) }
            byHash[h, default: []].append((bytes, kind))
        }
    }

    private func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Kind? {
        guard let bucket = byHash[Folding.wordHash(bytes)] else { return nil }
        for (entry, kind) in bucket where entry.count == bytes.count && entry.elementsEqual(bytes) { return kind }
        return nil
    }

    /// The kind of an abbreviation written without its final period, if listed.
    public func kind(of abbreviation: String) -> Kind? {
        entries[Array(abbreviation.utf8)]
    }

    /// Whether a break at byte `p` must be suppressed: the text before `p` ends with a listed
    /// abbreviation and its period, or an initial.
    func suppressesBreak(at p: Int, in m: PatternMatcher) -> Bool {
        guard p > 1 else { return false }
        if m.base[p - 1] != UInt8(ascii: ".") {
            let b = m.base[p - 1]
            // Only after ? ! " and the last bytes of … ” » (A6, 9D, BB).
            guard b == 0x3F || b == 0x21 || b == 0x22 || b == 0xA6 || b == 0x9D || b == 0xBB else { return false }
            return Self.isQuoteThenAttribution(at: p, m)
        }
        if Self.isQuoteThenAttribution(at: p, m) { return true }
        let dot = p - 1
        if Self.isDigit(m.base[dot - 1]) || m.base[dot - 1] == 0x20 {
            if Self.isNumberedPoint(dot: dot, m) || Self.isSpacedThousands(dot: dot, m) { return true }
        }
        // Most full stops end an ordinary word, longer than any abbreviation: stop early.
        var q = dot
        while q > 0, dot - q <= longestPart {
            let (c, len) = m.scalar(before: q)
            guard Self.isLetterOrMark(c) else { break }
            q -= len
        }
        if dot - q > longestPart { return false }
        // The token: letters and marks, with inner '.' and '-' ("J.-C", "PGS.TS").
        var j = dot
        while j > 0 {
            let (c, len) = m.scalar(before: j)
            if c == "." || c == "-" || Self.isLetterOrMark(c) { j -= len } else { break }
        }
        while j < dot, m.base[j] == UInt8(ascii: ".") || m.base[j] == UInt8(ascii: "-") { j += 1 }
        guard j < dot else { return false }

        // What follows the break: skip white space and closing quotes.
        var k = p
        var next: Unicode.Scalar?
        while k < m.count {
            let (c, len) = m.scalar(at: k)
            if ScalarFlags.test(c, ScalarFlags.space) {
                k += len
                continue
            }
            next = c
            break
        }
        let nextIsUpper = next.map { ScalarFlags.test($0, ScalarFlags.uppercase) } ?? false
        let nextIsDigit = next.map { $0.properties.generalCategory == .decimalNumber } ?? false

        // Try the whole token, then each part after an inner '.' or '-'.
        var start = j
        var lastPart = j
        while start < dot {
            let tokenBytes = UnsafeBufferPointer(start: m.base + start, count: dot - start)
            if let kind = lookup(tokenBytes) ?? lowercasedEntry(tokenBytes) {
                switch kind {
                case .prefix: return true
                case .number: if nextIsDigit { return true }
                case .final: if !nextIsUpper { return true }
                case .designator: break
                }
                return false
            }
            lastPart = start
            var s = start
            while s < dot, m.base[s] != UInt8(ascii: "."), m.base[s] != UInt8(ascii: "-") { s += 1 }
            while s < dot, m.base[s] == UInt8(ascii: ".") || m.base[s] == UInt8(ascii: "-") { s += 1 }
            start = s
        }
        // An initial: the last part is one capital letter (with any combining marks).
        let (first, firstLength) = m.scalar(at: lastPart)
        var end = lastPart + firstLength
        while end < dot, m.scalar(at: end).0.properties.generalCategory == .nonspacingMark {
            end += m.scalar(at: end).1
        }
        guard end == dot, ScalarFlags.test(first, ScalarFlags.uppercase) else { return false }
        let previous = previousWord(before: j, m)
        if designators.contains(previous.lowercased()) { return false }
        // An initial that really ends the sentence: decided by the next word.
        if nextIsUpper, !starters.isEmpty || !particles.isEmpty, let word = nextWord(at: k, m) {
            if starters.contains(word) { return false }
            if particles.contains(word) {
                // "l'O.N.U. Le …" (only single capitals between periods) or "Nguyễn Văn A. Chị …".
                let acronym = lastPart > j && !(j..<dot).contains(where: { m.base[$0] == UInt8(ascii: "-") })
                let endsAName =
                    previous.unicodeScalars.first.map { ScalarFlags.test($0, ScalarFlags.uppercase) } ?? false
                if acronym || endsAName { return false }
            }
        }
        return true
    }

    /// Whether some starter is listed (the heading scan is worth running).
    var hasStarters: Bool { !starters.isEmpty }

    /// A heading run into its text with no punctuation ("Une nouvelle école pour la commune
    /// Au cours de la cérémonie…"): a break before the capital at `i` when it starts a listed
    /// starter (not a particle, not followed by `-` as in "Notre-Dame"), one space before it,
    /// and before that a lower-case word, a digit or `)`; the word must not be a
    /// `[continuation]` word ("la Une", "selon Le…"). Called only at ASCII capitals whose byte is
    /// the first of some starter.
    func startsRunOnSentence(at i: Int, in m: PatternMatcher) -> Bool {
        guard i >= 2, m.base[i - 1] == 0x20 else { return false }
        let (prev, _) = m.scalar(before: i - 1)
        let prevIsLower =
            ScalarFlags.test(prev, ScalarFlags.letterOrMark) && !ScalarFlags.test(prev, ScalarFlags.uppercase)
        guard prevIsLower || Self.isDigit(m.base[i - 2]) || m.base[i - 2] == UInt8(ascii: ")") else { return false }
        // The word at i (letters and marks, then an apostrophe as `'`), hashed in place.
        var e = i
        while e < m.count, e - i <= longestStarter {
            let (c, len) = m.scalar(at: e)
            guard Self.isLetterOrMark(c) else { break }
            e += len
        }
        guard e - i <= longestStarter else { return false }
        var h = Folding.wordHash(UnsafeBufferPointer(start: m.base + i, count: e - i))
        if e < m.count {
            let (c, _) = m.scalar(at: e)
            // "Notre-Dame"
            if c == "'" || c == "\u{2019}" { h = Folding.hash(h, UInt8(ascii: "'")) } else if c == "-" { return false }
        }
        guard starterFilter[Int(truncatingIfNeeded: h & 4095)], starterHashes.contains(h) else { return false }
        if prevIsLower {
            var start = i - 1
            while start > 0, Self.isLetterOrMark(m.scalar(before: start).0) { start -= m.scalar(before: start).1 }
            // A capitalised word before is a name going on ("Bùi Thanh Son"): no break.
            if ScalarFlags.test(m.scalar(at: start).0, ScalarFlags.uppercase) { return false }
            guard i - 1 - start <= 40 else { return true }
            if continuationHashes.contains(
                Folding.wordHash(UnsafeBufferPointer(start: m.base + start, count: i - 1 - start)))
            {
                return false
            }
        }
        return true
    }

    /// The word starting at `k`: letters and marks, with a following apostrophe (`L'`, `Qu’`
    /// read as `L'`, `Qu'`); `nil` when it is longer than any sensible starter.
    private func nextWord(at k: Int, _ m: PatternMatcher) -> [UInt8]? {
        var e = k
        while e < m.count, e - k <= 40 {
            let (c, len) = m.scalar(at: e)
            guard Self.isLetterOrMark(c) else { break }
            e += len
        }
        guard e > k, e - k <= 40 else { return nil }
        var word = Array(UnsafeBufferPointer(start: m.base + k, count: e - k))
        if e < m.count {
            let (c, _) = m.scalar(at: e)
            if c == "'" || c == "\u{2019}" { word.append(UInt8(ascii: "'")) }
        }
        return word
    }

    /// A closing quote then an attribution after a dash: `… con ? " - tôi hỏi .`,
    /// `« Non ! » – a-t-il dit`. No break after the punctuation or after the quote: sentence
    /// punctuation, an optional space and a closing quote (`"`, `”`, `»`; on one side of `p`
    /// or the other), white space, a dash, a lower-case word. Byte checks only.
    static func isQuoteThenAttribution(at p: Int, _ m: PatternMatcher) -> Bool {
        func quoteLength(at i: Int) -> Int {  // a closing quote starting at i
            guard i < m.count else { return 0 }
            if m.base[i] == 0x22 { return 1 }
            if m.base[i] == 0xC2, i + 1 < m.count, m.base[i + 1] == 0xBB { return 2 }
            if m.base[i] == 0xE2, i + 2 < m.count, m.base[i + 1] == 0x80, m.base[i + 2] == 0x9D { return 3 }
            return 0
        }
        func quoteLength(before i: Int) -> Int {  // a closing quote ending at i
            if i >= 1, m.base[i - 1] == 0x22 { return 1 }
            if i >= 2, m.base[i - 2] == 0xC2, m.base[i - 1] == 0xBB { return 2 }
            if i >= 3, m.base[i - 3] == 0xE2, m.base[i - 2] == 0x80, m.base[i - 1] == 0x9D { return 3 }
            return 0
        }
        func endsSentence(_ i: Int) -> Bool {  // . ? ! … ending at i
            guard i >= 1 else { return false }
            let b = m.base[i - 1]
            if b == 0x2E || b == 0x3F || b == 0x21 { return true }
            return i >= 3 && b == 0xA6 && m.base[i - 2] == 0x80 && m.base[i - 3] == 0xE2
        }
        var i = p
        let quoteBefore = quoteLength(before: p)
        if quoteBefore > 0 {
            var q = p - quoteBefore
            if q > 0, m.base[q - 1] == 0x20 { q -= 1 }
            guard endsSentence(q) else { return false }
        } else {
            guard endsSentence(p) else { return false }
            if i < m.count, m.base[i] == 0x20 { i += 1 }
            let n = quoteLength(at: i)
            guard n > 0 else { return false }
            i += n
        }
        let spaces = i
        while i < m.count, m.base[i] == 0x20 || m.base[i] == 0x09 { i += 1 }
        guard i > spaces, i < m.count else { return false }
        if m.base[i] == 0x2D {
            i += 1
        } else if m.base[i] == 0xE2, i + 2 < m.count, m.base[i + 1] == 0x80,
            m.base[i + 2] == 0x93 || m.base[i + 2] == 0x94
        {
            i += 3
        } else {
            return false
        }
        while i < m.count, m.base[i] == 0x20 { i += 1 }
        guard i < m.count else { return false }
        let c = m.scalar(at: i).0
        return ScalarFlags.test(c, ScalarFlags.letterOrMark) && !ScalarFlags.test(c, ScalarFlags.uppercase)
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// "1." or "12." that starts its sentence (at the start of the text, of a line, or after
    /// `:` `;` `.` `?` `!` `…` and a space) and is followed by white space: a numbered point
    /// ("… suivants : 1. Le budget"), never the end of a sentence. Byte checks only.
    static func isNumberedPoint(dot: Int, _ m: PatternMatcher) -> Bool {
        guard dot + 1 < m.count, m.base[dot + 1] == 0x20 || m.base[dot + 1] == 0x0A || m.base[dot + 1] == 0x09 else {
            return false
        }
        var d = dot
        while d > 0, isDigit(m.base[d - 1]), dot - d < 3 { d -= 1 }
        guard dot - d >= 1, dot - d <= 2 else { return false }
        if d == 0 || m.base[d - 1] == 0x0A { return true }
        var q = d
        while q > 0, m.base[q - 1] == 0x20 || m.base[q - 1] == 0x09 { q -= 1 }
        guard q < d, q > 0 else { return false }
        let b = m.base[q - 1]
        if b == UInt8(ascii: ":") || b == UInt8(ascii: ";") || b == UInt8(ascii: ".") || b == UInt8(ascii: "?")
            || b == UInt8(ascii: "!")
        {
            return true
        }
        // "…" is E2 80 A6.
        return q >= 3 && b == 0xA6 && m.base[q - 2] == 0x80 && m.base[q - 3] == 0xE2
    }

    /// Spaced thousands in tokenised text: "28 . 000", "1 . 000 . 000" (1–3 digits, " . ",
    /// exactly 3 digits).
    static func isSpacedThousands(dot: Int, _ m: PatternMatcher) -> Bool {
        guard dot >= 2, m.base[dot - 1] == 0x20, dot + 5 <= m.count, m.base[dot + 1] == 0x20,
            isDigit(m.base[dot + 2]), isDigit(m.base[dot + 3]), isDigit(m.base[dot + 4])
        else { return false }
        if dot + 5 < m.count, isDigit(m.base[dot + 5]) { return false }
        var d = dot - 1
        while d > 0, isDigit(m.base[d - 1]), dot - 1 - d < 4 { d -= 1 }
        let digits = dot - 1 - d
        return digits >= 1 && digits <= 3 && (d == 0 || !isDigit(m.base[d - 1]))
    }

    /// `Art` → `art`: a capitalised abbreviation at the start of a sentence, for the kinds that
    /// are not case-sensitive titles.
    private func lowercasedEntry(_ token: UnsafeBufferPointer<UInt8>) -> Kind? {
        // Only words ("Art", "Etc"): a single capital is an initial, never "p" or "t".
        guard token.count >= 2, let first = token.first, first >= 0x41, first <= 0x5A,
            token.dropFirst().allSatisfy({ $0 >= 0x61 && $0 <= 0x7A })
        else { return nil }
        var lower = Array(token)
        lower[0] = first + 0x20
        guard let kind = entries[lower], kind != .prefix else { return nil }
        return kind
    }

    private func previousWord(before j: Int, _ m: PatternMatcher) -> String {
        var end = j
        while end > 0, ScalarFlags.test(m.scalar(before: end).0, ScalarFlags.space) { end -= m.scalar(before: end).1 }
        var start = end
        while start > 0, Self.isLetterOrMark(m.scalar(before: start).0) { start -= m.scalar(before: start).1 }
        return String(decoding: UnsafeBufferPointer(start: m.base + start, count: end - start), as: UTF8.self)
    }

    @inline(__always)
    static func isLetterOrMark(_ c: Unicode.Scalar) -> Bool {
        ScalarFlags.test(c, ScalarFlags.letterOrMark)
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
