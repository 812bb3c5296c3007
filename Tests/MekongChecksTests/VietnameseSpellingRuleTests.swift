import Foundation
import MekongGlossary
import MekongText
import Testing

@testable import MekongChecks

@Suite struct VietnameseSpellingRuleTests {
    func spelling(_ f: [Diagnostic]) -> [Diagnostic] {
        f.filter { $0.rule.hasPrefix("vietnamese-") || $0.rule == "name-style-inconsistent" }
    }

    @Test func impossibleSyllablesInVietnameseTextAreErrors() {
        let f = spelling(check("Ông Nguyễn Văn Cuờng đến tỉnh Bằc Giang hôm qua.", .vietnamese))
        #expect(f.map(\.rule) == ["vietnamese-syllable", "vietnamese-syllable"])
        #expect(f.map(\.found) == ["Cuờng", "Bằc"])
        #expect(f.map(\.expected) == ["Cường", "Bắc"])
        #expect(f.allSatisfy { $0.severity == .error })
        #expect(f.first?.location?.column == 16)
        #expect(f.first?.message.contains("ươ") == true)
    }

    @Test(arguments: ["quôc", "gía", "kơ", "mâ", "Nguyễền", "truờng", "nghành"])
    func eachKindIsFound(_ w: String) {
        let f = spelling(check("Hôm nay \(w) đã đến.", .vietnamese))
        #expect(f.map(\.found) == [w], "\(w)")
    }

    @Test func cleanVietnameseIsClean() {
        let text = """
            Trả lời phỏng vấn , ông Lộc nói : bán đất với giá không được ủy ban tỉnh phê duyệt là không thể chấp nhận được .
            Họ đưa chúng tôi đến khu vực công trường bên cạnh khu rừng , chỉ có ít người Indo đang làm việc tại đó .
            Chiều 23-3 , lãnh đạo cơ quan cảnh sát điều tra công an tp HCM cho biết vụ án vẫn đang trong giai đoạn điều tra .
            Tỉnh Đắk Lắk và Bắc Kạn , ASEAN , thuở ấy , khuya , hoà bình và hòa bình , thủy và thuỷ .
            """
        #expect(spelling(check(text, .vietnamese)).isEmpty, "\(spelling(check(text, .vietnamese)).map(\.description))")
    }

    @Test func irregularNamesOnlyCapitalised() {
        #expect(spelling(check("Tỉnh Đắk Lắk , sông Mê Kông .", .vietnamese)).isEmpty)
        #expect(spelling(check("ông kông đến .", .vietnamese)).map(\.found) == ["kông"])
    }

    @Test func nfdInputIsDecomposedNotFlagged() {
        let f = check("Ông Nguyễn Văn An đến Hà Nội.".decomposedStringWithCanonicalMapping, .vietnamese)
        #expect(spelling(f).isEmpty)
        let bad = spelling(check("Ông Cuờng đến.".decomposedStringWithCanonicalMapping, .vietnamese))
        #expect(bad.map(\.rule) == ["vietnamese-syllable"])
        #expect(bad.first?.expected == "Cường")
    }

    @Test func frenchTextLooksOnlyAtVietnameseOnlyMarks() {
        #expect(spelling(check("Le secrétaire Trân Quôc Cuong est arrivé à l’Élysée.")).isEmpty)
        #expect(spelling(check("José Ángel Müller, São Paulo, Nestlé, ASEAN, Indo.")).isEmpty)
        let f = spelling(check("Le ministre Nguyễn Văn Cuờng a visité Bằc Giang."))
        #expect(f.map(\.found) == ["Cuờng", "Bằc"])
        #expect(f.map(\.expected) == ["Cường", "Bắc"])
    }

    @Test func glossaryNamesAreLeftToTheNameRule() {
        let f = check("Trần Quốc Cuờng est venu.")
        #expect(rules(f) == ["name-diacritics"])
    }

    @Test func unattestedSyllableInAName() {
        let f = spelling(check("Ông Nguyển Văn An phát biểu.", .vietnamese))
        #expect(f.map(\.rule) == ["vietnamese-syllable-unattested"])
        #expect(f.first?.expected == "Nguyễn")
        #expect(f.first?.severity == .warning)
        #expect(spelling(check("Ông Nguyễn Văn Hửu phát biểu.", .vietnamese)).first?.expected == "Hữu")
        #expect(spelling(check("Bà Nguyễn Thỉ Lan phát biểu.", .vietnamese)).first?.expected == "Thị")
        // A given name one mark away from a listed one is left alone (given names are open).
        #expect(spelling(check("Ông Nguyễn Văn Bỉnh phát biểu.", .vietnamese)).isEmpty)
        // French accents only (press style) in French text: not looked at.
        #expect(spelling(check("Les rues de Hô Chi Minh-Ville sont illuminées.")).isEmpty)
        // Not in a name: no warning (the word is a possible syllable).
        #expect(spelling(check("nguyển", .vietnamese)).isEmpty)
    }

    @Test func onsetSpellingInAnUnmarkedWordOfAName() {
        let f = spelling(check("Tỉnh Kao Bằng giáp Trung Quốc.", .vietnamese))
        #expect(f.map(\.found) == ["Kao"])
        #expect(f.first?.expected == "Cao")
    }

    @Test func mixedStylesInAPersonsNameInFrenchText() {
        let f = spelling(check("Selon Nguyên Văn Cuong, la coopération progresse."))
        #expect(f.map(\.rule) == ["name-style-inconsistent"])
        #expect(f.first?.found == "Nguyên Văn Cuong")
        #expect(f.first?.expected == "Nguyên Van Cuong")
        #expect(
            spelling(
                check("Selon Trần Quốc Cuong, la coopération progresse.", glossary: NameMatcher(.init(concepts: [])))
            ).first?.expected == "Trần Quốc Cường")
        // A glossary name is the glossary rules' business.
        #expect(spelling(check("Selon Trân Quốc Cuong, la coopération progresse.")).isEmpty)
        for ok in [
            "Selon Nguyễn Văn An, oui.", "Selon Nguyên Van An, oui.", "Selon Nguyen Van An, oui.",
            "Selon Pham Minh Chinh, oui.",
        ] {
            #expect(spelling(check(ok)).isEmpty, "\(ok)")
        }
        // Vietnamese text: not this rule.
        #expect(
            spelling(check("Ông Trân Quốc Cuong nói.", .vietnamese)).allSatisfy { $0.rule != "name-style-inconsistent" }
        )
    }
}

/// Real sentences (a short excerpt of UD_Vietnamese-VTB, CC BY-SA 4.0, see the fixture's header).
@Suite struct VietnameseSpellingCorpusTests {
    static func sentences() throws -> [String] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/vtb-excerpt.txt"
        ).path
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map(String.init)
    }

    static let impossible = [
        "Bằc", "Cuờng", "kơ", "mâ", "Nguyễền", "quôc", "truờng", "ghà", "tă", "gía", "ngiêm", "hỏp", "Viêt", "đuợc",
    ]

    @Test func cleanSentencesHaveNoDiagnostic() throws {
        let all = try Self.sentences()
        #expect(all.count > 25)
        for s in all {
            let f = check(s, .vietnamese).filter { $0.rule.hasPrefix("vietnamese-") }
            #expect(f.isEmpty, "\(s): \(f.map(\.description))")
        }
    }

    @Test func everyInsertedImpossibleSyllableIsFound() throws {
        for (i, s) in try Self.sentences().enumerated() {
            var words = s.split(separator: " ").map(String.init)
            let bad = Self.impossible[i % Self.impossible.count]
            words.insert(bad, at: words.count / 2)
            let f = check(words.joined(separator: " "), .vietnamese).filter { $0.rule.hasPrefix("vietnamese-") }
            #expect(f.map(\.found) == [bad], "\(words.joined(separator: " "))")
            #expect(f.first?.rule == "vietnamese-syllable")
        }
    }
}
