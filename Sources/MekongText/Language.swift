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

    /// Guesses the language of a text sample by its letters: Lao script wins when it makes up a
    /// tenth of the letters; Vietnamese when letters only Vietnamese uses (ơ, ư, ă, đ and
    /// stacked tone marks such as ạ, ả, ế) make up one in twelve letters; French otherwise.
    ///
    /// French news about Vietnam is full of names such as "Trần Quốc Cường" or a stray "ảnh 1":
    /// even a name-dense French sentence stays near 6 %, while running Vietnamese text is at
    /// 15–25 %, hence the 8 % threshold.
    public static func guess(_ sample: Substring.UnicodeScalarView) -> Language {
        var letters = 0, lao = 0, vietnamese = 0
        for scalar in sample {
            let v = scalar.value
            if (0x0E80...0x0EFF).contains(v) { lao += 1; letters += 1; continue }
            guard scalar.properties.isAlphabetic else { continue }
            letters += 1
            if isVietnameseOnly(v) { vietnamese += 1 }
        }
        guard letters > 0 else { return .french }
        if lao * 10 >= letters { return .lao }
        if vietnamese * 12 >= letters { return .vietnamese }
        return .french
    }

    /// Letters that French typography never uses but Vietnamese does (precomposed, NFC).
    public static func isVietnameseOnly(_ v: UInt32) -> Bool {
        switch v {
        case 0x0102, 0x0103, 0x0110, 0x0111, 0x01A0, 0x01A1, 0x01AF, 0x01B0: return true // Ă ă Đ đ Ơ ơ Ư ư
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
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        primary = first.lowercased()
        for p in parts.dropFirst() {
            if p.count == 4, p.allSatisfy({ $0.isASCII && $0.isLetter }), script == nil {
                script = p.prefix(1).uppercased() + p.dropFirst().lowercased()
            } else if (p.count == 2 && p.allSatisfy({ $0.isASCII && $0.isLetter })) || (p.count == 3 && p.allSatisfy { $0.isNumber }) {
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
