import MekongText
import Testing

@testable import MekongChecks
@testable import MekongGlossary

@Suite struct PressStyleTests {
    @Test(arguments: [
        ("Trần Quốc Cường", "Trân Quôc Cuong"), ("Điện Biên", "Diên Biên"), ("Lê Thành Đô", "Lê Thành Dô"),
        ("Bùi Thanh Sơn", "Bùi Thanh Son"), ("Phạm Minh Chính", "Pham Minh Chinh"), ("Tô Lâm", "Tô Lâm"),
        ("Trần Sỹ Thanh", "Trân Sy Thanh"), ("Việt Nam", "Viêt Nam"), ("Hà Nội", "Hà Nôi"),
        ("Vũ Đức Đam", "Vu Duc Dam"),
        ("Nguyễn Thị Kim Ngân", "Nguyên Thi Kim Ngân"),
    ])
    func pressFormIsDerivedFromTheVietnamese(vietnamese: String, press: String) {
        #expect(NameStyle.press.form(of: vietnamese) == press)
    }

    @Test func asciiDropsEverything() {
        #expect(NameStyle.ascii.form(of: "Trần Quốc Cường") == "Tran Quoc Cuong")
        #expect(NameStyle.ascii.form(of: "Điện Biên") == "Dien Bien")
    }
}

@Suite struct NameRuleTests {
    @Test func correctNamesInAnyStyleAreAccepted() {
        for text in [
            "Trân Quôc Cuong est venu.", "Trần Quốc Cường est venu.", "Tran Quoc Cuong est venu.",
            "TRAN QUOC CUONG est venu.",
        ] {
            #expect(check(text).isEmpty, "\(text)")
        }
    }

    @Test func wrongDiacriticsAreErrorsWithTheExpectedForm() {
        let f = check("Le secrétaire Trấn Quốc Cường a parlé.")
        #expect(rules(f) == ["name-diacritics"])
        #expect(f.first?.expected == "Trần Quốc Cường")  // closest style: full
        #expect(f.first?.concept == "tran-quoc-cuong")
        #expect(f.first?.location?.column == 15)
        #expect(f.first?.severity == .error)
        #expect(
            f.first?.description
                == "t.txt:1:15: error: found \"Trấn Quốc Cường\", expected \"Trần Quốc Cường\" [name-diacritics] (tran-quoc-cuong)"
        )
        #expect(rules(check("Trần Quốc Cuờng")) == ["name-diacritics"])
    }

    @Test func styleOptionDecidesTheExpectedForm() {
        #expect(rules(check("Tran Quoc Cuong", style: .press)) == ["name-diacritics"])
        #expect(check("Tran Quoc Cuong", style: .press).first?.expected == "Trân Quôc Cuong")
        #expect(check("Trân Quôc Cuong", style: .press).isEmpty)
        #expect(check("Trần Quốc Cường", style: .full).isEmpty)
        #expect(check("Trần Quốc Cường", style: .ascii).first?.expected == "Tran Quoc Cuong")
        #expect(check("Tran Quoc Cuong", style: .press).first?.fixable == true)
    }

    @Test func vietnameseTextExpectsTheFullForm() {
        #expect(check("Ông Trần Quốc Cường nói.", .vietnamese).isEmpty)
        #expect(check("Ông Trân Quôc Cuong nói.", .vietnamese).first?.expected == "Trần Quốc Cường")
    }

    @Test func laoTextExpectsTheLaoForm() {
        #expect(check("ທ່ານ ສອນໄຊ ສີພັນດອນ ໄດ້ກ່າວ", .lao).isEmpty)
        let f = check("ທ່ານ ສອນໄຊ ສີພັນດອນ່ ໄດ້ກ່າວ", .lao)  // a stray tone mark
        #expect(rules(f) == ["lao-name-spelling"])
        #expect(f.first?.expected == "ສອນໄຊ ສີພັນດອນ")
    }

    @Test func exonymsAndAdjectivesAreNotVietnameseNames() {
        // "lao" (French adjective) matches the romanised Lao form of Laos, not a misspelt "Lào".
        #expect(check("les provinces lao de Phongsaly et le Laos.").isEmpty)
        #expect(check("à Hanoï, au Laos").isEmpty)
        // Two accepted spellings in one document: an editor wants to know.
        #expect(rules(check("à Hanoï et à Hanoi")) == ["name-inconsistent"])
    }

    @Test func forbiddenFormIsAnError() {
        let f = check("à Luang Phrabang")
        #expect(rules(f) == ["forbidden-form"])
        #expect(f.first?.expected == "Luang Prabang")
    }

    @Test func mixedStylesInOneDocumentGetAWarning() {
        let f = check("Trân Quôc Cuong et Lê Thành Dô.\nTran Quoc Cuong encore et Diên Biên.")
        #expect(rules(f) == ["name-style-mix"])
        #expect(f.first?.location?.line == 2)
        #expect(f.first?.expected == "Trân Quôc Cuong")
        #expect(f.first?.severity == .warning)
    }

    @Test func aNameWrittenTwoWaysIsReported() {
        // Two styles of a Vietnamese name: the style-mix warning says it.
        #expect(rules(check("Diên Biên et Dien Bien.")) == ["name-style-mix"])
        // Two accepted variants of another name.
        // different keys: variants, not misspellings
        #expect(rules(check("Sonexay Siphandone puis Sonesay Siphandone")) == [])
        #expect(rules(check("Luang Prabang puis LUANG PRABANG")) == [])  // case is not spelling
    }

    @Test func stutteredNameIsAWarningWithAFix() {
        let f = check("entre Diên Biên Biên et les provinces")
        #expect(rules(f) == ["repeated-fragment"])
        #expect(f.first?.found == "Diên Biên Biên")
        #expect(f.first?.expected == "Diên Biên")
        #expect(check("Diên Biên, Biên Hòa").filter { $0.rule == "repeated-fragment" }.isEmpty)
    }

    /// Found on the end-to-end articles: "(Phan Công Nam) 4 g/dl" was reported as a misspelt
    /// "Phan Công Nam 4". Folding turns punctuation into spaces; a name still must not run
    /// across a bracket, a comma, a quote or a full stop its form does not have.
    @Test func aNameDoesNotRunAcrossABracketACommaOrAFullStop() {
        for text in [
            "(Trần Quốc) Cường est venu.", "Trần Quốc, Cường et lui.", "Il a vu Trần Quốc. Cường est venu.",
            "« Trần Quốc » Cường", "Trần Quốc/Cường",
        ] {
            #expect(check(text).allSatisfy { $0.concept != "tran-quoc-cuong" }, "\(text)")
        }
        // Hyphens, apostrophes, dashes and no-break spaces are inside a name: still found.
        for text in ["Trấn-Quốc Cường", "Trấn\u{A0}Quốc\u{202F}Cường", "Trấn’Quốc Cường", "Trấn – Quốc Cường"] {
            #expect(check(text).map(\.concept) == ["tran-quoc-cuong"], "\(text)")
        }
    }

    @Test func unknownNamesAndOrdinaryWordsAreLeftAlone() {
        #expect(check("Nguyễn Văn An et Marie Dupont ont visité la cathédrale de Reims.").isEmpty)
        #expect(check("La coopération économique s’est renforcée à Paris.").isEmpty)
    }

    @Test func matchingDoesNotDependOnTheGlossarySizeForCorrectness() {
        // A name inside a longer unknown name is still a name (longest match first).
        #expect(check("Trân Quôc Cuong Junior").isEmpty)
    }
}

@Suite struct HygieneRuleTests {
    @Test func decomposedTextIsReportedLetterByLetterOutsideNames() {
        let f = check("la coope\u{0301}ration e\u{0301}conomique")
        #expect(rules(f) == ["not-nfc", "not-nfc"])
        #expect(f.first?.expected == "é")
        #expect(f.first?.fixable == true)
        #expect(f.first?.severity == .warning)
    }

    @Test func aDecomposedNameIsOneFindingWithTheWholeName() {
        let f = check("Tra\u{0302}\u{0300}n Quo\u{0302}\u{0301}c Cu\u{031B}o\u{031B}\u{0300}ng")
        #expect(rules(f) == ["not-nfc"])
        #expect(f.first?.expected == "Trần Quốc Cường")
        #expect(f.first?.severity == .warning)
        #expect(f.first?.concept == "tran-quoc-cuong")
        // Decomposed and misspelt: one error, the whole right name.
        let g = check("Tra\u{0302}\u{0300}n Quo\u{0302}\u{0301}c Cu\u{031B}o\u{031B}\u{0301}ng", style: .full)
        #expect(rules(g) == ["name-diacritics"])
        #expect(g.first?.expected == "Trần Quốc Cường")
    }

    @Test func lookAlikeEthInANameIsAnErrorWithTheWholeName() {
        let f = check("la province de Ðiện Biên")
        #expect(rules(f) == ["look-alike"])
        #expect(f.first?.expected == "Điện Biên")
        #expect(f.first?.location?.column == 16)
        #expect(f.first?.severity == .error)
        // Outside a name: the letter.
        #expect(check("le mot Ðo").first?.expected == "Đ")
    }

    @Test func cyrillicLetterInALatinWord() {
        let f = check("le Comitе central")  // Cyrillic е (U+0435)
        #expect(f.first?.rule == "look-alike")
        #expect(f.first?.expected == "e")
    }

    @Test func invisibleCharactersAreReported() {
        let f = check("Diên\u{200B} Biên et\u{00A0}le\u{0007}")
        #expect(rules(f).filter { $0 == "invisible-character" }.count == 2)  // NBSP is fine
        #expect(f.allSatisfy { $0.expected == "" || $0.rule != "invisible-character" })
    }

    @Test func laoSpellingProblems() {
        let f = check("ບ້ານຫນອງ ແລະ ທ\u{0ECD}\u{0EB2}ງານ", .lao)
        #expect(Set(rules(f)) == ["lao-ho-ligature", "lao-am"])
        #expect(f.first { $0.rule == "lao-ho-ligature" }?.expected == "ໜ")
    }

    @Test func toneMarkPlacementMinorityIsReported() {
        let f = check("Hòa Bình, khỏe, thủy.\nHoà Bình", .vietnamese)
        #expect(rules(f) == ["tone-placement"])
        #expect(f.first?.found == "Hoà")
        #expect(f.first?.expected == "Hòa")
        #expect(f.first?.severity == .info)
        #expect(check("Hoà Bình, thuỷ", .vietnamese).isEmpty)  // consistent: nothing
        #expect(check("Hoà Bình", .vietnamese, tone: .old).first?.expected == "Hòa")
        #expect(check("quý hòa", .vietnamese, tone: .new).map(\.found) == ["hòa"])  // quý: no choice
    }
}
