import Foundation
import MekongExchange
import MekongGlossary
import MekongTestSupport
import MekongText
import Testing

@testable import MekongJobs

/// Leverage at hand-off: exact matches fill targets, fuzzy ones are offered, the batch is analysed.
@Suite struct LeverageTests {
    static let memory = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="fr" datatype="plaintext"/>
        <body>
        <tu tuid="t1"><tuv xml:lang="fr"><seg>Titre de l'article</seg></tuv><tuv xml:lang="vi"><seg>Tiêu đề bài báo</seg></tuv></tu>
        <tu tuid="t2"><tuv xml:lang="fr-FR"><seg>Le commerce a atteint 4581 tonnes en 2024.</seg></tuv><tuv xml:lang="vi-VN"><seg>Thương mại đạt 4581 tấn năm 2024.</seg></tuv></tu>
        <tu tuid="t3"><tuv xml:lang="fr"><seg>La délégation a visité trois provinces du Nord.</seg></tuv><tuv xml:lang="vi"><seg>Đoàn đã thăm ba tỉnh phía Bắc.</seg></tuv></tu>
        </body></tmx>
        """

    @Test func scoresAreWhatTranslatorsExpect() throws {
        let index = MemoryIndex(units: [
            .init(source: "La délégation a visité trois provinces du Nord.", target: "x", origin: "m", id: nil)
        ])
        let exact = index.matches(for: "La délégation a visité trois provinces du Nord.")
        #expect(exact.first?.score == 100)
        // One word replaced among eight words and a period (weight 0.5): 1 − 1/8.5.
        let oneWord = try #require(index.matches(for: "La délégation a visité quatre provinces du Nord.").first)
        let expected: Double = 100 * (1 - 1 / 8.5)
        #expect(abs(oneWord.score - expected) < 0.01)
        // Case and diacritics weigh less than a word; punctuation less still.
        let caseOnly = try #require(index.matches(for: "la délégation a visité trois provinces du nord.").first)
        #expect(caseOnly.score > oneWord.score)
        let punctuation = try #require(index.matches(for: "La délégation a visité trois provinces du Nord !").first)
        #expect(punctuation.score > oneWord.score)
        #expect(index.matches(for: "Rien à voir avec cela.").isEmpty)
    }

    @Test func numbersArePlaceablesAndAreRepaired() throws {
        let index = MemoryIndex(units: [
            .init(
                source: "Le commerce a atteint 4581 tonnes en 2024.", target: "Thương mại đạt 4581 tấn năm 2024.",
                origin: "m", id: nil)
        ])
        let m = try #require(index.matches(for: "Le commerce a atteint 3200 tonnes en 2025.").first)
        #expect(m.score == 100)
        #expect(m.repaired)
        #expect(m.target == "Thương mại đạt 3200 tấn năm 2025.")
    }

    /// Beyond CAT tools: a match that differs only in glossary names gets the new name's
    /// target-language form, and is marked repaired; a name the target does not write, or one
    /// the glossary has no target form for, leaves the match as scored.
    @Test func glossaryNamesArePlaceablesAndAreRepaired() throws {
        let glossary = try GlossaryStore(directory: TestSupport.path("glossary")).load()
        let index = MemoryIndex(units: [
            .init(
                source: "Le Premier ministre est arrivé à Hanoï le 12 mars.",
                target: "Thủ tướng đã đến Hà Nội ngày 12 tháng 3.", origin: "m", id: nil),
            .init(
                source: "La délégation a visité Vientiane et le Laos.", target: "Đoàn đã thăm thủ đô và đất nước.",
                origin: "m", id: nil),
        ])
        index.names = (NameMatcher(glossary), .french, .vietnamese)
        let m = try #require(index.matches(for: "Le Premier ministre est arrivé à Vientiane le 14 mars.").first)
        #expect(m.repaired)
        #expect(m.score == 100)
        #expect(m.target == "Thủ tướng đã đến Viêng Chăn ngày 14 tháng 3.")
        // The target does not write the old names: scored word by word, not repaired.
        let n = index.matches(for: "La délégation a visité Hanoï et le Laos.", threshold: 50).first
        #expect(n?.repaired == false)
        #expect((n?.score ?? 100) < 100)
        // Without names as placeables, the first is an ordinary fuzzy match.
        let plain = MemoryIndex(units: index.units)
        let p = try #require(plain.matches(for: "Le Premier ministre est arrivé à Vientiane le 14 mars.").first)
        #expect(!p.repaired)
        #expect(p.score < 95)
    }

    @Test(arguments: [XLIFFWriter.Version.v21, .v12])
    func prepareFillsExactMatchesOffersFuzzyOnesAndAnalysesTheBatch(version: XLIFFWriter.Version) throws {
        let folder = TestSupport.temporaryFolder("leverage")
        let tm = folder + "/memory.tmx"
        try Self.memory.write(toFile: tm, atomically: true, encoding: .utf8)
        let article = folder + "/a.txt"
        try
            "Titre de l'article\n\nLa délégation a visité quatre provinces du Nord. Le commerce a atteint 3200 tonnes en 2025.\n\nTitre de l'article\n"
            .write(toFile: article, atomically: true, encoding: .utf8)
        var job = PrepareJob(targets: [.vietnamese], version: version, language: .french, outputFolder: folder + "/out")
        job.memories = [tm]
        let report = try job.run([.file(article)], glossary: Glossary())
        let target = try #require(report.articles.first?.targets.first)
        let analysis = try #require(target.analysis)
        #expect(analysis.segments["100"] == 2)  // the title, and its repetition (an exact match wins over "repetition")
        #expect(analysis.segments["95-99"] == 1)  // numbers repaired
        #expect(analysis.segments["85-94"] == 1)  // one word of eight
        #expect(report.summary.contains("total vi memory: repetitions 0, in-context 0, 100 2 ("))
        let xml = TestSupport.text(target.file)
        #expect(xml.contains("Tiêu đề bài báo"))
        if version == .v12 {
            #expect(xml.contains(#"state="translated" state-qualifier="exact-match""#))
            #expect(xml.contains(#"<alt-trans match-quality="88.2" origin="memory.tmx">"#))
        } else {
            #expect(xml.contains(#"state="translated""#))
            #expect(xml.contains(#"similarity="88.2" type="tm" origin="memory.tmx""#))
            #expect(xml.contains("Thương mại đạt 3200 tấn năm 2025."))
        }
        #expect(try Schemas.validate(file: target.file).1.isEmpty)
    }
}
