import Foundation
public import MekongGlossary
public import MekongText

/// Options of a check.
public struct CheckOptions: Sendable {
    /// The language of the text.
    public var language: Language
    /// For French text: the one style Vietnamese names must be in, or `nil` to accept any style
    /// (a document mixing styles then gets a warning).
    public var style: NameStyle?
    /// Which placement of Vietnamese tone marks in oa/oe/uy is right.
    public var toneStyle: ToneStyle

    /// Rules neither run nor reported ("vietnamese-syllable", "tone-placement"…).
    public var ignoring: Set<String>

    /// Options for text in `language`.
    public init(
        language: Language, style: NameStyle? = nil, toneStyle: ToneStyle = .majority, ignoring: Set<String> = []
    ) {
        self.language = language
        self.style = style
        self.toneStyle = toneStyle
        self.ignoring = ignoring
    }
}

/// Old style puts the tone on the first vowel of oa/oe/uy (hòa, khỏe, thủy), new style on the
/// second (hoà, khoẻ, thuỷ). `majority` reports the minority style of each document.
public enum ToneStyle: String, Sendable, CaseIterable {
    case majority, old, new
}

/// Checks one document, line by line (constant memory beyond the findings and the names seen).
public final class DocumentChecker {
    /// The name findings are reported under (a path, `<stdin>`).
    public let file: String
    /// The language, style and tone policy of the check.
    public let options: CheckOptions
    private let matcher: NameMatcher
    private var findings: [Diagnostic] = []
    private var wordBuffer: [(Range<Int>, UInt64)] = []
    private lazy var spelling = VietnameseSpellingRule(language: options.language)
    private var spellingHits: [SpellingHit] = []

    private struct NameOccurrence {
        var line: Int
        var column: Int
        var range: Range<Int>
        var found: String
        var concept: Int
        var key: UInt64
        var comparable: String
        var styles: Set<NameStyle>
        var vietnamese: String?
    }
    private var names: [NameOccurrence] = []
    private struct ToneOccurrence {
        var line: Int
        var column: Int
        var range: Range<Int>
        var word: String
        var old: Bool
    }
    private var tones: [ToneOccurrence] = []

    /// A checker for one document, finding names with `matcher`.
    public init(file: String, matcher: NameMatcher, options: CheckOptions) {
        self.file = file
        self.matcher = matcher
        self.options = options
    }

    /// Checks one line (its bytes without the line terminator; valid UTF-8).
    public func check(line bytes: [UInt8], number: Int) {
        bytes.withUnsafeBufferPointer { buf in
            let column = ColumnMap(buf)
            // Hygiene findings wait until the names are judged: inside a known name they are
            // part of the one finding that gives the whole right name.
            let before = findings.count
            hygiene(buf, number, column)
            let hygieneFindings = Array(findings[before...])
            findings.removeSubrange(before...)
            matcher.words(in: buf, into: &wordBuffer)
            let words = wordBuffer
            let names = matcher.matches(in: buf, words: words, language: options.language)
            // Names with a finding (it gives the whole right name) and Lao names (they match
            // only as the glossary spells them, ຫລ included) absorb the hygiene findings inside.
            var absorbed: [Range<Int>] = []
            // Matches judged to be names (a finding or an occurrence); the others are common words
            // ("lão", "hai phòng") that the tone and syllable rules still read.
            var named: [Range<Int>] = []
            for m in names {
                let occurrences = self.names.count
                let judged = name(m, buf, words, number, column)
                if judged || m.words == 0 { absorbed.append(m.range) }
                if judged || self.names.count > occurrences { named.append(m.range) }
            }
            for f in hygieneFindings {
                if let r = f.byteRange, absorbed.contains(where: { $0.contains(r.lowerBound) }) { continue }
                findings.append(f)
            }
            // Inside a glossary name the glossary's spelling wins, tone placement included
            // ("Ủy ban" stays as the glossary writes it under --tone-style new): otherwise the
            // tone rule and the name rule would undo each other's fixes.
            toneMarks(buf, words, number, column, outside: named)
            spellingHits.removeAll(keepingCapacity: true)
            if runsSpelling { spelling.check(buf, words: words, skip: named, into: &spellingHits) }
            for h in spellingHits {
                add(
                    number, column, h.range, buf, h.severity, h.rule, expected: h.expected, message: h.message,
                    fixable: false)
            }
        }
    }

    /// Whether the Vietnamese spelling rule has a rule left to report.
    private lazy var runsSpelling = !VietnameseSpellingRule.rules.isSubset(of: options.ignoring)

    /// Document-level findings, then every finding in order (line, column, rule).
    public func finish() -> [Diagnostic] {
        consistency()
        styleMix()
        toneMinority()
        if !options.ignoring.isEmpty { findings.removeAll { options.ignoring.contains($0.rule) } }
        return findings.sorted {
            ($0.location?.line ?? 0, $0.location?.column ?? 0, $0.rule) < (
                $1.location?.line ?? 0, $1.location?.column ?? 0, $1.rule
            )
        }
    }

    // MARK: Unicode hygiene

    /// Whether a line has any byte that can start a hygiene problem: a control character,
    /// a combining mark (CC/CD), a look-alike (Ð ð Ɖ ɖ, Greek, Cyrillic), Thai or Lao (E0 B8–BB),
    /// or an invisible format character (E2 80/81, EF BB BF). Most lines have none.
    private static func suspicious(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = buf.count
        while i < n {
            let b = buf[i]
            if b < 0x80 {
                if (b < 0x20 && b != 0x09) || b == 0x7F { return true }
                i += 1
                continue
            }
            switch b {
            case 0xC2: if i + 1 < n, buf[i + 1] >= 0x80 && buf[i + 1] <= 0x9F { return true }
            case 0xC3: if i + 1 < n, buf[i + 1] == 0x90 || buf[i + 1] == 0xB0 { return true }
            // Ɖ (C6 89) and ɖ (C9 96) only: the rest of C6 is Vietnamese ơ ư, checked by no hygiene rule.
            case 0xC6: if i + 1 < n, buf[i + 1] == 0x89 { return true }
            case 0xC9: if i + 1 < n, buf[i + 1] == 0x96 { return true }
            case 0xCC, 0xCD, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3: return true
            case 0xE0: if i + 1 < n, (0xB8...0xBB).contains(buf[i + 1]) { return true }
            case 0xE2:
                if i + 1 < n, buf[i + 1] == 0x80 || buf[i + 1] == 0x81 {
                    // Only the invisible ones: U+200B–200D, U+2060.
                    if i + 2 < n,
                        (buf[i + 1] == 0x80 && (0x8B...0x8D).contains(buf[i + 2]))
                            || (buf[i + 1] == 0x81 && buf[i + 2] == 0xA0)
                    {
                        return true
                    }
                }
            case 0xEF: if i + 2 < n, buf[i + 1] == 0xBB, buf[i + 2] == 0xBF { return true }
            default: break
            }
            i += b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        }
        return false
    }

    private func hygiene(_ buf: UnsafeBufferPointer<UInt8>, _ line: Int, _ column: ColumnMap) {
        guard Self.suspicious(buf) else { return }
        let text = String(decoding: buf, as: UTF8.self)
        var offset = 0
        var previousBase: Int?
        let scalars = Array(text.unicodeScalars)
        var byteOffsets: [Int] = []
        byteOffsets.reserveCapacity(scalars.count + 1)
        for s in scalars {
            byteOffsets.append(offset)
            offset += UTF8.width(s)
        }
        byteOffsets.append(offset)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            let v = s.value
            // Invisible and control characters.
            if (v < 0x20 && v != 0x09) || v == 0x7F || (0x80...0x9F).contains(v)
                || [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF].contains(v)
            {
                add(
                    line, column, byteOffsets[i]..<byteOffsets[i + 1], buf, .warning, "invisible-character",
                    expected: "",
                    message: "invisible or control character \(ScriptChecks.codePoint(v)) (removed by --fix)",
                    fixable: true)
            }
            // Decomposed accents: a base and its combining marks that NFC writes as one letter.
            if (0x0300...0x036F).contains(v) {
                var j = i
                while j < scalars.count, (0x0300...0x036F).contains(scalars[j].value) { j += 1 }
                if let base = previousBase, base == i - 1 {
                    let cluster = String(String.UnicodeScalarView(scalars[base..<j]))
                    let nfc = cluster.precomposedStringWithCanonicalMapping
                    if !nfc.unicodeScalars.elementsEqual(cluster.unicodeScalars) {
                        add(
                            line, column, byteOffsets[base]..<byteOffsets[j], buf, .warning, "not-nfc", expected: nfc,
                            message: "decomposed (NFD) letter; NFC writes it as one character", fixable: true)
                    }
                }
                i = j
                continue
            }
            previousBase = i
            i += 1
        }
        for f in ScriptChecks.lookAlikes(in: text) {
            let r = byteOffsets[f.offset]..<byteOffsets[f.offset + 1]
            let twin = f.expected ?? Self.latinTwin[scalars[f.offset].value].map { String($0) }
            add(line, column, r, buf, .error, f.rule, expected: twin, message: f.message, fixable: twin != nil)
        }
        for f in ScriptChecks.laoSpelling(in: text) {
            let r = byteOffsets[f.offset]..<byteOffsets[min(f.offset + f.found.unicodeScalars.count, scalars.count)]
            // Decomposed or old-style Lao spelling reads the same: a warning; a stray mark is broken text.
            add(
                line, column, r, buf, f.rule == "lao-stray-mark" ? .error : .warning, f.rule, expected: f.expected,
                message: f.message, fixable: f.expected != nil)
        }
    }

    /// Cyrillic and Greek letters that look like Latin ones.
    static let latinTwin: [UInt32: Character] = [
        0x0430: "a", 0x0435: "e", 0x043E: "o", 0x0440: "p", 0x0441: "c", 0x0445: "x", 0x0443: "y", 0x0456: "i",
        0x0458: "j",
        0x0410: "A", 0x0412: "B", 0x0415: "E", 0x041A: "K", 0x041C: "M", 0x041D: "H", 0x041E: "O", 0x0420: "P",
        0x0421: "C",
        0x0422: "T", 0x0425: "X", 0x0406: "I", 0x03BF: "o", 0x039F: "O", 0x0391: "A", 0x0392: "B", 0x0395: "E",
        0x0397: "H",
        0x0399: "I", 0x039A: "K", 0x039C: "M", 0x039D: "N", 0x03A1: "P", 0x03A4: "T", 0x03A7: "X", 0x03A5: "Y",
        0x0396: "Z",
    ]

    // MARK: Names

    /// What was decided for a name's exact text (names repeat: each text is judged once).
    private struct Decision {
        var occurrence: NameOccurrence?
        var finding: Diagnostic?
    }
    private var decisions: [HashedBytes: Decision] = [:]

    /// Set by ``judge`` when its decision depended on the words around the name (not cached).
    private var decidedByContext = false

    /// Judges one name found in a line; returns whether it gave a finding for the name.
    @discardableResult
    private func name(
        _ m: NameMatcher.Match, _ buf: UnsafeBufferPointer<UInt8>, _ words: [(Range<Int>, UInt64)], _ line: Int,
        _ column: ColumnMap
    ) -> Bool {
        var judged = false
        defer { stutter(m, buf, words, line, column) }
        let bytes = HashedBytes(Array(buf[m.range]))
        let col = column.column(m.range.lowerBound)
        if let d = decisions[bytes] {
            if var o = d.occurrence {
                o.line = line
                o.column = col
                o.range = m.range
                names.append(o)
            }
            if var f = d.finding {
                f.location = SourceLocation(file: file, line: line, column: col)
                f.byteRange = m.range
                findings.append(f)
                judged = true
            }
        } else {
            let namesBefore = names.count
            let findingsBefore = findings.count
            decidedByContext = false
            judge(m, buf, words, line, column)
            judged = findings.count > findingsBefore
            if !decidedByContext {
                decisions[bytes] = Decision(
                    occurrence: names.count > namesBefore ? names.last : nil,
                    finding: judged ? findings.last : nil)
            }
        }
        return judged
    }

    private func judge(
        _ m: NameMatcher.Match, _ buf: UnsafeBufferPointer<UInt8>, _ words: [(Range<Int>, UInt64)], _ line: Int,
        _ column: ColumnMap
    ) {
        let found = String(decoding: UnsafeBufferPointer(rebasing: buf[m.range]), as: UTF8.self)
        let glossary = matcher.glossary
        let forms = m.forms.map { matcher.forms[$0] }
        let conceptIndex = forms[0].concept
        let concept = glossary.concepts[conceptIndex]
        let key = Folding.keyBytes(found)
        let isLao = m.words == 0
        // The common case, decided before anything else: the text is exactly a stored form.
        if options.style == nil, !forms.contains(where: \.forbidden),
            forms.contains(where: { $0.text.utf8.elementsEqual(found.utf8) }),
            options.language == .french || isLao
        {
            let comparableFound = NameStyle.comparable(found)
            let vi = concept.preferred(.vi)
            let viDerived = concept.vietnameseName(forFoldedForm: key) != nil
            var styles: Set<NameStyle> = []
            if viDerived {
                let sf = matcher.styleForms(conceptIndex)
                styles = Set(NameStyle.allCases.filter { sf.comparable[$0] == comparableFound })
            }
            names.append(
                NameOccurrence(
                    line: line, column: column.column(m.range.lowerBound), range: m.range, found: found,
                    concept: conceptIndex, key: Folding.wordHash(key), comparable: comparableFound,
                    styles: viDerived ? styles : [], vietnamese: viDerived ? vi : nil))
            return
        }
        // The name as it would be with its letters repaired (NFC, Đ for a look-alike Ð): the
        // diacritics are judged on it, and a finding gives the whole right name.
        let (clean, lookAlike) = Self.repaired(found)
        let comparableFound = NameStyle.comparable(clean)

        // A forbidden form.
        if let bad = forms.first(where: { $0.forbidden && $0.comparable == comparableFound }) {
            let expected = concept.preferred(bad.language)
            add(
                line, column, m.range, buf, .error, "forbidden-form", expected: expected, concept: concept.id,
                message: "'\(found)' is a forbidden form of this name", fixable: expected != nil)
            return
        }

        var accepted: [String] = []
        var expected: String?
        var unambiguous = true
        var styles: Set<NameStyle> = []
        var vietnamese: String?
        /// How accepted forms are compared with the text (French: spaces do not count, "Viêtnam").
        var same: (String) -> Bool = { NameStyle.comparable($0) == comparableFound }
        switch (options.language, isLao) {
        case (.lao, true), (_, true):
            accepted = concept.terms[.lo].map { ($0.preferred.map { [$0] } ?? []) + $0.admitted } ?? []
            expected = concept.preferred(.lo)
        case (.vietnamese, false):
            // Vietnamese text: the Vietnamese forms; romanised Lao or French ones only for a
            // concept with no Vietnamese form (a Lao person written as in Laos).
            let vi = concept.terms[.vi].map { ($0.preferred.map { [$0] } ?? []) + $0.admitted } ?? []
            accepted =
                vi.isEmpty
                ? forms.filter { !$0.forbidden }.map(\.text)
                : vi + forms.filter { !$0.forbidden && $0.language == .vi }.map(\.text)
            expected = concept.preferred(.vi) ?? forms.first?.text
        default:
            let sameKey = forms.filter { !$0.forbidden }.map(\.text)
            let french = concept.terms[.fr].map { ($0.preferred.map { [$0] } ?? []) + $0.admitted } ?? []
            // A Vietnamese name in French text: a person, place, body or office written the
            // Vietnamese way in one of the styles (full, press, ASCII); the glossary's own
            // French forms are always accepted too ("Hanoï", "Hoà Binh", "Viêtnam" as a style).
            if let vi = concept.preferred(.vi), NameStyle.looksVietnamese(vi),
                Self.squashed(Folding.keyBytes(vi)) == Self.squashed(key)
            {
                let styleForms = matcher.styleForms(conceptIndex)
                if concept.vietnameseName(forFoldedForm: key) != nil {
                    vietnamese = vi
                    styles = Set(NameStyle.allCases.filter { styleForms.comparable[$0] == comparableFound })
                }
                let squashedFound = comparableFound.replacingOccurrences(of: " ", with: "")
                same = { NameStyle.comparable($0).replacingOccurrences(of: " ", with: "") == squashedFound }
                let romanised = forms.filter { !$0.forbidden && $0.language == .loLatn }.map(\.text)
                if let style = options.style {
                    accepted = [styleForms[style]!] + french + romanised
                    expected = styleForms[style]!
                } else {
                    accepted = NameStyle.allCases.map { styleForms[$0]! } + sameKey + french
                    expected = Self.closest(clean, among: NameStyle.allCases.map { ($0, styleForms[$0]!) }).1
                    unambiguous = false
                }
            } else {
                accepted = sameKey
                let preferredSameKey = forms.first { !$0.forbidden && concept.preferred($0.language) == $0.text }
                expected = preferredSameKey?.text ?? sameKey.first
                unambiguous = Set(sameKey.map(NameStyle.comparable)).count == 1
            }
        }
        let col = column.column(m.range.lowerBound)
        let caseAgrees = isLao || casesAgree(m, forms, buf, words)
        let right = accepted.isEmpty || accepted.contains(where: same)
        // Only the placement of a tone in oa/oe/uy differs (Hòa / Hoà): the same name.
        let toneOnly =
            !right && !isLao
            && accepted.first(where: {
                NameStyle.toneNeutral(NameStyle.comparable($0)) == NameStyle.toneNeutral(comparableFound)
            }) != nil
        if right || toneOnly {
            guard caseAgrees else {
                // "hà nội": a name written in lower case by mistake (one word in lower case is
                // a common word: "vinh", "lao").
                let named = forms[0].type == .person || forms[0].type == .place
                if named, m.words >= 2, let form = accepted.first(where: same) ?? expected {
                    add(
                        line, column, m.range, buf, .warning, "name-case", expected: form, concept: concept.id,
                        message: "a known name written in lower case", fixable: true)
                }
                return
            }
            names.append(
                NameOccurrence(
                    line: line, column: col, range: m.range, found: found, concept: conceptIndex,
                    key: Folding.wordHash(key), comparable: comparableFound, styles: styles, vietnamese: vietnamese))
            if toneOnly,
                let form = accepted.first(where: {
                    NameStyle.toneNeutral(NameStyle.comparable($0)) == NameStyle.toneNeutral(comparableFound)
                })
            {
                add(
                    line, column, m.range, buf, .info, "tone-placement", expected: Self.withCase(of: clean, form),
                    concept: concept.id, message: "tone mark placed otherwise than in the glossary's form of this name",
                    fixable: true)
            } else if !clean.utf8.elementsEqual(found.utf8) {
                add(
                    line, column, m.range, buf, lookAlike ? .error : .warning, lookAlike ? "look-alike" : "not-nfc",
                    expected: clean, concept: concept.id,
                    message: lookAlike
                        ? "a known name written with a look-alike letter (U+00D0 Ð, U+0189 Ɖ for Đ)"
                        : "a known name written decomposed (NFD); NFC writes its accented letters as one character",
                    fixable: true)
            }
            return
        }
        // Other diacritics than the name's: a wrong spelling of it, or another word or name.
        guard caseAgrees else { return }  // "lão", "vẫn nằm", "hai phòng": common words
        if !isLao {
            decidedByContext = true
            if !namedHere(m, buf, words, concept.type, clean) { return }
        }
        if let expected, NameStyle.comparable(expected) != comparableFound {
            let rule = isLao ? "lao-name-spelling" : "name-diacritics"
            let what = isLao ? "Lao spelling" : "diacritics"
            add(
                line, column, m.range, buf, .error, rule, expected: expected, concept: concept.id,
                message: "\(what) of a known name differ from the glossary", fixable: unambiguous)
        }
    }

    /// Whether the text's capitals agree with the name's: every word a person's or place's
    /// form capitalises, the first word of a body's ("Bộ Chính trị", "Quốc hội"); offices are
    /// free ("thủ tướng", "le Premier ministre"). The text may use more capitals (titles).
    private func casesAgree(
        _ m: NameMatcher.Match, _ forms: [NameMatcher.Form], _ buf: UnsafeBufferPointer<UInt8>,
        _ words: [(Range<Int>, UInt64)]
    ) -> Bool {
        let own = TermLanguage(options.language)
        var candidates = forms.filter { !$0.forbidden && $0.language == own }
        if candidates.isEmpty { candidates = forms.filter { !$0.forbidden } }
        if candidates.isEmpty { candidates = forms }
        var required = UInt64.max
        for f in candidates {
            let scope: UInt64
            switch f.type {
            case .person, .place: scope = .max
            case .office: scope = 0
            default: scope = 1
            }
            required &= f.capitals & scope
        }
        for k in 0..<min(m.words, 64) where required & (1 << UInt64(k)) != 0 {
            let word = UnsafeBufferPointer(rebasing: buf[words[m.firstWord + k].0])
            if !NameMatcher.startsWithCapital(word) { return false }
        }
        return true
    }

    /// Whether a capitalised text whose diacritics differ from a known name's is that name
    /// misspelt rather than another name or word: not part of a longer capitalised run
    /// ("Nguyễn Huệ" is not Huế, "Vĩnh Phúc" not Vinh) or of a hyphenated compound
    /// ("Bar-le-Duc"); in Vietnamese text a one-syllable name spelt as another real syllable
    /// ("Lao" động, "Vĩnh") only after a word that announces a name (nước, tỉnh, ông…).
    private func namedHere(
        _ m: NameMatcher.Match, _ buf: UnsafeBufferPointer<UInt8>, _ words: [(Range<Int>, UInt64)],
        _ type: ConceptType, _ clean: String
    ) -> Bool {
        let first = m.firstWord
        let last = first + m.words - 1
        func gap(_ a: Int, _ b: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: buf[words[a].0.upperBound..<words[b].0.lowerBound])
        }
        func word(_ k: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buf[words[k].0]) }
        func isHyphen(_ g: UnsafeBufferPointer<UInt8>) -> Bool { g.count == 1 && g[0] == 0x2D }
        func isSpace(_ g: UnsafeBufferPointer<UInt8>) -> Bool { g.count == 1 && g[0] == 0x20 }
        /// A word that starts a sentence: its capital says nothing.
        func startsSentence(_ k: Int) -> Bool {
            k == 0 || gap(k - 1, k).contains { ".!?:;\"(«“–—-…".utf8.contains($0) || $0 >= 0x80 }
        }
        if first > 0 {
            let g = gap(first - 1, first)
            if isHyphen(g) { return false }
            if isSpace(g), NameMatcher.startsWithCapital(word(first - 1)), !startsSentence(first - 1),
                !NameContext.isTitle(word(first - 1)), NameMatcher.hasLowercase(word(first - 1))
            {
                return false
            }
        }
        // (An acronym beside a name is a classifier, "UBND", "TP", not a part of it.)
        if last + 1 < words.count {
            let g = gap(last, last + 1)
            if isHyphen(g) { return false }
            if isSpace(g), NameMatcher.startsWithCapital(word(last + 1)), NameMatcher.hasLowercase(word(last + 1)) {
                return false
            }
        }
        guard options.language == .vietnamese, m.words == 1 else { return true }
        // One syllable: is the text a Vietnamese word of its own?
        guard case .success = VietnameseSyllable.analyse(clean.lowercased()) else { return true }
        let before = (1...2).compactMap { n -> String? in
            guard first - n >= 0 else { return nil }
            for k in (first - n)..<first where k > first - n && !isSpace(gap(k - 1, k)) { return nil }
            let r = words[first - n].0.lowerBound..<words[first - 1].0.upperBound
            return String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self)
        }
        return before.contains { NameContext.announces($0, type) }
    }

    /// The text with look-alike letters of Đ/đ replaced and in NFC, and whether it had any.
    static func repaired(_ text: String) -> (String, Bool) {
        var lookAlike = false
        var out = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            switch u.value {
            case 0x00D0, 0x0189:
                out.append("Đ")
                lookAlike = true
            case 0x00F0, 0x0256:
                out.append("đ")
                lookAlike = true
            default: out.append(u)
            }
        }
        let s = String(out)
        return (
            s.unicodeScalars.contains { (0x0300...0x036F).contains($0.value) }
                ? s.precomposedStringWithCanonicalMapping : s, lookAlike
        )
    }

    /// `form` with the capitals of `text` where they have the same number of letters (a title
    /// in capitals stays in capitals), else `form`.
    static func withCase(of text: String, _ form: String) -> String {
        let t = Array(text)
        let f = Array(form)
        guard t.count == f.count, text == text.uppercased() else { return form }
        return form.uppercased()
    }

    /// A folded key without its spaces ("viet nam" and "vietnam" are one name).
    static func squashed(_ key: [UInt8]) -> [UInt8] { key.filter { $0 != 0x20 } }

    /// A stuttered name: "Diên Biên Biên".
    private func stutter(
        _ m: NameMatcher.Match, _ buf: UnsafeBufferPointer<UInt8>, _ words: [(Range<Int>, UInt64)], _ line: Int,
        _ column: ColumnMap
    ) {
        if m.words > 0, m.firstWord >= 0 {
            let last = m.firstWord + m.words - 1
            for n in [1, 2] where m.words >= n && last + n < words.count {
                let tail = (0..<n).map { words[last - n + 1 + $0].1 }
                let next = (0..<n).map { words[last + 1 + $0].1 }
                let gap = buf[words[last].0.upperBound..<words[last + 1].0.lowerBound]
                guard tail == next, gap.allSatisfy({ $0 == 0x20 }) else { continue }
                // Same letters and diacritics (Vietnamese "Lâm làm" folds alike but is no stutter).
                func text(_ w: Int) -> String {
                    NameStyle.comparable(
                        String(decoding: UnsafeBufferPointer(rebasing: buf[words[w].0]), as: UTF8.self))
                }
                guard (0..<n).allSatisfy({ text(last - n + 1 + $0) == text(last + 1 + $0) }) else { continue }
                let range = m.range.lowerBound..<words[last + n].0.upperBound
                let found = String(decoding: UnsafeBufferPointer(rebasing: buf[m.range]), as: UTF8.self)
                let conceptID = matcher.glossary.concepts[matcher.forms[m.forms[0]].concept].id
                add(
                    line, column, range, buf, .warning, "repeated-fragment", expected: found, concept: conceptID,
                    message: "a word of the name is repeated", fixable: true)
                break
            }
        }
    }

    static func closest(_ found: String, among options: [(NameStyle, String)]) -> (NameStyle, String) {
        let f = Array(NameStyle.comparable(found))
        return options.min {
            distance(f, Array(NameStyle.comparable($0.1))) < distance(f, Array(NameStyle.comparable($1.1)))
        }!
    }

    /// Characters that differ, position by position (names of one key have the same length in
    /// folded letters, so this counts the diacritic differences).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        zip(a, b).filter { $0 != $1 }.count + abs(a.count - b.count)
    }

    // MARK: Document level

    /// The same name written two ways (other diacritics) in one document.
    private func consistency() {
        struct Group: Hashable {
            var concept: Int
            var key: UInt64
        }
        var firstSeen: [Group: (NameOccurrence, String)] = [:]
        // Vietnamese names in recognised styles are the style-mix rule's business.
        for o in names where o.styles.isEmpty || options.style != nil {
            let group = Group(concept: o.concept, key: o.key)
            let form = o.comparable
            guard let (first, firstForm) = firstSeen[group] else {
                firstSeen[group] = (o, form)
                continue
            }
            if form != firstForm {
                findings.append(
                    Diagnostic(
                        severity: .warning, rule: "name-inconsistent",
                        message: "written '\(first.found)' at line \(first.line)",
                        location: SourceLocation(file: file, line: o.line, column: o.column), found: o.found,
                        expected: first.found, concept: matcher.glossary.concepts[o.concept].id, byteRange: o.range))
                firstSeen[group] = (first, firstForm)
            }
        }
    }

    /// French text with names in different styles (press, full, ASCII) when no style was asked.
    private func styleMix() {
        guard options.language == .french, options.style == nil else { return }
        let styled = names.filter { !$0.styles.isEmpty }
        guard styled.count > 1 else { return }
        var votes: [NameStyle: Int] = [:]
        for o in styled { for s in o.styles { votes[s, default: 0] += 1 } }
        let best = NameStyle.allCases.max {
            (votes[$0] ?? 0, -NameStyle.allCases.firstIndex(of: $0)!) < (
                votes[$1] ?? 0, -NameStyle.allCases.firstIndex(of: $1)!
            )
        }!
        for o in styled where !o.styles.contains(best) {
            findings.append(
                Diagnostic(
                    severity: .warning, rule: "name-style-mix",
                    message: "names in this document are mostly in \(best.rawValue) style",
                    location: SourceLocation(file: file, line: o.line, column: o.column), found: o.found,
                    expected: o.vietnamese.map { best.form(of: $0) }, concept: matcher.glossary.concepts[o.concept].id,
                    byteRange: o.range))
        }
    }

    // MARK: Tone placement

    private static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    private func toneMarks(
        _ buf: UnsafeBufferPointer<UInt8>, _ words: [(Range<Int>, UInt64)], _ line: Int, _ column: ColumnMap,
        outside names: [Range<Int>]
    ) {
        for (range, _) in words where range.count >= 3 && !names.contains(where: { $0.contains(range.lowerBound) }) {
            // Quick filter: a toned vowel among the last two letters, which fold to oa, oe or uy.
            var end = range.upperBound
            var last: UInt32 = 0
            var secondLast: UInt32 = 0
            var count = 0
            var nonASCII = false
            while count < 2, end > range.lowerBound {
                var start = end - 1
                while start > range.lowerBound, buf[start] & 0xC0 == 0x80 { start -= 1 }
                var v = UInt32(buf[start])
                if v >= 0x80 {
                    nonASCII = true
                    let len = end - start
                    v &= len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07
                    for k in (start + 1)..<end { v = (v << 6) | (UInt32(buf[k]) & 0x3F) }
                }
                end = start
                if (0x0300...0x036F).contains(v) { continue }  // NFD mark: look at its base
                if count == 0 { last = v } else { secondLast = v }
                count += 1
            }
            guard nonASCII, count == 2, let b0 = Folding.baseLetter(secondLast), let b1 = Folding.baseLetter(last),
                (b0 == 0x6F && (b1 == 0x61 || b1 == 0x65)) || (b0 == 0x75 && b1 == 0x79)
            else { continue }
            let word = String(decoding: UnsafeBufferPointer(rebasing: buf[range]), as: UTF8.self)
            let letters = word.decomposedStringWithCanonicalMapping.unicodeScalars.reduce(
                into: [(Unicode.Scalar, [UInt32])]()
            ) { acc, s in
                if (0x0300...0x036F).contains(s.value), !acc.isEmpty {
                    acc[acc.count - 1].1.append(s.value)
                } else {
                    acc.append((s, []))
                }
            }
            guard letters.count >= 2 else { continue }
            let a = letters[letters.count - 2]
            let b = letters[letters.count - 1]
            let pair = (String(a.0).lowercased(), String(b.0).lowercased())
            let isPair = (pair.0 == "o" && (pair.1 == "a" || pair.1 == "e")) || (pair.0 == "u" && pair.1 == "y")
            guard isPair, a.1.allSatisfy(Self.toneMarks.contains), b.1.allSatisfy(Self.toneMarks.contains) else {
                continue
            }
            // quý: fixed
            if pair.0 == "u", letters.count >= 3, String(letters[letters.count - 3].0).lowercased() == "q" { continue }
            let toneA = a.1.contains(where: Self.toneMarks.contains)
            let toneB = b.1.contains(where: Self.toneMarks.contains)
            guard toneA != toneB else { continue }
            tones.append(
                ToneOccurrence(
                    line: line, column: column.column(range.lowerBound), range: range, word: word, old: toneA))
        }
    }

    private func toneMinority() {
        guard !tones.isEmpty else { return }
        let old = tones.filter(\.old).count
        let wantOld: Bool
        switch options.toneStyle {
        case .old: wantOld = true
        case .new: wantOld = false
        case .majority:
            guard old != 0 && old != tones.count else { return }
            wantOld = old * 2 >= tones.count
        }
        for t in tones where t.old != wantOld {
            findings.append(
                Diagnostic(
                    severity: .info, rule: "tone-placement",
                    message:
                        "tone mark placed in the \(t.old ? "old" : "new") style; this document uses the \(wantOld ? "old (hòa, thủy)" : "new (hoà, thuỷ)") style",
                    location: SourceLocation(file: file, line: t.line, column: t.column), found: t.word,
                    expected: Self.moveTone(t.word, toFirst: wantOld), byteRange: t.range, fixable: true))
        }
    }

    /// Moves the tone mark of a final oa/oe/uy to the first or second vowel.
    static func moveTone(_ word: String, toFirst: Bool) -> String {
        var letters = word.decomposedStringWithCanonicalMapping.unicodeScalars.reduce(into: [[Unicode.Scalar]]()) {
            acc, s in
            if (0x0300...0x036F).contains(s.value), !acc.isEmpty {
                acc[acc.count - 1].append(s)
            } else {
                acc.append([s])
            }
        }
        let n = letters.count
        let from = toFirst ? n - 1 : n - 2
        let to = toFirst ? n - 2 : n - 1
        let tone = letters[from].filter { toneMarks.contains($0.value) }
        letters[from].removeAll { toneMarks.contains($0.value) }
        letters[to] += tone
        var out = String.UnicodeScalarView()
        for l in letters { out.append(contentsOf: l) }
        return String(out).precomposedStringWithCanonicalMapping
    }

    // MARK: Helpers

    private func add(
        _ line: Int, _ column: ColumnMap, _ range: Range<Int>, _ buf: UnsafeBufferPointer<UInt8>, _ severity: Severity,
        _ rule: String, expected: String?, concept: String? = nil, message: String, fixable: Bool
    ) {
        let found = String(decoding: UnsafeBufferPointer(rebasing: buf[range]), as: UTF8.self)
        findings.append(
            Diagnostic(
                severity: severity, rule: rule, message: message,
                location: SourceLocation(file: file, line: line, column: column.column(range.lowerBound)),
                found: found, expected: expected, concept: concept, byteRange: range, fixable: fixable))
    }

}

/// Byte offset → 1-based column in scalars, for one line.
struct ColumnMap {
    let buf: UnsafeBufferPointer<UInt8>
    init(_ buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }
    func column(_ byte: Int) -> Int {
        var n = 1
        for i in 0..<min(byte, buf.count) where buf[i] & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
