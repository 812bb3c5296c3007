import Foundation
import MekongTestSupport
import Testing

/// The surprises of a translator's day, each reproduced through the command line.
@Suite struct TranslatorDayCommandTests {
    @Test func prepareSaysWhichLanguageItUsedAndWhy() throws {
        let article = TestSupport.temporaryFile("Le ministre Trần Quốc Cường est arrivé à Điện Biên.\n", name: "court.txt")
        let out = TestSupport.temporaryFolder("prepare")
        let r = try CLI.run(["prepare", article, "--to", "vi", "-o", out])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("court: fr (guessed from function words: 2 French, 0 Vietnamese), 1 segments"))
        #expect(TestSupport.listing(out).contains("court.fr-vi.xlf"))
    }

    @Test func prepareNeverWritesNothingWithExitZero() throws {
        let article = TestSupport.temporaryFile("Bộ trưởng đã đến Điện Biên và làm việc với tỉnh.\n", name: "vi.txt")
        let out = TestSupport.temporaryFolder("prepare")
        let r = try CLI.run(["prepare", article, "--to", "vi", "-o", out])
        #expect(r.status == 1)
        #expect(r.stderr == "\(article): warning: skipped for vi: the article is in vi (guessed from function words: 0 French, 5 Vietnamese)\n")
    }

    @Test func findSaysSoAndSuggests() throws {
        let r = try CLI.run(["glossary", "find", "Vientianne"])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("no concept matches \"Vientianne\"; the nearest:\n  vientiane\tfr: Vientiane\t(one-edit)\n"))
    }

    @Test func addRefusesAFormAnotherConceptHasUnlessForced() throws {
        let g = TestSupport.temporaryFolder("add")
        #expect(try CLI.run(["glossary", "add", "--glossary", g, "--type", "place", "--fr", "Diên Biên"]).status == 0)
        let r = try CLI.run(["glossary", "add", "--glossary", g, "--type", "body", "--fr", "Dien Bien", "--id", "other"])
        #expect(r.status == 2)
        #expect(r.stderr == "\(g): error: not added: the fr form 'Dien Bien' is already a form of dien-bien (--force adds it anyway)\n")
        #expect(try CLI.run(["glossary", "add", "--glossary", g, "--type", "body", "--fr", "Dien Bien", "--id", "other", "--force"]).status == 0)
    }

    @Test func fixWithJSONIsOneObjectAndErrorsLeftExitOne() throws {
        let article = TestSupport.temporaryFile("Le secrétaire Trấn Quốc Cường et Ðiện Biên.\n")
        let r = try CLI.run(["check", "--lang", "fr", "--fix", "--format", "json", article])
        #expect(r.status == 1)                                    // the misspelt name has several right answers in French
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let fixed = try #require(object["fixed"] as? [[String: Any]])
        let remaining = try #require(object["remaining"] as? [[String: Any]])
        #expect(fixed.map { $0["rule"] as? String } == ["look-alike"])
        #expect(remaining.contains { $0["rule"] as? String == "name-diacritics" })
    }

    @Test func oldSpellingsOfOptionsStillWork() throws {
        #expect(try CLI.run(["segment", "--plain", "--lang", "fr", "--format", "lines"], stdin: Data("Un. Deux.".utf8)).stdout == "Un.\nDeux.\n")
        let g = TestSupport.temporaryFolder("alias")
        let csv = TestSupport.temporaryFile("type\tfr\nplace\tHanoï\n", name: "g.txt")
        let r = try CLI.run(["glossary", "import", "--glossary", g, "--format", "tsv", csv])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("read as CSV separated by 'tab'\nadded 1"))
    }

    @Test func termsOfASentence() throws {
        let r = try CLI.run(["glossary", "terms", "Le secrétaire Trấn Quốc Cường est arrivé à Luang Prabang."])
        #expect(r.status == 0)
        #expect(r.stdout == """
            Trấn Quốc Cường\ttran-quoc-cuong (person, proposed)\tfr: Trân Quôc Cuong  vi: Trần Quốc Cường
            Luang Prabang\tluang-prabang (place, approved)\tfr: Luang Prabang  vi: Luang Prabang  lo: ຫຼວງພະບາງ  lo-Latn: Louangphabang

            """)
    }
}
