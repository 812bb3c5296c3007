import Foundation

/// Syllables seen in real text and in names, and the nearest ones to a misspelt word.
///
/// A valid syllable can still be one nobody writes ("nguyển" is well formed, but no one is
/// called that). The list has the syllables of UD_Vietnamese-VTB's train and dev sentences
/// (``corpusSyllables``, most frequent first) plus those of ``VietnameseNames``; syllables are
/// keyed by ``VietnameseSyllable/key`` so both tone placements (hòa/hoà) count as one.
///
/// ```swift
/// let a = VietnameseAttested.shared
/// a.contains("Nguyễn")                     // true
/// a.contains("nguyển")                     // false: valid but unattested
/// a.suggestions(for: "Cuờng", name: true).first?.text   // "Cường"
/// ```
public final class VietnameseAttested: Sendable {
    /// The list shipped with Mekong, loaded once.
    public static let shared = VietnameseAttested()

    /// Rank in the corpus (0 = most frequent) by key.
    private let corpusRank: [String: Int]
    /// Keys of name syllables (surnames, middle and given names, places), of middle names.
    public let nameKeys: Set<String>
    /// Keys of middle names (Văn, Thị, Đức…).
    public let middleKeys: Set<String>
    /// Keys of surnames, and their toneless ASCII skeletons ("nguyen").
    public let surnameKeys: Set<String>
    /// The toneless ASCII skeletons of the surnames ("nguyen").
    public let surnameSkeletons: Set<String>
    /// Press-style forms (French accents kept, Vietnamese-only marks dropped) of every attested
    /// syllable, lower case: "cuong" for "cường", "trân" for "trần".
    public var pressForms: Set<String> {
        // Made on first use (a third of loading the list): only French text with names asks.
        pressLock.lock()
        defer { pressLock.unlock() }
        if let p = pressCache { return p }
        let p = Set(all.map(Self.press))
        pressCache = p
        return p
    }
    private let all: [VietnameseSyllable]
    private let pressLock = NSLock()
    nonisolated(unsafe) private var pressCache: Set<String>?
    /// Keys of all attested syllables.
    public let keys: Set<String>

    /// Spellings outside the regular system that real names use (minority-language places);
    /// accepted capitalised only.
    public static let irregular: Set<String> = ["đắk", "lắk", "kạn", "drắk", "đăk", "lăk", "kon", "kông"]

    init() {
        var rank: [String: Int] = [:]
        var all: [VietnameseSyllable] = []
        var n = 0
        for line in Self.corpusSyllables.split(separator: "\n") {
            guard let s = VietnameseSyllable(String(line)) else { continue }
            if rank[s.key] == nil {
                rank[s.key] = n
                all.append(s)
            }
            n += 1
        }
        corpusRank = rank
        var names = Set<String>()
        var surnames = Set<String>()
        var skeletons = Set<String>()
        for w in VietnameseNames.surnames + VietnameseNames.middleNames + VietnameseNames.givenNames
            + VietnameseNames.placeSyllables
        {
            if let s = VietnameseSyllable(w) { if names.insert(s.key).inserted { all.append(s) } }
        }
        for w in VietnameseNames.surnames {
            if let s = VietnameseSyllable(w) {
                surnames.insert(s.key)
                skeletons.insert(Self.skeleton(s.letters))
            }
        }
        nameKeys = names
        middleKeys = Set(VietnameseNames.middleNames.compactMap { VietnameseSyllable($0)?.key })
        surnameKeys = surnames
        surnameSkeletons = skeletons
        keys = names.union(rank.keys)
        self.all = all
    }

    /// The ASCII skeletons of the surnames, without building the whole list ("nguyen", "tran").
    public static let surnameSkeletonSet: Set<String> = Set(
        VietnameseNames.surnames.compactMap {
            VietnameseLetters.codes($0).map(skeleton)
        })

    /// Whether a syllable is attested (in the corpus or the names).
    public func contains(_ s: VietnameseSyllable) -> Bool { keys.contains(s.key) }
    /// Whether a word is one attested syllable.
    public func contains(_ word: String) -> Bool { VietnameseSyllable(word).map(contains) ?? false }
    /// Whether a syllable is in the names list.
    public func isName(_ s: VietnameseSyllable) -> Bool { nameKeys.contains(s.key) }
    /// The corpus rank (0 = most frequent), if the syllable is in the corpus.
    public func rank(_ s: VietnameseSyllable) -> Int? { corpusRank[s.key] }

    /// The ASCII skeleton of letter codes: "nguyen" for nguyễn.
    public static func skeleton(_ codes: [UInt8]) -> String {
        String(decoding: codes.map(VietnameseLetters.base), as: UTF8.self)
    }

    /// The French press form of a syllable: â ê ô and à è é ù stay, the rest goes.
    public static func press(_ s: VietnameseSyllable) -> String {
        var out = String.UnicodeScalarView()
        let positions = VietnameseSyllable.tonePositions(letters: s.letters, onsetLength: s.onsetLength)
        let at = positions.first ?? -1
        let modified = s.letters.contains { $0 != VietnameseLetters.base($0) }
        for (i, c) in s.letters.enumerated() {
            var code = c
            if c == VietnameseLetters.aBreve || c == VietnameseLetters.oHorn || c == VietnameseLetters.uHorn
                || c == VietnameseLetters.dStroke
            {
                code = VietnameseLetters.base(c)
            }
            var tone = VietnameseTone.level
            if i == at,
                !(modified
                    && (c == VietnameseLetters.aHat || c == VietnameseLetters.eHat || c == VietnameseLetters.oHat))
            {
                let b = Character(Unicode.Scalar(c))
                if (s.tone == .grave && (b == "a" || b == "e" || b == "u")) || (s.tone == .acute && b == "e") {
                    tone = s.tone
                }
            }
            out.append(Unicode.Scalar(VietnameseLetters.render(code, tone))!)
        }
        return String(out)
    }

    // MARK: Suggestions

    /// A candidate correction.
    public struct Suggestion: Sendable, Equatable {
        /// The corrected word, in the case of the original.
        public var text: String
        /// Diacritic edits, in half-edits: adding or dropping a mark 2, changing one 3 (hỏi and
        /// ngã, which speakers confuse, 1), respelling k/c, gh/g, ngh/ng 2, moving a tone 0.
        public var distance: Int
        /// 0 a name syllable (when a name is asked for), 1 attested, 2 valid but unattested.
        public var tier: Int
        /// Corpus rank (lower is more frequent); Int.max when not in the corpus.
        public var rank: Int
        /// The suggested syllable.
        public var syllable: VietnameseSyllable
    }

    /// Valid syllables nearest to `word` (fewest diacritic edits, then names, then frequent
    /// syllables), at most `limit`, within `maxDistance` half-edits (see ``Suggestion/distance``). `name`: the word is part of a
    /// name (capitalised), so name syllables come first.
    public func suggestions(
        for word: String, name: Bool = false, attestedOnly: Bool = false, maxDistance: Int = 6, limit: Int = 5
    ) -> [Suggestion] {
        var w = word
        guard let d = w.withUTF8({ VietnameseLetters.decode($0) }) else { return [] }
        return suggestions(for: d, name: name, attestedOnly: attestedOnly, maxDistance: maxDistance, limit: limit)
    }

    /// The same for a word already decoded.
    public func suggestions(
        for d: VietnameseLetters.Decoded, name: Bool, attestedOnly: Bool = false, maxDistance: Int = 6, limit: Int = 5
    ) -> [Suggestion] {
        let codes = d.codes
        guard !codes.isEmpty, codes.count <= 8 else { return [] }
        var tone = VietnameseTone.level
        var tonePos = -1
        for (i, t) in d.tones.enumerated() where t != .level {
            tone = t
            tonePos = i
        }
        let originalTones = d.allTones
        var seen = Set<String>()
        var out: [Suggestion] = []
        // Respellings of the onset (cost 1 each).
        var starts: [([UInt8], Int, Int)] = [(codes, 0, 0)]  // (codes, cost, index shift)
        let s = Self.skeleton(codes)
        func respell(_ from: String, _ to: String) {
            if s.hasPrefix(from) {
                starts.append((Array(to.utf8) + codes.dropFirst(from.count), 2, to.count - from.count))
            }
        }
        if s.hasPrefix("ngh") { respell("ngh", "ng") } else if s.hasPrefix("ng") { respell("ng", "ngh") }
        if s.hasPrefix("gh") {
            respell("gh", "g")
        } else if s.hasPrefix("g") && !s.hasPrefix("gi") && !s.hasPrefix("ng") {
            respell("g", "gh")
        }
        if s.hasPrefix("k") && !s.hasPrefix("kh") { respell("k", "c") }
        if s.hasPrefix("c") && !s.hasPrefix("ch") { respell("c", "k") }
        if s.hasPrefix("q") && !s.hasPrefix("qu") { respell("q", "qu") }
        for (start, cost, shift) in starts {
            // Every combination of modifiers, each tone.
            var combos: [[UInt8]] = [[]]
            for c in start { combos = combos.flatMap { p in VietnameseLetters.variants(c).map { p + [$0] } } }
            for combo in combos {
                var modCost = cost
                for i in 0..<combo.count where start[i] != combo[i] {
                    let a = start[i]
                    let b = combo[i]
                    modCost += (a == VietnameseLetters.base(a) || b == VietnameseLetters.base(b)) ? 2 : 3
                }
                guard modCost <= maxDistance else { continue }
                for t in VietnameseTone.allCases {
                    var toneCost = 0
                    if originalTones.count > 1 {
                        toneCost =
                            2
                            * (originalTones.contains(t)
                                ? originalTones.count - 1 : originalTones.count + (t == .level ? 0 : 1))
                    } else if t != tone {
                        toneCost = (t == .level || tone == .level) ? 2 : Set([t, tone]) == [.hook, .tilde] ? 1 : 3
                    }
                    let total = modCost + toneCost
                    guard total <= maxDistance else { continue }
                    guard case .success(let syl) = Self.recognise(combo, t) else { continue }
                    let key = syl.key
                    guard seen.insert(key).inserted else { continue }
                    let attested = keys.contains(key)
                    if attestedOnly && !attested { continue }
                    let tier = name && nameKeys.contains(key) ? 0 : attested ? 1 : 2
                    var up = Set<Int>()
                    if d.upper.count > 1, d.upper.allSatisfy({ $0 }) {
                        up = Set(combo.indices)
                    } else if d.upper.first == true {
                        up = [0]
                    }
                    let text = syl.render(upper: up, tonePosition: tonePos >= 0 ? tonePos + shift : nil)
                    out.append(
                        Suggestion(
                            text: text, distance: total, tier: tier, rank: corpusRank[key] ?? Int.max, syllable: syl))
                }
            }
        }
        out.sort { ($0.distance, $0.tier, $0.rank) < ($1.distance, $1.tier, $1.rank) }
        return Array(out.prefix(limit))
    }

    static func recognise(_ codes: [UInt8], _ tone: VietnameseTone) -> Result<
        VietnameseSyllable, VietnameseSpellingProblem
    > {
        var d = VietnameseLetters.Decoded()
        d.codes = codes
        d.tones = Array(repeating: .level, count: codes.count)
        d.upper = Array(repeating: false, count: codes.count)
        if tone != .level {
            // Put the tone where the rhyme wants it: try each vowel.
            for i in codes.indices where VietnameseLetters.isVowel(codes[i]) {
                d.tones[i] = tone
                d.toneMarks = 1
                if case .success(let s) = VietnameseSyllable.analyse(d) { return .success(s) }
                d.tones[i] = .level
            }
            return .failure(.tonePlacement)
        }
        return VietnameseSyllable.analyse(d)
    }

    /// Whether a suggestion list has one clear best: it beats the next on edits or on tier, or
    /// is at least four times as frequent.
    public static func clearBest(_ list: [Suggestion]) -> Suggestion? {
        guard let first = list.first else { return nil }
        guard list.count > 1 else { return first }
        let second = list[1]
        if (first.distance, first.tier) < (second.distance, second.tier) { return first }
        if first.tier < 2, second.rank != Int.max, first.rank != Int.max, (first.rank + 1) * 4 <= second.rank + 1 {
            return first
        }
        if first.tier < 2, second.rank == Int.max, first.rank != Int.max { return first }
        return nil
    }
}
