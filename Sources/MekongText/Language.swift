import Foundation

/// A language Mekong knows, as its BCP 47 tag.
public enum Language: String, CaseIterable, Hashable, Sendable, Codable {
    case french = "fr"
    case vietnamese = "vi"
    case lao = "lo"

    /// The BCP 47 tag, e.g. `fr`.
    public var tag: String { rawValue }

    /// Parses a tag such as `fr`, `fr-FR`, `vi_VN` or `LO`, ignoring region, script and case.
    public init?(tag: String) {
        guard let t = LanguageTag(tag) else { return nil }
        self.init(rawValue: t.primary)
    }

    /// Parses a comma-separated list such as `vi,lo` (each as ``init(tag:)``), in order,
    /// without repeats.
    /// - Returns: `nil` when the list is empty or a part is not a language Mekong knows.
    public static func list(_ text: String) -> [Language]? {
        var out: [Language] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let l = Language(tag: part.trimmingCharacters(in: " ")) else { return nil }
            if !out.contains(l) { out.append(l) }
        }
        return out.isEmpty ? nil : out
    }

    /// Guesses the language of a text sample (see ``LanguageGuess``).
    public static func guess(_ sample: Substring.UnicodeScalarView) -> Language {
        LanguageGuess(String(String.UnicodeScalarView(sample))).language
    }

    /// Letters that French typography never uses but Vietnamese does (precomposed, NFC).
    public static func isVietnameseOnly(_ v: UInt32) -> Bool {
        switch v {
        case 0x0102, 0x0103, 0x0110, 0x0111, 0x01A0, 0x01A1, 0x01AF, 0x01B0: return true  // Ă ă Đ đ Ơ ơ Ư ư
        case 0x1EA0...0x1EF9: return true  // Latin Extended Additional: ạ ả ấ … ỹ
        case 0x0300, 0x0301, 0x0303, 0x0309, 0x0323: return false  // combining marks alone prove little
        default: return false
        }
    }
}

/// A BCP 47 language tag split into the parts Mekong uses: `fr-FR`, `vi_VN`, `lo-Latn`.
/// The one parser of language tags in Mekong (command lines, XLIFF, TMX, TBX).
public struct LanguageTag: Hashable, Sendable, CustomStringConvertible {
    /// The primary language subtag, lower case (`fr`).
    public var primary: String
    /// The script subtag, title case (`Latn`), if any.
    public var script: String?
    /// The region subtag, upper case (`FR`), if any.
    public var region: String?

    /// Parses `text`, accepting `-` or `_` between subtags and any case.
    /// - Returns: `nil` unless the primary subtag is 2 or 3 ASCII letters.
    public init?(_ text: String) {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" }).map(
            String.init)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        primary = first.lowercased()
        for p in parts.dropFirst() {
            if p.count == 4, p.allSatisfy({ $0.isASCII && $0.isLetter }), script == nil {
                script = p.prefix(1).uppercased() + p.dropFirst().lowercased()
            } else if (p.count == 2 && p.allSatisfy({ $0.isASCII && $0.isLetter }))
                || (p.count == 3 && p.allSatisfy { $0.isNumber })
            {
                region = p.uppercased()
            }
        }
    }

    /// The canonical form: `fr`, `fr-FR`, `lo-Latn`.
    public var description: String {
        [primary, script, region].compactMap { $0 }.joined(separator: "-")
    }
}

private extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

/// A guess at the language of a text, and why.
///
/// Lao script wins when it makes up a tenth of the letters. Otherwise function words decide:
/// French ones (le, de, des, et, est, une, dans, pour…) against Vietnamese ones (và, của, các,
/// những, được, trong, với…), when some of one language and none of the other are seen, or at
/// least three in all with one language having twice the other's. A short French text with one Vietnamese name ("Le ministre Trần Quốc Cường est
/// arrivé") is French: its function words say so, whatever its letters. Without such words, the
/// letters decide: Vietnamese when letters only Vietnamese uses (ơ, ư, ă, đ, stacked tone marks)
/// make up one in twelve letters — a name-dense French sentence stays near 6 %, running
/// Vietnamese text is at 15–25 %.
public struct LanguageGuess: Sendable, Hashable, CustomStringConvertible {
    /// The language guessed.
    public var language: Language
    /// French function words seen.
    public var frenchWords: Int
    /// Vietnamese function words seen.
    public var vietnameseWords: Int
    /// What decided: `"Lao script"`, `"function words"` or `"letters"`.
    public var basis: String

    /// Guesses the language of `sample` (the first 2 KB of an article are plenty).
    public init(_ sample: String) {
        var text = sample.precomposedForGuess
        self = text.withUTF8 { LanguageGuess(nfcUTF8: $0) }
    }

    /// The guess on NFC UTF-8 bytes: words are lower-cased and hashed as they are read (FNV-1a
    /// of their UTF-8), and looked up among the function words' hashes; no string is made.
    init(nfcUTF8 buf: UnsafeBufferPointer<UInt8>) {
        var letters = 0
        var lao = 0
        var vietnameseLetters = 0
        var fr = 0
        var vi = 0
        var h = Folding.hashSeed
        var inWord = false
        let functionWords = Self.functionWords
        func endWord() {
            guard inWord else { return }
            switch functionWords[h] {
            case 1: fr += 1
            case 2: vi += 1
            default: break
            }
            h = Folding.hashSeed
            inWord = false
        }
        func append(_ v: UInt32) {
            inWord = true
            if v < 0x80 {
                h = Folding.hash(h, UInt8(v))
                return
            }
            for b in String(Unicode.Scalar(v)!).utf8 { h = Folding.hash(h, b) }
        }
        let lower = Self.lowerTable
        var i = 0
        let n = buf.count
        while i < n {
            let b = buf[i]
            if b < 0x80 {
                i += 1
                // ASCII without the Unicode property tables.
                if (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) {
                    letters += 1
                    inWord = true
                    h = Folding.hash(h, b | 0x20)
                } else if b == 0x27 {
                    append(0x27)
                    endWord()
                } else {
                    endWord()
                }
                continue
            }
            let (v, len) = Folding.decodeScalar(buf, at: i)
            i += len
            if (0x0E80...0x0EFF).contains(v) {
                lao += 1
                letters += 1
                endWord()
                continue
            }
            // Below U+2000 a table says "not a letter" (0), the lower-case letter, or "look it up".
            let entry = v < UInt32(lower.count) ? lower[Int(v)] : UInt32.max
            if entry != 0 && entry != UInt32.max {
                letters += 1
                if Language.isVietnameseOnly(v) { vietnameseLetters += 1 }
                append(entry)
            } else if entry == UInt32.max, let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic {
                letters += 1
                if Language.isVietnameseOnly(v) { vietnameseLetters += 1 }
                for u in scalar.properties.lowercaseMapping.unicodeScalars { append(u.value) }
            } else if v == 0x2019 {
                append(0x27)
                endWord()
            } else {
                endWord()
            }
        }
        endWord()
        frenchWords = fr
        vietnameseWords = vi
        if letters > 0, lao * 10 >= letters {
            language = .lao
            basis = "Lao script"
        } else if (fr >= 1 && vi == 0) || (vi >= 1 && fr == 0) || (fr + vi >= 3 && (fr >= 2 * vi || vi >= 2 * fr)) {
            language = fr > vi ? .french : .vietnamese
            basis = "function words"
        } else {
            language = letters > 0 && vietnameseLetters * 12 >= letters ? .vietnamese : .french
            basis = "letters"
        }
    }

    /// For U+0000–U+1FFF: 0 not a letter, the lower-case scalar of a letter whose lower case is
    /// one scalar, or `UInt32.max` (look the properties up: several scalars).
    static let lowerTable: [UInt32] = (0..<0x2000).map { v -> UInt32 in
        guard let s = Unicode.Scalar(UInt32(v)), s.properties.isAlphabetic else { return 0 }
        let l = Array(s.properties.lowercaseMapping.unicodeScalars)
        return l.count == 1 ? l[0].value : UInt32.max
    }

    /// FNV-1a hashes of the function words: 1 French, 2 Vietnamese.
    static let functionWords: HashTable<UInt8> = {
        var t = HashTable<UInt8>(capacity: 256)
        for w in french { t[Folding.wordHash(Array(w.utf8))] = 1 }
        for w in vietnamese where t[Folding.wordHash(Array(w.utf8))] == nil { t[Folding.wordHash(Array(w.utf8))] = 2 }
        return t
    }()

    /// `guessed from function words: 31 French, 0 Vietnamese`, or from letters or Lao script.
    public var description: String {
        switch basis {
        case "function words":
            return "guessed from function words: \(frenchWords) French, \(vietnameseWords) Vietnamese"
        default: return "guessed from \(basis)"
        }
    }

    /// Frequent French words that are not Vietnamese words or syllables (so not "la", which is
    /// Vietnamese too): articles, prepositions, pronouns, auxiliaries, conjunctions.
    static let french: Set<String> = [
        "le", "les", "de", "des", "du", "un", "une", "et", "est", "sont", "dans", "pour", "sur", "avec", "par", "au",
        "aux",
        "qui", "que", "il", "elle", "ils", "elles", "ont", "été", "ce", "cette", "ces", "ses", "son", "leur", "leurs",
        "pas", "ne", "plus", "mais", "ou", "où", "entre", "après", "avant", "selon", "lors", "aussi", "très", "nous",
        "vous",
        "l'", "d'", "qu'", "n'", "s'", "c'", "j'", "était", "sera", "être", "avoir", "fait", "deux", "trois", "dont",
    ]

    /// Frequent Vietnamese function words (NFC, lower case) that are not French words.
    static let vietnamese: Set<String> = [
        "và", "của", "có", "được", "cho", "các", "những", "một", "trong", "với", "không", "người", "này", "đã",
        "sẽ", "đang", "về", "từ", "khi", "để", "theo", "đến", "tại", "cũng", "nhiều", "như", "nhưng", "thì", "hay",
        "hoặc", "rằng", "năm", "ngày", "việc", "nước", "cùng", "đó", "bị", "vào", "ra", "lên", "trên", "dưới", "sau",
    ]
}

private extension String {
    /// NFC only when the text has combining marks (most text is NFC already).
    var precomposedForGuess: String {
        unicodeScalars.contains(where: { (0x0300...0x036F).contains($0.value) })
            ? precomposedStringWithCanonicalMapping : self
    }
}
