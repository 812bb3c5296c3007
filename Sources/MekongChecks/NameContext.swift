import MekongGlossary
import MekongText

/// The words around a name that say what it is: titles and classifiers that announce a person
/// or a place ("ông", "tỉnh", "Président") and so do not make a capitalised run longer.
///
/// In Vietnamese a one-syllable name has a common word for every other spelling ("Lào" / "lao",
/// "Huế" / "huệ", "Vinh" / "Vĩnh"): a capital alone cannot tell a misspelt name from a word at
/// the start of a sentence or from another name, but a classifier before it can ("nước Lao",
/// "thành phố Huê").
enum NameContext {
    /// Words (lower case, NFC, one space between words) that announce a place.
    static let places: Set<String> = [
        "tỉnh", "thành phố", "tp", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn", "nước", "vùng", "miền",
        "sông", "đảo", "núi", "thủ đô", "cố đô", "xứ", "đất nước", "tới", "sang", "nước bạn",
    ]
    /// Words that announce a person.
    static let people: Set<String> = [
        "ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "đồng chí", "vua", "thủ tướng", "chủ tịch", "bộ trưởng",
        "tổng bí thư", "bí thư", "đại tướng", "tướng", "giáo sư", "tiến sĩ", "nhà thơ", "nhà văn", "đại sứ",
        "phó thủ tướng", "chủ tịch nước", "thứ trưởng",
    ]
    /// Capitalised words that stand before a name without being part of it: titles, and the
    /// French words a sentence starts with.
    static let titles: Set<String> = [
        // Vietnamese titles and classifiers, as written before a name.
        "ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "tỉnh", "huyện", "quận", "xã", "phường", "vua",
        "thủ", "chủ", "bộ", "tổng", "đại", "phó", "giáo", "tiến", "đồng", "nước", "thành", "thị", "sông", "tp",
        // French titles and function words.
        "président", "présidente", "premier", "première", "ministre", "secrétaire", "général", "générale", "vice",
        "m", "mme", "mlle", "monsieur", "madame", "camarade", "docteur", "dr", "professeur", "pr", "ambassadeur",
        "le", "la", "les", "l", "de", "du", "des", "d", "à", "au", "aux", "en", "et", "selon", "pour", "par",
        "avec", "dans", "sur", "chez", "entre", "vers", "province", "ville", "district",
    ]

    /// Whether `text` (one or two words before a name) announces a name of `type`.
    static func announces(_ text: String, _ type: ConceptType) -> Bool {
        let t = NameStyle.comparable(text)
        switch type {
        case .place: return places.contains(t)
        case .person: return people.contains(t)
        default: return places.contains(t) || people.contains(t)
        }
    }

    /// Whether a capitalised word before a name is a title or a function word, not a part of it.
    static func isTitle(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        titles.contains(NameStyle.comparable(String(decoding: word, as: UTF8.self)))
    }
}
