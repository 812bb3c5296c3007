/// A language Mekong knows, as its BCP 47 tag.
public enum Language: String, CaseIterable, Hashable, Sendable, Codable {
    case french = "fr"
    case vietnamese = "vi"
    case lao = "lo"

    /// The BCP 47 tag, e.g. `fr`.
    public var tag: String { rawValue }

    /// Parses a tag such as `fr`, `fr-FR`, `vi_VN` or `LO`, ignoring region and case.
    public init?(tag: String) {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        self.init(rawValue: primary)
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
