import Testing

@testable import MekongText

@Suite struct FoldingTests {
    @Test(arguments: [
        ("Điện Biên", "dien bien"), ("Diên Biên", "dien bien"), ("DIEN-BIEN", "dien bien"), ("dien bien", "dien bien"),
        ("Trần Quốc Cường", "tran quoc cuong"), ("Trân Quôc Cuong", "tran quoc cuong"),
        ("Ðiện Biên", "dien bien"),  // U+00D0 look-alike still found
        ("Tr\u{1EA7}n", "tran"), ("Tra\u{0300}\u{0302}n", "tran"),  // NFC and NFD
        ("L’Œuvre d'Hanoï", "l oeuvre d hanoi"), ("  Luang   Prabang ", "luang prabang"),
        ("Parti populaire révolutionnaire lao (PPRL)", "parti populaire revolutionnaire lao pprl"),
        ("ຫຼວງພະບາງ", "ຫຼວງພະບາງ"),
    ])
    func keys(text: String, key: String) {
        #expect(Folding.key(text) == key)
    }

    @Test func laoToneMarksGoButVowelSignsStay() {
        // ສີ່ (tone mark U+0EC8 after the vowel sign) → ສີ ; the vowel sign ີ (U+0EB5) stays.
        #expect(Folding.laoWithoutToneMarks("ສີ່") == "ສີ")
        #expect(Folding.laoWithoutToneMarks("ເລີ່ມ") == "ເລີມ")
    }
}

@Suite struct ScriptChecksTests {
    @Test func lookAlikeDIsFlagged() {
        let f = ScriptChecks.lookAlikes(in: "Ðiện Biên")
        #expect(f.map(\.rule) == ["look-alike"])
        #expect(f.first?.expected == "Đ")
        #expect(f.first?.offset == 0)
        #expect(ScriptChecks.lookAlikes(in: "Điện Biên").isEmpty)
    }

    @Test func cyrillicInsideLatinWordIsFlagged() {
        #expect(ScriptChecks.lookAlikes(in: "Hanoi\u{0456}").count == 1)  // Cyrillic і
        #expect(ScriptChecks.lookAlikes(in: "Москва").isEmpty)  // a Cyrillic word is fine
    }

    @Test func thaiInsideLaoIsFlagged() {
        #expect(ScriptChecks.lookAlikes(in: "ລາว").count == 1)  // Thai ว (U+0E27) after Lao
    }

    @Test func laoSpellingVariants() {
        #expect(ScriptChecks.laoSpelling(in: "ຫນອງ").map(\.rule) == ["lao-ho-ligature"])
        #expect(ScriptChecks.laoSpelling(in: "ຫນອງ").first?.expected == "ໜ")
        #expect(ScriptChecks.laoSpelling(in: "ຫມູ").first?.expected == "ໝ")
        #expect(ScriptChecks.laoSpelling(in: "ທ\u{0ECD}\u{0EB2}").map(\.rule) == ["lao-am"])
        // tone before vowel sign
        #expect(ScriptChecks.laoSpelling(in: "ສ\u{0EC8}\u{0EB5}").map(\.rule) == ["lao-mark-order"])
        #expect(ScriptChecks.laoSpelling(in: "\u{0EB5}ກ").map(\.rule) == ["lao-stray-mark"])
        #expect(ScriptChecks.laoSpelling(in: "ໜອງ ໝູ ທຳ ສີ່ ຫຼວງພະບາງ").isEmpty)
    }
}
