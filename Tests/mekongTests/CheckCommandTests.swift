import Foundation
import MekongTestSupport
import Testing

@Suite struct CheckCommandTests {
    @Test func errorsExitOneAndTextFormatIsTheDocumentedOne() throws {
        let file = CLI.temporaryFile(Array("Titre\n\nLe secrétaire Trấn Quốc Cường a parlé.\n".utf8))
        let r = try CLI.run(["check", "--lang", "fr", file])
        #expect(r.status == 1)
        #expect(
            r.stdout
                == "\(file):3:15: error: found \"Trấn Quốc Cường\", expected \"Trần Quốc Cường\" [name-diacritics] (tran-quoc-cuong)\n"
        )
    }

    @Test func warningsAloneExitZero() throws {
        let r = try CLI.run([
            "check", "--lang", "fr", CLI.repository.appendingPathComponent("seeds/000_ac40248b14b1adc8.txt").path,
        ])
        #expect(r.status == 0)
        #expect(r.stdout.contains("[repeated-fragment] (dien-bien)"))
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let r = try CLI.run(
            ["check", "--lang", "fr", "--format", "json"], stdin: Data("Ðiện Biên et Trần Quốc Cuờng\n".utf8))
        #expect(r.status == 1)
        let array = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        #expect(array.count == 2)
        for o in array {
            #expect(
                Set(o.keys) == [
                    "file", "line", "column", "severity", "rule", "found", "expected", "concept", "message",
                ])
        }
        #expect(array[0]["rule"] as? String == "look-alike")
        #expect(array[0]["column"] as? Int == 1)
        #expect(array[1]["concept"] as? String == "tran-quoc-cuong")
        #expect(array[1]["file"] as? String == "<stdin>")
    }

    @Test func fixAppliesOnlyUnambiguousFixesAtomically() throws {
        let file = CLI.temporaryFile(
            Array("Ðiện Biên Biên et Tràn Quoc Cuong.\r\nLe\u{200B} ministre Trấn Quốc Cường.\r\n".utf8))
        let r = try CLI.run(["check", "--lang", "fr", "--style", "press", "--fix", file])
        #expect(r.status == 0)
        let fixed = String(decoding: FileManager.default.contents(atPath: file)!, as: UTF8.self)
        #expect(fixed == "Diên Biên et Trân Quôc Cuong.\r\nLe ministre Trân Quôc Cuong.\r\n")  // press style: Đ → D too
        #expect(r.stdout.contains("fixed \"Tràn Quoc Cuong\" -> \"Trân Quôc Cuong\" [name-diacritics]"))
        // Without a style, a misspelt name has several right answers: no fix.
        let other = CLI.temporaryFile(Array("Le ministre Trấn Quốc Cường.\n".utf8))
        _ = try CLI.run(["check", "--lang", "fr", "--fix", other])
        #expect(
            String(decoding: FileManager.default.contents(atPath: other)!, as: UTF8.self)
                == "Le ministre Trấn Quốc Cường.\n")
    }

    @Test func ignoredRulesAreNeitherRunNorReported() throws {
        let file = CLI.temporaryFile(Array("Ông Nguyễn Văn Cuờng về Bằc Giang ; hòa , khỏe , thuỷ .\n".utf8))
        let all = try CLI.run(["check", "--lang", "vi", file])
        #expect(all.stdout.contains("[vietnamese-syllable]"))
        #expect(all.stdout.contains("[tone-placement]"))
        let some = try CLI.run(["check", "--lang", "vi", "--ignore", "vietnamese-syllable,tone-placement", file])
        #expect(!some.stdout.contains("[vietnamese-syllable]"))
        #expect(!some.stdout.contains("[tone-placement]"))
        #expect(some.status == 0)
    }

    @Test func xliffTargetsAreChecked() throws {
        let xlf = CLI.temporaryFile(Array(ImportCommandTests.translated.utf8), name: "t.fr-vi.xlf")
        let r = try CLI.run(["check", xlf])
        #expect(r.status == 1)
        #expect(
            r.stdout
                == "\(xlf)#a-p2-s1:1:5: error: found \"Trấn Quốc Cường\", expected \"Trần Quốc Cường\" [name-diacritics] (tran-quoc-cuong)\n"
        )
    }

    @Test func badInputExitsTwo() throws {
        let bad = CLI.temporaryFile([0x41, 0xFF, 0x0A])
        let r = try CLI.run(["check", "--lang", "fr", bad])
        #expect(r.status == 2)
        #expect(r.stderr == "\(bad):1:2: error: invalid UTF-8\n")
        #expect(try CLI.run(["check", "--lang", "xx"], stdin: Data()).status == 2)
    }
}
