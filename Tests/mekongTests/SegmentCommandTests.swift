import Foundation
import MekongTestSupport
import Testing

@Suite struct SegmentCommandTests {
    @Test func invalidUTF8IsReportedWithLineAndColumnAndExit2() throws {
        let path = CLI.temporaryFile(Array("Titre\n\nDiên ".utf8) + [0xFF] + Array(" Biên.\n".utf8))
        let r = try CLI.run(["segment", path])
        #expect(r.status == 2)
        #expect(r.stderr == "\(path):3:6: error: invalid UTF-8\n")
    }

    @Test func missingFileExits2() throws {
        let r = try CLI.run(["segment", "/nonexistent/article.txt"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("/nonexistent/article.txt: "))
    }

    @Test func badLanguageIsAUsageErrorWithExit2() throws {
        let r = try CLI.run(["segment", "--lang", "en"], stdin: Data())
        #expect(r.status == 2)
        #expect(r.stderr.contains("--lang must be fr, vi or lo, not 'en'"))
    }

    @Test func emptyFileGivesNothingAndExit0() throws {
        let r = try CLI.run(["segment", CLI.temporaryFile([])])
        #expect(r.status == 0)
        #expect(r.stdout == "")
    }

    @Test func plainLinesPrintsSentencesWithBlankLinesBetweenParagraphs() throws {
        let r = try CLI.run(["segment", "--plain", "--lang", "fr"], stdin: Data("Un. Deux.\n\nTrois.\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "Un.\nDeux.\n\nTrois.\n")
    }

    @Test func jsonlHasIdsKindsAndOffsets() throws {
        let r = try CLI.run(["segment", "--format", "jsonl", "seeds/000_ac40248b14b1adc8.txt"])
        #expect(r.status == 0)
        let objects = try r.stdout.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(objects.first?["id"] as? String == "000_ac40248b14b1adc8-p1-s1")
        #expect(objects.first?["kind"] as? String == "title")
        #expect(objects.first?["date"] as? String == "2025-12-17")
        #expect(objects.first?["translate"] as? Bool == true)
        #expect(objects.last?["kind"] as? String == "credit")
        #expect(objects.last?["translate"] as? Bool == false)
        let source = Array(
            try String(
                contentsOf: CLI.repository.appendingPathComponent("seeds/000_ac40248b14b1adc8.txt"), encoding: .utf8
            ).unicodeScalars)
        for o in objects {
            let start = o["start"] as! Int
            let end = o["end"] as! Int
            var view = String.UnicodeScalarView()
            view.append(contentsOf: source[start..<end])
            #expect(String(view) == o["text"] as? String)
        }
    }

    @Test func directoryInputReadsItsTextFilesInOrder() throws {
        let r = try CLI.run(["segment", "seeds/"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Diên Biên renforce ses relations avec trois provinces du Nord du Laos\n\n"))
        #expect(r.stdout.contains("\n[teaser] Voir plus\n"))
        #expect(r.stdout.contains("\n[caption] ảnh 1\n"))
    }

    @Test func outputFileIsWrittenAtomically() throws {
        let out = CLI.temporaryFile(Array("old content\n".utf8), name: "out.txt")
        let r = try CLI.run(["segment", "--plain", "--lang", "fr", "-o", out], stdin: Data("Un. Deux.".utf8))
        #expect(r.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "Un.\nDeux.\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent)
        #expect(leftovers == ["out.txt"])
        // A failing run leaves the previous file as it was.
        let bad = try CLI.run(["segment", "-o", out, "/nonexistent.txt"])
        #expect(bad.status == 2)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "Un.\nDeux.\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent) == [
                "out.txt"
            ])
    }

    @Test func customRulesFileIsUsed() throws {
        let srx = TestSupport.fixture("standards/srx/okapi-defaultSegmentation.srx")
        let r = try CLI.run(
            ["segment", "--plain", "--lang", "fr", "--rules", srx], stdin: Data("M. Dupont. Fin.".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "M.\nDupont.\nFin.\n")
        let bad = try CLI.run(["segment", "--rules", "/nonexistent.srx"], stdin: Data())
        #expect(bad.status == 2)
    }
}
