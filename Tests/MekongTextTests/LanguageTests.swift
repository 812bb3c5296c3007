import Testing
@testable import MekongText

@Suite struct LanguageTests {
    @Test(arguments: [("fr", Language.french), ("fr-FR", .french), ("vi_VN", .vietnamese), ("LO", .lao), ("lo-LA", .lao)])
    func tagsIgnoreRegionAndCase(tag: String, language: Language) {
        #expect(Language(tag: tag) == language)
    }

    @Test func unknownTagIsNil() {
        #expect(Language(tag: "en") == nil)
        #expect(Language(tag: "") == nil)
    }

    @Test func guessesByScript() {
        #expect(Language.guess("ນາຍົກລັດຖະມົນຕີ ໄດ້ເດີນທາງ ໄປ ຫວຽດນາມ"[...].unicodeScalars) == .lao)
        #expect(Language.guess("Thủ tướng Phạm Minh Chính đã tiếp Bộ trưởng Ngoại giao Lào tại Hà Nội."[...].unicodeScalars) == .vietnamese)
        // French with Vietnamese names and a stray "ảnh 1" stays French.
        #expect(Language.guess("Le président du Comité populaire de Diên Biên, Trần Quốc Cường, a reçu la délégation lao. ảnh 1 Photo : VNA"[...].unicodeScalars) == .french)
    }
}
