import Foundation
import MekongChecks
import MekongExchange
import MekongGlossary
import MekongTestSupport
import MekongText
import Testing

@testable import MekongJobs

/// A translator's day without surprises: no lost rows, no silent emptiness, fixes that settle.
@Suite struct GlossaryImportMergeTests {
    /// A glossary with one complete, approved concept.
    func glossary() throws -> GlossaryLocation {
        let dir = TestSupport.temporaryFolder("merge")
        try GlossaryStore(directory: dir).save(
            Glossary(concepts: [
                Concept(
                    id: "luang-prabang", type: .place, status: .approved,
                    terms: [
                        .fr: Terms(cell: "Luang Prabang"), .vi: Terms(cell: "Luang Prabang"),
                        .lo: Terms(cell: "ຫຼວງພະບາງ"),
                        .loLatn: Terms(cell: "Louangphabang"),
                    ],
                    note: "Lao province", sources: ["seeds/000_ac40248b14b1adc8.txt:3"])
            ]))
        return GlossaryLocation(option: dir, environment: [:])
    }

    @Test func aFileWithFewerColumnsChangesOnlyWhatItGives() throws {
        let g = try glossary()
        let csv = TestSupport.temporaryFile("type,fr,vi\nplace,Luang Prabang,Luang Pha Bang\n", name: "few.csv")
        let report = try GlossaryImportJob(file: csv).run(into: g)
        #expect(report.merge.changed == ["luang-prabang"])
        #expect(report.merge.changes["luang-prabang"] == ["vi: Luang Prabang → Luang Pha Bang"])
        let c = try #require(try g.load()["luang-prabang"])
        #expect(c.preferred(.lo) == "ຫຼວງພະບາງ")
        #expect(c.preferred(.loLatn) == "Louangphabang")
        #expect(c.note == "Lao province")
        #expect(c.sources == ["seeds/000_ac40248b14b1adc8.txt:3"])
        #expect(c.status == .approved)
    }

    @Test func anEmptyCellChangesNothingUnlessClearEmpty() throws {
        let g = try glossary()
        let csv = TestSupport.temporaryFile(
            "type,status,fr,lo,note\nplace,proposed,Luang Prabang,,\n", name: "empty.csv")
        let kept = try GlossaryImportJob(file: csv).run(into: g)
        #expect(kept.merge.kept == ["luang-prabang"])  // and the status is not lowered
        #expect(try g.load()["luang-prabang"]?.status == .approved)
        let cleared = try GlossaryImportJob(file: csv, clearEmpty: true).run(into: g)
        #expect(cleared.merge.changes["luang-prabang"] == ["lo: ຫຼວງພະບາງ → (empty)", "note: Lao province → (empty)"])
        #expect(try g.load()["luang-prabang"]?.preferred(.lo) == nil)
    }

    @Test func aDryRunShowsTheChangesAndWritesNothing() throws {
        let g = try glossary()
        let before = TestSupport.text(g.store.path(for: .place))
        let csv = TestSupport.temporaryFile(
            "type,fr,vi\nplace,Luang Prabang,Luang Pha Bang\nplace,Vientiane,Viêng Chăn\n", name: "dry.csv")
        let report = try GlossaryImportJob(file: csv, dryRun: true).run(into: g)
        #expect(report.merge.added == ["vientiane"])
        #expect(report.merge.changed == ["luang-prabang"])
        #expect(TestSupport.text(g.store.path(for: .place)) == before)
    }

    @Test func excelCSVWithABomSemicolonsAndCRLFIsRead() throws {
        let g = try glossary()
        let csv = TestSupport.temporaryFile(
            [0xEF, 0xBB, 0xBF] + Array("type;fr;vi\r\nplace;\"Hanoï; capitale\";Hà Nội\r\n".utf8), name: "excel.csv")
        let report = try GlossaryImportJob(file: csv).run(into: g)
        #expect(report.separator == ";")
        #expect(report.merge.added == ["hanoi-capitale"])
        #expect(try g.load()["hanoi-capitale"]?.preferred(.vi) == "Hà Nội")
    }
}

@Suite struct GlossarySearchTests {
    static let index = GlossaryIndex(
        Glossary(concepts: [
            Concept(id: "vientiane", type: .place, terms: [.fr: Terms(cell: "Vientiane")]),
            Concept(id: "kaysone", type: .person, terms: [.fr: Terms(cell: "Kaysone Phomvihane")]),
            Concept(
                id: "tran-quoc-cuong", type: .person,
                terms: [.fr: Terms(cell: "Trân Quôc Cuong"), .vi: Terms(cell: "Trần Quốc Cường")]),
        ]))

    @Test func nothingFoundSuggestsTheNearestConcepts() {
        #expect(Self.index.find("Vientianne").isEmpty)
        #expect(Self.index.suggestions(for: "Vientianne").map(\.conceptIndex) == [2])
        #expect(
            Self.index.suggestions(for: "Phomvihan").first.map { Self.index.glossary.concepts[$0.conceptIndex].id }
                == "kaysone")
        // The same consonants, other vowels: "Tran Quac Cong" → Trần Quốc Cường.
        #expect(Self.index.suggestions(for: "Tren Quac Cong").first?.how == .consonants)
        #expect(Self.index.suggestions(for: "Zzzz").isEmpty)
    }

    @Test func aFormAnotherConceptHasIsNamed() {
        let g = Self.index.glossary
        let shared = g.sharedForms(
            of: Concept(id: "new", type: .place, terms: [.fr: Terms(cell: "vientiane | Vientiane-ville")]))
        #expect(shared.map(\.description) == ["the fr form 'vientiane' is already a form of vientiane"])
    }
}

@Suite struct ToneStyleAndGlossaryTests {
    static let glossary = Glossary(concepts: [
        Concept(
            id: "uy-ban", type: .body,
            terms: [.fr: Terms(cell: "comité populaire"), .vi: Terms(cell: "Ủy ban nhân dân")])
    ])

    @Test(arguments: [ToneStyle.new, .old])
    func fixesSettleAndTheGlossaryFormWinsInsideTheName(style: ToneStyle) throws {
        let path = TestSupport.temporaryFile("Uỷ ban nhân dân đã họp. Ủy viên mới, hoà bình và hòa giải.\n")
        var remaining: [Diagnostic] = []
        let report = try CheckJob(language: .vietnamese, toneStyle: style, fix: true).run(
            [.file(path)], glossary: Self.glossary
        ) {
            remaining.append($0)
        }
        let text = TestSupport.text(path)
        #expect(text.hasPrefix("Ủy ban nhân dân"))  // the glossary's spelling
        if style == .new {
            #expect(text == "Ủy ban nhân dân đã họp. Uỷ viên mới, hoà bình và hoà giải.\n")
        } else {
            #expect(text == "Ủy ban nhân dân đã họp. Ủy viên mới, hòa bình và hòa giải.\n")
        }
        #expect(remaining.isEmpty)
        #expect(report.outcome == .ok)
        #expect(report.fixed.count <= 4)  // no flip-flopping between rules
    }
}

@Suite struct ImportMemoryTests {
    @Test func aUnitTMXCannotHoldIsSkippedWithAWarningAndTheOthersKept() throws {
        let xlf = TestSupport.temporaryFile(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="vi">
              <file id="f"><unit id="u1"><segment id="s1"><source>Une phrase.</source><target>Một câu<cp hex="0001"/>.</target></segment></unit>
              <unit id="u2"><segment id="s2"><source>Deux phrases.</source><target>Hai câu.</target></segment></unit></file>
            </xliff>
            """, name: "cp.xlf")
        let tm = (xlf as NSString).deletingLastPathComponent + "/memory.tmx"
        let report = try ImportJob(memoryPath: tm).run([xlf], glossary: Glossary())
        #expect(
            report.warnings.map(\.description) == [
                "\(xlf)#s1: warning: not added to the memory: U+0001 cannot be stored in TMX"
            ])
        #expect(report.added == 1)
        #expect(TestSupport.text(tm).contains("<seg>Hai câu.</seg>"))
        #expect(report.outcome == .ok)
    }
}

@Suite struct MemoryKeptWholeTests {
    static let xliff = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="vi">
          <file id="f"><unit id="u1"><segment id="s1"><source>Le Premier ministre est arrivé à Vientiane.</source><target>Thủ tướng đã đến Viêng Chăn.</target></segment></unit>
          <unit id="u2"><segment id="s2"><source>Le Bureau politique s'est réuni.</source><target>Bộ Chính trị đã nhóm họp.</target></segment></unit>
          <unit id="u3"><segment id="s3"><source>Une phrase nouvelle.</source><target>Một câu mới.</target></segment></unit></file>
        </xliff>
        """

    @Test func aMemoryFromAnotherToolIsKeptByteForByteAndNewPairsAppended() throws {
        let folder = TestSupport.temporaryFolder("memory")
        let tm = folder + "/memory.tmx"
        let original = TestSupport.bytes(TestSupport.fixture("standards/samples/tmx14-fr-vi-lo.tmx"))
        _ = FileManager.default.createFile(atPath: tm, contents: Data(original))
        let xlf = TestSupport.temporaryFile(Self.xliff, name: "t.xlf")
        let report = try ImportJob(memoryPath: tm).run([xlf], glossary: Glossary())
        // s1 is in the memory already; s2's source is, with another translation (a change); s3 is new.
        #expect(report.added == 2)
        #expect(report.files.first?.changed == ["s2"])
        #expect(report.total == 4)
        let updated = TestSupport.bytes(tm)
        let end = try #require(original.lastRange(of: Array("</body>".utf8))).lowerBound
        #expect(Array(updated.prefix(end)) == Array(original.prefix(end)))  // header, props, bpt/ept, Lao: as they were
        #expect(Array(updated.suffix(original.count - end)) == Array(original.suffix(original.count - end)))
        #expect(TestSupport.text(tm).contains("<seg>Một câu mới.</seg>"))
        let (format, errors) = try Schemas.validate(file: tm)
        #expect(format == .tmx)
        #expect(errors.isEmpty)
        // Importing again adds nothing.
        let again = try ImportJob(memoryPath: tm).run([xlf], glossary: Glossary())
        #expect(again.added == 0)
        #expect(TestSupport.bytes(tm) == updated)
    }

    @Test func codesInASegmentAreNotItsText() throws {
        var units: [TMXWriter.Unit] = []
        try TMXReader.read(path: TestSupport.fixture("standards/samples/tmx14-fr-vi-lo.tmx")) { units.append($0) }
        #expect(units[1].variants[0].text == "Le Bureau politique s'est réuni.")
    }
}
