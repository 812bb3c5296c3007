import Foundation
import MekongTestSupport
import Testing

@Suite struct PrepareCommandTests {
    /// The committed exports are what the code writes today: regenerate and compare byte for byte.
    @Test func committedExportsHaveNotDrifted() throws {
        let out = TestSupport.temporaryFolder("prepare")
        let r = try CLI.run(["prepare", "seeds/", "--to", "vi,lo", "-o", out])
        #expect(r.status == 0)
        let committed = CLI.repository.appendingPathComponent("exports").path
        let generated = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        let expected = try FileManager.default.contentsOfDirectory(atPath: committed).filter { $0 != "README.md" }
            .sorted()
        #expect(generated == expected)
        for name in generated {
            #expect(
                FileManager.default.contents(atPath: out + "/" + name)
                    == FileManager.default.contents(atPath: committed + "/" + name),
                "exports/\(name) drifted: run `swift run mekong prepare seeds/ --to vi,lo` and review the diff")
        }
    }

    @Test func everyExportValidates() throws {
        let committed = CLI.repository.appendingPathComponent("exports").path
        let files = try FileManager.default.contentsOfDirectory(atPath: committed).filter {
            $0.hasSuffix(".xlf") || $0.hasSuffix(".tmx")
        }
        .map { committed + "/" + $0 }
        let r = try CLI.run(["validate"] + files)
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == files.count)
    }

    @Test func validateReportsInvalidFilesWithExitOne() throws {
        let bad = CLI.temporaryFile(
            Array(#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file/></xliff>"#.utf8),
            name: "bad.xlf")
        let r = try CLI.run(["validate", bad])
        #expect(r.status == 1)
        #expect(r.stdout.contains("bad.xlf:1"))
        let broken = CLI.temporaryFile(Array("<xliff>".utf8), name: "broken.xlf")
        #expect(try CLI.run(["validate", broken]).status == 1)
        #expect(try CLI.run(["validate", "/nonexistent.xlf"]).status == 2)
    }

    @Test func xliff12ForOmegaTHasTargets() throws {
        let out = TestSupport.temporaryFolder("prepare12")
        #expect(
            try CLI.run(["prepare", "seeds/001_484350ca943d9f8b.txt", "--to", "vi", "--xliff", "1.2", "-o", out]).status
                == 0)
        let xml = String(
            decoding: FileManager.default.contents(atPath: out + "/001_484350ca943d9f8b.fr-vi.xlf")!, as: UTF8.self)
        #expect(xml.contains(#"<target xml:lang="vi" state="needs-translation">"#))
        #expect(try CLI.run(["validate", out + "/001_484350ca943d9f8b.fr-vi.xlf"]).status == 0)
    }
}
