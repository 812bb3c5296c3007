import Foundation
import MekongTestSupport
import Testing

@Suite struct ReportCommandTests {
    /// `data-rule="…" data-severity="…" data-line="…" data-column="…"` of every finding mark.
    static func marks(_ html: String) -> [String] {
        let re = try! NSRegularExpression(
            pattern:
                #"<mark class="f [^"]*"[^>]* data-rule="([^"]*)" data-severity="([^"]*)" data-line="([^"]*)" data-column="([^"]*)""#
        )
        return re.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { m in
            (1...4).map { String(html[Range(m.range(at: $0), in: html)!]) }.joined(separator: " ")
        }.sorted()
    }

    static func checkFindings(_ arguments: [String]) throws -> [String] {
        let r = try CLI.run(["check", "--format", "json"] + arguments)
        let array = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        return array.map { o in
            [o["rule"], o["severity"], o["line"], o["column"]].map { v in
                (v as? Int).map(String.init) ?? (v as? String) ?? ""
            }.joined(separator: " ")
        }.sorted()
    }

    @Test func seedsPageHasTheFindingsOfCheckAndExitsLikeCheck() throws {
        let dir = TestSupport.temporaryFolder("report")
        let r = try CLI.run(["report", "seeds/", "-o", dir + "/report.html"])
        #expect(r.status == 0)  // the seeds have warnings only
        #expect(r.stdout.isEmpty && r.stderr.isEmpty)
        let html = TestSupport.text(dir + "/report.html")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(Self.marks(html) == (try Self.checkFindings(["seeds/"])))
        #expect(TestSupport.listing(dir) == ["report.html"])  // written atomically, nothing left beside it
    }

    @Test func errorsExitOneAndTheMarksAreThoseOfCheck() throws {
        let text = "Titre\n\nLe secrétaire Trấn Quốc Cường est arrivé à Ðiện Biên Biên.\n"
        let file = CLI.temporaryFile(Array(text.utf8))
        let r = try CLI.run(["report", "--lang", "fr", file])
        #expect(r.status == 1)
        #expect(Self.marks(r.stdout) == (try Self.checkFindings(["--lang", "fr", file])))
        #expect(Self.marks(r.stdout).count == 3)
    }

    @Test func standardInputAndXLIFF() throws {
        let r = try CLI.run(["report", "--lang", "fr"], stdin: Data("Titre\n\nUne phrase sur Diên Biên Biên.\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout.contains("<span class=\"file\">&lt;stdin&gt;</span>"))
        #expect(Self.marks(r.stdout) == ["repeated-fragment warning 3 16"])
        let xlf = CLI.temporaryFile(Array(ImportCommandTests.translated.utf8), name: "t.fr-vi.xlf")
        let x = try CLI.run(["report", xlf])
        #expect(x.status == 1)
        #expect(Self.marks(x.stdout) == (try Self.checkFindings([xlf])))
        #expect(x.stdout.contains("<th>Source (fr)</th><th>Target (vi)</th>"))
    }

    @Test func aMissingFileIsBadInputAndTheOthersAreStillShown() throws {
        let r = try CLI.run(["report", "seeds/000_ac40248b14b1adc8.txt", "missing.txt"])
        #expect(r.status == 2)
        #expect(r.stderr == "missing.txt: error: no such file or folder\n")
        #expect(r.stdout.contains("seeds/000_ac40248b14b1adc8.txt"))
        #expect(r.stdout.contains("<code>missing.txt: error: no such file or folder</code>"))
    }

    @Test func badLanguageIsAUsageError() throws {
        let r = try CLI.run(["report", "--lang", "de", "seeds/"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--lang must be fr, vi or lo, not 'de'"))
    }
}
