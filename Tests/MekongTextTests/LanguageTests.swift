import Foundation
import Testing

@testable import MekongText

@Suite struct LanguageTests {
    @Test(arguments: [
        ("fr", Language.french), ("fr-FR", .french), ("vi_VN", .vietnamese), ("LO", .lao), ("lo-LA", .lao),
    ])
    func tagsIgnoreRegionAndCase(tag: String, language: Language) {
        #expect(Language(tag: tag) == language)
    }

    @Test func unknownTagIsNil() {
        #expect(Language(tag: "en") == nil)
        #expect(Language(tag: "") == nil)
    }

    @Test func guessesByScript() {
        #expect(Language.guess("ນາຍົກລັດຖະມົນຕີ ໄດ້ເດີນທາງ ໄປ ຫວຽດນາມ"[...].unicodeScalars) == .lao)
        #expect(
            Language.guess("Thủ tướng Phạm Minh Chính đã tiếp Bộ trưởng Ngoại giao Lào tại Hà Nội."[...].unicodeScalars)
                == .vietnamese)
        // French with Vietnamese names and a stray "ảnh 1" stays French.
        #expect(
            Language.guess(
                "Le président du Comité populaire de Diên Biên, Trần Quốc Cường, a reçu la délégation lao. ảnh 1 Photo : VNA"[
                    ...
                ].unicodeScalars) == .french)
    }

    @Test func aShortFrenchTextWithVietnameseNamesIsFrenchByItsFunctionWords() {
        // By its letters alone (ầ ố ư ờ Đ ệ: 15 % of the letters) this would be Vietnamese.
        let g = LanguageGuess("Le ministre Trần Quốc Cường est arrivé à Điện Biên.")
        #expect(g.language == .french)
        #expect(g.description == "guessed from function words: 2 French, 0 Vietnamese")
    }

    @Test func vietnameseFunctionWordsDecideForVietnamese() {
        let g = LanguageGuess("Bộ trưởng Trần Quốc Cường đã đến Điện Biên và làm việc với tỉnh.")
        #expect(g.language == .vietnamese)
        #expect(g.vietnameseWords == 5)  // đã, đến, và, việc, với
        #expect(g.frenchWords == 0)
    }

    @Test func withoutFunctionWordsTheLettersDecide() {
        #expect(LanguageGuess("Trần Quốc Cường").language == .vietnamese)
        #expect(LanguageGuess("Trần Quốc Cường").basis == "letters")
        #expect(LanguageGuess("Vientiane").language == .french)
        #expect(LanguageGuess("ສະບາຍດີ").basis == "Lao script")
    }

    /// Words are lower-cased letter by letter (ASCII, Latin with diacritics, Vietnamese capitals)
    /// and NFD text counts as its NFC form; both apostrophes end a French elided word.
    @Test func functionWordsAreFoundInAnyCaseAndNormalisation() {
        let vi = "ĐÃ ĐẾN Và Việc VỚI"
        #expect(LanguageGuess(vi).vietnameseWords == 5)
        #expect(LanguageGuess(vi.decomposedStringWithCanonicalMapping).vietnameseWords == 5)
        let fr = "L'État A ÉTÉ SELON d’après OÙ"
        #expect(LanguageGuess(fr).frenchWords == 6)  // l', été, selon, d', après, où
        #expect(LanguageGuess(fr).vietnameseWords == 0)
    }

    @Test func tagsParseIntoTheirParts() {
        #expect(LanguageTag("lo-latn")?.description == "lo-Latn")
        #expect(LanguageTag("vi_vn")?.description == "vi-VN")
        #expect(LanguageTag("x") == nil)
        #expect(Language.list("vi, lo,vi") == [.vietnamese, .lao])
        #expect(Language.list("vi,xx") == nil)
    }
}
