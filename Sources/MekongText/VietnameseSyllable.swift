import Foundation  // only to build the letter tables once (canonical decompositions)

/// The six tones of Vietnamese, as written.
public enum VietnameseTone: UInt8, Sendable, CaseIterable, Comparable {
    /// ngang, no mark: "a".
    case level = 0
    /// huyền, grave: "à".
    case grave
    /// sắc, acute: "á".
    case acute
    /// hỏi, hook above: "ả".
    case hook
    /// ngã, tilde: "ã".
    case tilde
    /// nặng, dot below: "ạ".
    case dot

    /// The combining mark (U+0300…), or 0 for ``level``.
    public var combiningMark: UInt32 { [0, 0x300, 0x301, 0x309, 0x303, 0x323][Int(rawValue)] }

    /// Ordered as the tone marks are listed (ngang, huyền, sắc, hỏi, ngã, nặng).
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Why a word cannot be a Vietnamese syllable.
public enum VietnameseSpellingProblem: String, Error, Sendable, CaseIterable {
    /// More than one tone mark: "nguyễền".
    case twoTones = "two-tones"
    /// A syllable ending in p, t, c or ch with a tone other than sắc or nặng: "Bằc", "quôc".
    case toneOnStopCoda = "tone-on-stop-coda"
    /// k, gh, ngh before a, o, u…, or c, g, ng before e, ê, i, y: "Kao", "ngiêm", "ghà".
    case onsetSpelling = "onset-spelling"
    /// q without u: "qa".
    case qWithoutU = "q-without-u"
    /// ă or â with nothing after it: "mâ", "kă".
    case needsCoda = "needs-coda"
    /// u with ơ (or ư with o) instead of ươ: "Cuờng", "trưong".
    case hornPair = "horn-pair"
    /// The tone mark is on a letter that never carries it: "gía", "múa" is right but "muá" is not.
    case tonePlacement = "tone-placement"
    /// Letters that form no Vietnamese rhyme: "Trầnquốc", "ươn̉g".
    case noSuchRhyme = "no-such-rhyme"

    /// A short English explanation, for messages.
    public var explanation: String {
        switch self {
        case .twoTones: return "a syllable has one tone mark"
        case .toneOnStopCoda: return "a syllable ending in p, t, c or ch takes only sắc or nặng"
        case .onsetSpelling: return "k, gh, ngh are written before i, e, ê, y; c, g, ng elsewhere"
        case .qWithoutU: return "q is always written qu"
        case .needsCoda: return "ă and â need a final consonant (or u/y after â)"
        case .hornPair: return "the vowel pair is ươ (uơ only in a few words like thuở)"
        case .tonePlacement: return "the tone mark is on the wrong vowel"
        case .noSuchRhyme: return "no Vietnamese syllable is spelled like this"
        }
    }
}

/// One Vietnamese syllable, recognised.
///
/// A syllable is an optional onset (b, c, ch, d, đ, g, gh, gi, h, k, kh, l, m, n, ng, ngh, nh,
/// p, ph, qu, r, s, t, th, tr, v, x), a rhyme (an optional medial o/u, a vowel nucleus, an
/// optional coda: c, ch, m, n, ng, nh, p, t or the vowel codas i/y/o/u) and one tone:
///
/// ```swift
/// VietnameseSyllable("Nguyễn")?.key      // "nguyên4" (tone 4 = ngã)
/// VietnameseSyllable("hoà")?.key == VietnameseSyllable("hòa")?.key   // true: both placements
/// VietnameseSyllable.analyse("Bằc")      // .failure(.toneOnStopCoda)
/// VietnameseSyllable.analyse("Cuờng")    // .failure(.hornPair)
/// VietnameseSyllable.analyse("Kao")      // .failure(.onsetSpelling)
/// ```
///
/// Input may be NFC or NFD (or a mix), upper or lower case: letters are decomposed internally
/// through a precomputed table, without Foundation.
public struct VietnameseSyllable: Hashable, Sendable {
    /// The letters, lower case, as codes (see ``VietnameseSyllable/letterCodes(of:)``).
    public var letters: [UInt8]
    /// How many leading letters are the onset (qu and gi included).
    public var onsetLength: Int
    /// The syllable's tone.
    public var tone: VietnameseTone

    /// Recognises `word` (one syllable, no spaces), or `nil` if it cannot be a syllable.
    public init?(_ word: String) {
        guard case .success(let s) = Self.analyse(word) else { return nil }
        self = s
    }

    init(letters: [UInt8], onsetLength: Int, tone: VietnameseTone) {
        self.letters = letters
        self.onsetLength = onsetLength
        self.tone = tone
    }

    /// The toneless spelling, lower case, NFC: "nguyên".
    public var toneless: String {
        var s = String.UnicodeScalarView()
        for c in letters { s.append(Unicode.Scalar(VietnameseLetters.render(c, .level))!) }
        return String(s)
    }

    /// The spelling without tone followed by the tone's number (0 ngang, 1 huyền, 2 sắc, 3 hỏi,
    /// 4 ngã, 5 nặng): "hoa1" for both "hòa" and "hoà". Keys the attested list.
    public var key: String { toneless + String(tone.rawValue) }

    /// The written syllable in lower case, NFC, the tone on its first accepted vowel (the old
    /// style for oa, oe, uy: "hòa").
    public var text: String { render(upper: []) }

    /// Renders the syllable with the given letters in upper case (indices into ``letters``).
    public func render(upper: Set<Int>, tonePosition: Int? = nil) -> String {
        let positions = Self.tonePositions(letters: letters, onsetLength: onsetLength)
        let at =
            tone == .level ? -1 : (tonePosition.flatMap { positions.contains($0) ? $0 : nil } ?? positions.first ?? -1)
        var s = String.UnicodeScalarView()
        for (i, c) in letters.enumerated() {
            var v = VietnameseLetters.render(c, i == at ? tone : .level)
            if upper.contains(i) { v = VietnameseLetters.upper(v) }
            s.append(Unicode.Scalar(v)!)
        }
        return String(s)
    }

    // MARK: Recognition

    /// Recognises a word, or says why it cannot be a syllable.
    public static func analyse(_ word: String) -> Result<VietnameseSyllable, VietnameseSpellingProblem> {
        var w = word
        return w.withUTF8 { buf in
            guard let d = VietnameseLetters.decode(buf) else { return .failure(.noSuchRhyme) }
            return analyse(d)
        }
    }

    /// The same on decoded letters.
    public static func analyse(_ d: VietnameseLetters.Decoded) -> Result<VietnameseSyllable, VietnameseSpellingProblem>
    {
        if d.toneMarks > 1 { return .failure(.twoTones) }
        let codes = d.codes
        let n = codes.count
        guard n > 0, n <= 8 else { return .failure(.noSuchRhyme) }
        var tone = VietnameseTone.level
        var toneAt = -1
        for (i, t) in d.tones.enumerated() where t != .level {
            tone = t
            toneAt = i
        }
        if codes[0] == q, n < 2 || codes[1] != u { return .failure(.qWithoutU) }

        let tables = VietnameseTables.shared
        var structural: (onset: Int, info: VietnameseTables.Rhyme)?
        var spellingOnly = false
        for onset in tables.onsets where onset.count <= n && codes.starts(with: onset) {
            let restStart = onset.count
            let rest = codes[restStart...]
            guard let info = tables.rhyme(for: onset, rest: rest) else { continue }
            if !tables.spellingAllowed(onset: onset, rest: rest, info: info) {
                spellingOnly = true
                continue
            }
            if structural == nil { structural = (onset.count, info) }
            // Tone.
            if info.stop && tone != .level && tone != .acute && tone != .dot { continue }
            if info.stop && tone == .level { continue }
            if toneAt >= 0 {
                let p = toneAt - restStart
                guard p >= 0, info.toneMask & (1 << p) != 0 else { continue }
            }
            return .success(VietnameseSyllable(letters: codes, onsetLength: onset.count, tone: tone))
        }
        if let s = structural {
            if s.info.stop && !(tone == .acute || tone == .dot) { return .failure(.toneOnStopCoda) }
            return .failure(.tonePlacement)
        }
        if spellingOnly { return .failure(.onsetSpelling) }
        // Diagnose a few shapes.
        for i in 0..<n {
            let c = codes[i]
            if (c == u && i + 1 < n && codes[i + 1] == oHorn) || (c == uHorn && i + 1 < n && codes[i + 1] == o) {
                return .failure(.hornPair)
            }
            if (c == aBreve || c == aHat) && (i == n - 1 || (c == aBreve && VietnameseLetters.isVowel(codes[i + 1]))) {
                return .failure(.needsCoda)
            }
        }
        return .failure(.noSuchRhyme)
    }

    /// Whether the letters (tone ignored) spell a syllable, ignoring the k/c and g/gh rules:
    /// how a word with only French-compatible accents is told apart from a foreign word.
    public static func hasSyllableShape(_ d: VietnameseLetters.Decoded) -> Bool {
        let tables = VietnameseTables.shared
        let codes = d.codes.map(VietnameseLetters.base)
        guard !codes.isEmpty, codes.count <= 8 else { return false }
        for onset in tables.onsets where onset.count <= codes.count && codes.starts(with: onset) {
            if tables.skeletonRhymes.contains(VietnameseTables.pack(codes[onset.count...])) { return true }
        }
        return false
    }

    /// Whether the letters have the outline of one syllable: consonants a Vietnamese onset
    /// can be (q included), one run of vowels, and a Vietnamese coda or none. Abbreviations
    /// ("ĐBSCL", "đ"), run-together loans ("ăcqui", "Chămkamoom") and minority-language names
    /// with other clusters ("Bhưới") fail it; misspelt syllables keep it.
    public static func hasSingleSyllableOutline(_ d: VietnameseLetters.Decoded) -> Bool {
        let c = d.codes.map(VietnameseLetters.base)
        guard let first = c.firstIndex(where: VietnameseLetters.isVowel) else { return false }
        var last = first
        while last + 1 < c.count, VietnameseLetters.isVowel(c[last + 1]) { last += 1 }
        guard !c[(last + 1)...].contains(where: VietnameseLetters.isVowel) else { return false }
        let onset = String(decoding: c[..<first], as: UTF8.self)
        let coda = String(decoding: c[(last + 1)...], as: UTF8.self)
        return Self.outlineOnsets.contains(onset) && Self.outlineCodas.contains(coda)
    }

    static let outlineOnsets: Set<String> = [
        "", "b", "c", "ch", "d", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
        "p", "ph", "q", "r", "s", "t", "th", "tr", "v", "x",
    ]
    static let outlineCodas: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"]

    /// Rhyme-relative indices where the tone mark may go, as word indices.
    static func tonePositions(letters: [UInt8], onsetLength: Int) -> [Int] {
        let tables = VietnameseTables.shared
        let onset = Array(letters[..<onsetLength])
        guard let info = tables.rhyme(for: onset, rest: letters[onsetLength...]) else { return [] }
        return (0..<8).filter { info.toneMask & (1 << $0) != 0 }.map { $0 + onsetLength }
    }

    // Letter codes used in the tables.
    static let a = UInt8(ascii: "a"), o = UInt8(ascii: "o"), u = UInt8(ascii: "u"), q = UInt8(ascii: "q")
    static let aBreve = VietnameseLetters.aBreve, aHat = VietnameseLetters.aHat, oHorn = VietnameseLetters.oHorn,
        uHorn = VietnameseLetters.uHorn
}

/// Letters of a word, decomposed: base letter, modifier (breve, circumflex, horn, stroke) and tone.
///
/// Letters are coded in one byte: the ASCII lower-case letter when it has no modifier, and
/// `A` ă, `B` â, `E` ê, `O` ô, `P` ơ, `U` ư, `D` đ otherwise.
public enum VietnameseLetters {
    public static let aBreve = UInt8(ascii: "A"), aHat = UInt8(ascii: "B"), eHat = UInt8(ascii: "E"),
        oHat = UInt8(ascii: "O")
    public static let oHorn = UInt8(ascii: "P"), uHorn = UInt8(ascii: "U"), dStroke = UInt8(ascii: "D")

    /// A decoded word.
    public struct Decoded: Sendable {
        /// The letters, as codes of the base letters (diacritics apart).
        public var codes: [UInt8] = []
        /// The tone written on each letter.
        public var tones: [VietnameseTone] = []
        /// Whether each letter is upper case.
        public var upper: [Bool] = []
        /// Tone marks seen (more than one makes the word impossible).
        public var toneMarks = 0
        /// Every tone mark, in order (two on one letter included).
        public var allTones: [VietnameseTone] = []
        /// Marks only Vietnamese writes: breve, horn, đ, hook, dot, a tone on a letter with a
        /// modifier (ấ ề ở), a tilde on e/i/u/y.
        public var strongMarks = 0
        /// Marks other Latin alphabets have but French does not: á í ó ú ý, ì ò ỳ, ã õ.
        public var weakMarks = 0
        /// French accents also used in Vietnamese: à è é ù, â ê ô.
        public var frenchMarks = 0

        /// The word in lower case, NFC (tones where they were written).
        public var lowercased: String {
            var s = String.UnicodeScalarView()
            for (c, t) in zip(codes, tones) { s.append(Unicode.Scalar(VietnameseLetters.render(c, t))!) }
            return String(s)
        }

        /// Whether the first letter is upper case.
        public var isCapitalised: Bool { upper.first == true }

        /// Whether the word has a mark French never writes.
        public var hasNonFrenchMark: Bool { strongMarks + weakMarks > 0 }
        /// Whether the word has any mark, French ones included.
        public var hasAnyMark: Bool { strongMarks + weakMarks + frenchMarks > 0 }
    }

    /// Decodes valid UTF-8 (NFC, NFD or mixed). `nil` when the word has a letter Vietnamese
    /// does not write (f, j, w, z, ç, ë, î…), a digit or anything else.
    public static func decode(_ buf: UnsafeBufferPointer<UInt8>) -> Decoded? {
        var d = Decoded()
        d.codes.reserveCapacity(buf.count)
        let table = VietnameseLetters.table
        var i = 0
        let n = buf.count
        while i < n {
            let b = buf[i]
            var v: UInt32
            if b < 0x80 {
                v = UInt32(b)
                i += 1
            } else {
                let len = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                v = UInt32(b) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
                for k in 1..<len where i + k < n { v = (v << 6) | (UInt32(buf[i + k]) & 0x3F) }
                i += len
            }
            if v >= 0x300 && v <= 0x36F {
                guard !d.codes.isEmpty, apply(v, to: &d) else { return nil }
                continue
            }
            guard v < UInt32(table.count) else { return nil }
            let e = table[Int(v)]
            guard e != 0 else { return nil }
            let code = UInt8(e & 0xFF)
            let tone = VietnameseTone(rawValue: UInt8((e >> 8) & 7))!
            d.codes.append(code)
            d.tones.append(.level)
            d.upper.append(e & 0x800 != 0)
            if code != base(code) { classifyModifier(code, &d) }
            if tone != .level { addTone(tone, &d) }
        }
        return d
    }

    private static func classifyModifier(_ code: UInt8, _ d: inout Decoded) {
        if code == eHat || code == oHat || code == aHat { d.frenchMarks += 1 } else { d.strongMarks += 1 }
    }

    /// Adds a tone to the last letter and classifies it.
    private static func addTone(_ tone: VietnameseTone, _ d: inout Decoded) {
        let last = d.codes.count - 1
        d.toneMarks += 1
        d.allTones.append(tone)
        d.tones[last] = tone
        let code = d.codes[last]
        if code != base(code) {
            // A tone on a modified vowel: ấ ề ở… (the modifier was counted as French for â ê ô).
            if code == eHat || code == oHat || code == aHat { d.frenchMarks -= 1 }
            d.strongMarks += 1
            return
        }
        let c = Character(Unicode.Scalar(code))
        switch tone {
        case .hook, .dot: d.strongMarks += 1
        case .tilde: if c == "a" || c == "o" { d.weakMarks += 1 } else { d.strongMarks += 1 }
        case .acute: if c == "e" { d.frenchMarks += 1 } else { d.weakMarks += 1 }
        case .grave: if c == "a" || c == "e" || c == "u" { d.frenchMarks += 1 } else { d.weakMarks += 1 }
        case .level: break
        }
    }

    /// A combining mark after a letter (NFD input).
    private static func apply(_ v: UInt32, to d: inout Decoded) -> Bool {
        let last = d.codes.count - 1
        let code = d.codes[last]
        switch v {
        case 0x302, 0x306, 0x31B:
            guard code == base(code) else { return false }  // two modifiers on one letter
            let c = Character(Unicode.Scalar(code))
            let new: UInt8
            switch (v, c) {
            case (0x302, "a"): new = aHat
            case (0x302, "e"): new = eHat
            case (0x302, "o"): new = oHat
            case (0x306, "a"): new = aBreve
            case (0x31B, "o"): new = oHorn
            case (0x31B, "u"): new = uHorn
            default: return false
            }
            d.codes[last] = new
            classifyModifier(new, &d)
            if d.tones[last] != .level {
                // Tone before modifier (unusual order): reclassify as strong.
                d.strongMarks += 1
            }
            return true
        case 0x300, 0x301, 0x303, 0x309, 0x323:
            guard isVowel(code) else { return false }
            let tone: VietnameseTone =
                v == 0x300 ? .grave : v == 0x301 ? .acute : v == 0x303 ? .tilde : v == 0x309 ? .hook : .dot
            addTone(tone, &d)
            return true
        default:
            return false
        }
    }

    /// The base letter of a code: ă â → a, ê → e, ô ơ → o, ư → u, đ → d.
    @inline(__always)
    public static func base(_ c: UInt8) -> UInt8 {
        switch c {
        case aBreve, aHat: return UInt8(ascii: "a")
        case eHat: return UInt8(ascii: "e")
        case oHat, oHorn: return UInt8(ascii: "o")
        case uHorn: return UInt8(ascii: "u")
        case dStroke: return UInt8(ascii: "d")
        default: return c
        }
    }

    /// Whether a letter code is a vowel (a e i o u y, whatever its marks).
    public static func isVowel(_ c: UInt8) -> Bool {
        switch base(c) {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "y"):
            return true
        default: return false
        }
    }

    /// The letter codes of a word (lower case; `nil` if it has letters Vietnamese does not use).
    public static func codes(_ word: String) -> [UInt8]? {
        var w = word
        return w.withUTF8 { decode($0)?.codes }
    }

    /// The other codes with the same base letter: a → ă, â; o → ô, ơ; e → ê; u → ư; d → đ.
    public static func variants(_ c: UInt8) -> [UInt8] {
        switch base(c) {
        case UInt8(ascii: "a"): return [UInt8(ascii: "a"), aBreve, aHat]
        case UInt8(ascii: "e"): return [UInt8(ascii: "e"), eHat]
        case UInt8(ascii: "o"): return [UInt8(ascii: "o"), oHat, oHorn]
        case UInt8(ascii: "u"): return [UInt8(ascii: "u"), uHorn]
        case UInt8(ascii: "d"): return [UInt8(ascii: "d"), dStroke]
        default: return [c]
        }
    }

    /// The scalar of a code with a tone (lower case, NFC).
    static func render(_ code: UInt8, _ tone: VietnameseTone) -> UInt32 {
        renderTable[Int(code) * 6 + Int(tone.rawValue)]
    }

    static func upper(_ v: UInt32) -> UInt32 {
        Unicode.Scalar(v).map { $0.properties.uppercaseMapping.unicodeScalars.first!.value } ?? v
    }

    /// For U+v below 0x1F00: 0 (not a Vietnamese letter), or code | tone << 8 | upper << 11.
    static let table: [UInt16] = {
        var t = [UInt16](repeating: 0, count: 0x1F00)
        for v in UInt32(0x41)...0x7A {
            let c = UInt8(v) | 0x20
            guard (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) else { continue }
            if "fjwz".utf8.contains(c) { continue }
            t[Int(v)] = UInt16(c) | (v < 0x61 ? 0x800 : 0)
        }
        t[0x110] = UInt16(dStroke) | 0x800
        t[0x111] = UInt16(dStroke)
        for range in [UInt32(0xC0)...0x1B0, 0x1EA0...0x1EF9] {
            for v in range {
                guard let s = Unicode.Scalar(v), s.properties.isAlphabetic else { continue }
                let parts = Array(String(s).decomposedStringWithCanonicalMapping.unicodeScalars)
                guard parts.count >= 2, parts[0].value < 0x80 else { continue }
                let isUpper = parts[0].properties.isUppercase
                let lower = UInt8(parts[0].value) | 0x20
                var d = Decoded()
                d.codes = [lower]
                d.tones = [.level]
                d.upper = [isUpper]
                guard t[Int(parts[0].value)] != 0, parts.dropFirst().allSatisfy({ apply($0.value, to: &d) }),
                    d.toneMarks <= 1
                else { continue }
                t[Int(v)] = UInt16(d.codes[0]) | UInt16(d.tones[0].rawValue) << 8 | (isUpper ? 0x800 : 0)
            }
        }
        return t
    }()

    /// code * 6 + tone → lower-case NFC scalar.
    static let renderTable: [UInt32] = {
        var r = [UInt32](repeating: 0, count: 128 * 6)
        let table = VietnameseLetters.table
        for v in 0..<table.count where table[v] != 0 && table[v] & 0x800 == 0 {
            let e = table[v]
            r[Int(e & 0xFF) * 6 + Int((e >> 8) & 7)] = UInt32(v)
        }
        return r
    }()
}

/// The onset and rhyme tables, built once from the lists below.
struct VietnameseTables: Sendable {
    struct Rhyme: Sendable {
        /// Ends in p, t, c or ch.
        var stop: Bool
        /// Bit i: the tone may go on the rhyme's letter i.
        var toneMask: UInt8
        /// Starts with the medial u (uy, uâ, uê, uơ): never after c (write qu).
        var medialU: Bool
        /// First letter (e, ê, i, y are front).
        var first: UInt8
    }

    /// Onsets, longest first, then the empty onset.
    let onsets: [[UInt8]]
    /// Rhymes after an ordinary onset, after no onset, after qu, after g when gi merges (gì, giếng).
    let general: [UInt64: Rhyme], bare: [UInt64: Rhyme], afterQu: [UInt64: Rhyme], afterG: [UInt64: Rhyme]
    /// The rhymes' letters without modifiers (for ``VietnameseSyllable/hasSyllableShape(_:)``).
    let skeletonRhymes: Set<UInt64>

    static let shared = VietnameseTables()

    // The spelling data.
    static let onsetList = "ngh ch gh gi kh ng nh ph qu th tr b c d đ g h k l m n p r s t v x"
    static let plainRhymes = """
        a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây \
        e eo ec em en eng ep et ê êu êch êm ên ênh êp êt i ia iu ich im in inh ip it \
        o oi oc om on ong op ot ooc oong ô ôi ôc ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt \
        u ua ui uc um un ung up ut uôc uôi uôm uôn uông uôt ư ưa ưi ưu ưc ưng ưt ưm \
        ươc ươi ươm ươn ương ươp ươt ươu y
        """
    /// iê after an onset ("tiên"), yê without one ("yên") or after the medial u ("uyên").
    static let ieRhymes = "iêc iêm iên iêng iêp iêt iêu"
    static let yeRhymes = "yêm yên yêng yêt yêu"
    static let medialORhymes = "oa oai oay oac oach oam oan oang oanh oap oat oăc oăm oăn oăng oăt oe oeo oen oet"
    static let medialURhymes = "uê uêch uênh uy uya uych uynh uyt uyu uyp uyên uyêt uân uât uâng uây uơ"
    /// After qu (the u is the medial): qua, quân, quyết, quốc, quở.
    static let quRhymes = """
        a ai ao ay ac ach an ang anh at ăc ăm ăn ăng ăp ăt ân âng ât ây e eo en et ê êch ên ênh êt \
        y ych ynh yt yên yêt yêng i it ơ ôc
        """
    /// After g, when the i of gi is the vowel: gì, gìn, giếng, giết.
    static let gIRhymes = "i in inh im ip it ich iêng iêt iêc iêm iên iêu iêp"

    init() {
        func codes(_ s: Substring) -> [UInt8] { VietnameseLetters.codes(String(s))! }
        onsets = Self.onsetList.split(separator: " ").map(codes) + [[]]
        func rhymes(_ list: String) -> [UInt64: Rhyme] {
            var out: [UInt64: Rhyme] = [:]
            for r in list.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let c = codes(r)
                out[Self.pack(c[...])] = Self.info(c)
            }
            return out
        }
        let plain = rhymes(Self.plainRhymes)
        let ie = rhymes(Self.ieRhymes)
        let ye = rhymes(Self.yeRhymes)
        let mo = rhymes(Self.medialORhymes)
        let mu = rhymes(Self.medialURhymes)
        general = plain.merging(ie) { a, _ in a }.merging(mo) { a, _ in a }.merging(mu) { a, _ in a }
        bare = plain.merging(ye) { a, _ in a }.merging(mo) { a, _ in a }.merging(mu) { a, _ in a }
        afterQu = rhymes(Self.quRhymes)
        afterG = rhymes(Self.gIRhymes)
        var skeleton = Set<UInt64>()
        for table in [general, bare, afterQu, afterG] {
            for k in table.keys {
                var bytes = Self.unpack(k).map(VietnameseLetters.base)
                skeleton.insert(Self.pack(bytes[...]))
                bytes.removeAll()
            }
        }
        skeletonRhymes = skeleton
    }

    static func pack(_ c: ArraySlice<UInt8>) -> UInt64 {
        var k: UInt64 = 0
        for b in c.prefix(8) { k = k << 8 | UInt64(b) }
        return c.count > 8 ? UInt64.max : k
    }

    static func unpack(_ k: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        var k = k
        while k != 0 {
            out.insert(UInt8(k & 0xFF), at: 0)
            k >>= 8
        }
        return out
    }

    /// Stop coda and tone placement of a rhyme: the tone goes on the vowel with a modifier (the
    /// second of ươ); else, before a consonant, on the last vowel; else on the only vowel, on
    /// either vowel of oa/oe/uy (hòa/hoà), on the first of other pairs (mía, múa, hái) and on
    /// the middle of three (khoái, khuya).
    static func info(_ c: [UInt8]) -> Rhyme {
        let s = String(decoding: c.map { VietnameseLetters.base($0) }, as: UTF8.self)
        let stop = s.hasSuffix("p") || s.hasSuffix("t") || s.hasSuffix("c") || s.hasSuffix("ch")
        let vowels = c.indices.filter { VietnameseLetters.isVowel(c[$0]) }
        let modified = vowels.filter { c[$0] != VietnameseLetters.base(c[$0]) }
        var mask: UInt8
        if let m = modified.last {
            mask = 1 << m
        } else if let last = c.last, !VietnameseLetters.isVowel(last) {
            mask = 1 << vowels.last!
        } else if vowels.count == 1 {
            mask = 1 << vowels[0]
        } else if vowels.count == 2 {
            mask = ["oa", "oe", "uy"].contains(s) ? 0b11 : 0b01
        } else {
            mask = 1 << vowels[1]
        }
        let medialU =
            c.count >= 2 && c[0] == UInt8(ascii: "u")
            && [UInt8(ascii: "y"), VietnameseLetters.aHat, VietnameseLetters.eHat, VietnameseLetters.oHorn].contains(
                c[1])
        return Rhyme(stop: stop, toneMask: mask, medialU: medialU, first: c[0])
    }

    /// The rhyme info for the letters after an onset, if they form a rhyme there.
    func rhyme(for onset: [UInt8], rest: ArraySlice<UInt8>) -> Rhyme? {
        guard !rest.isEmpty else { return nil }
        let key = Self.pack(rest)
        if onset.isEmpty { return bare[key] }
        if onset == Self.qu { return afterQu[key] }
        if onset == Self.gi {
            guard let r = general[key], !Self.front(r.first) else { return nil }
            return r
        }
        if onset == Self.g, rest.first == UInt8(ascii: "i") { return afterG[key] }
        return general[key]
    }

    /// The k/c, gh/g, ngh/ng rules (and no medial u after c).
    func spellingAllowed(onset: [UInt8], rest: ArraySlice<UInt8>, info: Rhyme) -> Bool {
        let front = Self.front(info.first)
        if onset == Self.k || onset == Self.gh || onset == Self.ngh { return front }
        if onset == Self.g { return !front || info.first == UInt8(ascii: "i") }
        if onset == Self.c { return !front && !info.medialU }
        if onset == Self.ng { return !front }
        return true
    }

    static func front(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "e") || c == VietnameseLetters.eHat || c == UInt8(ascii: "i") || c == UInt8(ascii: "y")
    }

    static let qu = Array("qu".utf8), gi = Array("gi".utf8), g = Array("g".utf8), k = Array("k".utf8),
        gh = Array("gh".utf8)
    static let ngh = Array("ngh".utf8), c = Array("c".utf8), ng = Array("ng".utf8)
}
