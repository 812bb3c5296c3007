import Foundation
import MekongExchange
import MekongText
import MekongXML
import Testing

@testable import MekongGlossary

@Suite struct CSVFormatTests {
    @Test func exportThenImportGivesTheSameGlossary() throws {
        let csv = CSVFormat.csv(sampleGlossary())
        #expect(csv.hasPrefix("id,type,status,fr,vi,lo,lo-Latn,note,source\r\n"))
        // The note with a comma and quotes is quoted, quotes doubled.
        #expect(csv.contains(#""secrétaire du Comité provincial du Parti, « Điện Biên »; comma, and ""quotes""""#))
        let rows = try CSVFormat.read(csv, file: "g.csv")
        var g = Glossary()
        let report = CSVFormat.merge(rows, into: &g)
        #expect(report.added.count == 5)
        #expect(g.concepts == sampleGlossary().concepts.map { $0.normalized() })
        // Importing again keeps everything.
        #expect(CSVFormat.merge(rows, into: &g).kept.count == 5)
    }

    @Test func onlyTypeAndFrenchAreRequiredAndRowsMergeByFrenchForm() throws {
        let csv = "fr,type,vi\nDiên Biên,place,Điện Biên Phủ\n\"Vientiane\",place,Viêng Chăn\n"
        var g = sampleGlossary()
        let report = CSVFormat.merge(try CSVFormat.read(csv, file: "x.csv"), into: &g)
        #expect(report.changed == ["dien-bien"])  // matched by the folded French form
        #expect(report.added == ["vientiane"])
        #expect(g["dien-bien"]?.preferred(.vi) == "Điện Biên Phủ")
        #expect(g["vientiane"]?.status == .proposed)
    }

    @Test func errorsNameTheLineAndNothingIsImported() throws {
        let csv = """
            id,type,fr,colour
            a,place,A,red
            """
        let e = #expect(throws: Diagnostics.self) { try CSVFormat.read(csv, file: "x.csv") }
        #expect(
            e?.all.map(\.description) == [
                "x.csv:1:12: error: unknown column 'colour' (expected: id, type, status, fr, vi, lo, lo-Latn, note, source)"
            ])
        let bad = "type,fr,status\nplace,A,approved\nplanet,B,approved\nplace,,proposed\nplace,C\n"
        let e2 = #expect(throws: Diagnostics.self) { try CSVFormat.read(bad, file: "b.csv") }
        #expect(
            e2?.all.map(\.description) == [
                "b.csv:3:1: error: bad type 'planet': expected person, place, office, body, organization, event, other",
                "b.csv:4:7: error: missing French form",
                "b.csv:5:1: error: expected 3 fields, found 2",
            ])
        // Two rows with one id: an error naming both lines, not the last row silently winning.
        let twice = "id,type,fr,vi\nhanoi,place,Hanoï,Hà Nội\nhue,place,Hué,Huế\nhanoi,place,Hanoi,Hà Nôi\n"
        let e3 = #expect(throws: Diagnostics.self) { try CSVFormat.read(twice, file: "t.csv") }
        #expect(e3?.all.map(\.description) == ["t.csv:4:1: error: id 'hanoi' is on line 2 too: one row per concept"])
    }

    @Test func quotedFieldsMayHoldCommasAndLineBreaksButFormsMayNot() throws {
        let csv = "type,fr,note\nplace,\"Hanoï, capitale\",\"a\nb\"\n"
        let e = #expect(throws: Diagnostics.self) { try CSVFormat.read(csv, file: "q.csv") }
        #expect(e?.all.first?.message == "line break or control character in note")
        #expect(throws: Diagnostics.self) { try CSVFormat.read("type,fr\nplace,\"unterminated\n", file: "u.csv") }
        let rows = try CSVFormat.read("type,fr\r\nplace,\"Hanoï, capitale\"\r\n", file: "ok.csv")
        #expect(rows.first?.concept.preferred(.fr) == "Hanoï, capitale")
    }
}

@Suite struct TBXFormatTests {
    func exported(_ version: TBXFormat.Version) throws -> String {
        let path = temporaryDirectory() + "/g.tbx"
        try writeTBX(sampleGlossary(), version, path)
        return path
    }

    @Test func tbx2019IsValidTBXBasic() throws {
        let path = try exported(.v2019)
        let rng = try XMLGrammarValidator(relaxNGPath: standards + "/tbx/TBXcoreStructV03.rng")
        #expect(rng.errors(inFile: path).map(\.description) == [])
        #expect(try TBXFormat.dialectErrors(inFile: path) == [])
        // The validator is not a rubber stamp: the official example passes, a broken file fails.
        #expect(rng.errors(inFile: standards + "/tbx/Example_Astronomy_DCA_VALID.tbx").isEmpty)
        let broken = temporaryDirectory() + "/b.tbx"
        write(read(path).replacingOccurrences(of: "<term>Luang Prabang</term>", with: ""), to: broken)
        #expect(!rng.errors(inFile: broken).isEmpty)
    }

    @Test func tbx2008IsValidAgainstTheDTD() throws {
        let path = try exported(.v2008)
        let dtd = try XMLGrammarValidator(dtdPath: standards + "/tbx/legacy-2008/TBXcoreStructV02.dtd")
        #expect(dtd.errors(inFile: path).map(\.description) == [])
        #expect(read(path).contains("<martif type=\"TBX\" xml:lang=\"fr\">"))
        let broken = temporaryDirectory() + "/b.tbx"
        write(read(path).replacingOccurrences(of: "<tig>", with: "<tig><bogus/>"), to: broken)
        #expect(!dtd.errors(inFile: broken).isEmpty)
    }

    @Test(arguments: TBXFormat.Version.allCases)
    func exportThenImportIsByteForByteOnDisk(version: TBXFormat.Version) throws {
        let original = GlossaryStore(directory: temporaryDirectory())
        try original.save(sampleGlossary())
        let tbx = temporaryDirectory() + "/g.tbx"
        try writeTBX(try original.load(), version, tbx)
        let copy = GlossaryStore(directory: temporaryDirectory())
        try copy.update { g in
            _ = CSVFormat.merge(
                try TBXFormat.read(path: tbx).map { CSVFormat.Row(line: 0, concept: $0, hasID: true) }, into: &g)
        }
        for type in ConceptType.allCases {
            #expect(read(copy.path(for: type)) == read(original.path(for: type)), "\(type)")
        }
    }

    @Test func readsTheSharedSamplesOfBothVersions() throws {
        let basic = try TBXFormat.read(path: standards + "/samples/tbx-basic-fr-vi-lo.tbx")
        #expect(basic.map { $0.preferred(.fr) } == ["Premier ministre", "Vientiane"])
        #expect(basic.last?.preferred(.lo) == "ວຽງຈັນ")
        let legacy = try TBXFormat.read(path: standards + "/samples/tbx2008-martif-minimal.tbx")
        #expect(legacy.first?.preferred(.vi) == "Thủ tướng")
    }

    @Test func malformedAndHostileTBXAreErrors() throws {
        #expect(throws: Diagnostic.self) { try TBXFormat.read(bytes: Array("<tbx><text>".utf8), name: "t.tbx") }
        #expect(throws: Diagnostics.self) { try TBXFormat.read(bytes: Array("<other/>".utf8), name: "t.tbx") }
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <tbx><text><body><conceptEntry id="a"><langSec xml:lang="fr"><termSec><term>A&x;</term></termSec></langSec></conceptEntry></body></text></tbx>
            """
        #expect(throws: Diagnostic.self) { try TBXFormat.read(bytes: Array(xxe.utf8), name: "x.tbx") }
        let german =
            #"<tbx><text><body><conceptEntry id="a"><langSec xml:lang="de"><termSec><term>A</term></termSec></langSec></conceptEntry></body></text></tbx>"#
        let e = #expect(throws: Diagnostics.self) { try TBXFormat.read(bytes: Array(german.utf8), name: "de.tbx") }
        #expect(e?.all.first?.message == "unsupported language 'de' (Mekong keeps fr, vi, lo and lo-Latn)")
    }

    @Test func controlCharactersAreNeverWrittenAsBrokenXML() throws {
        var g = Glossary()
        g.upsert(Concept(id: "a", type: .other, terms: [.fr: Terms(cell: "A")], note: "bad \u{0B} char"))
        #expect(throws: Diagnostic.self) { try TBXFormat.bytes(g, version: .v2019) }
    }
}

@Suite struct OmegaTGlossaryTests {
    @Test func pairsEverySourceFormWithThePreferredTarget() {
        let text = OmegaTGlossary.text(sampleGlossary(), source: .fr, target: .vi)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines.contains("Diên Biên\tĐiện Biên\tplace; province"))
        #expect(lines.contains("Dien Bien\tĐiện Biên\tplace; province"))
        #expect(!text.contains("Tran Quoc Cuon\t"))  // forbidden forms are not offered
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 3 })
        let lao = OmegaTGlossary.text(sampleGlossary(), source: .fr, target: .lo)
        #expect(lao.contains("Luang Prabang\tຫຼວງພະບາງ\tplace; proposed"))
    }
}

/// Writes TBX to a file the way `mekong glossary export -o` does: through an atomic writer.
func writeTBX(_ g: Glossary, _ version: TBXFormat.Version, _ path: String) throws {
    let file = try AtomicWriter(path: path)
    try TBXFormat.write(g, version: version, to: file)
    try file.commit()
}
