import Foundation
import MekongExchange
import MekongGlossary
import MekongTestSupport
import MekongText
import Testing

@testable import MekongJobs

/// article → XLIFF → (CAT tool) → XLIFF → article.
@Suite struct MergeJobTests {
    /// Articles that stress the layout: CRLF, a BOM, no final newline, a caption printed twice,
    /// teasers, trailing spaces, a header line.
    static let articles: [(String, [UInt8])] = [
        (
            "crlf",
            Array(
                " date 2025-12-17 Titre de l'article\r\n\r\nPremière phrase. Deuxième phrase.\r\nSuite du paragraphe.\r\n\r\nPhoto : VNA\r\n"
                    .utf8)
        ),
        ("bom", [0xEF, 0xBB, 0xBF] + Array("Un titre\n\nLe corps du texte. Une autre phrase.  \n".utf8)),
        ("nofinal", Array("Titre\n\nUne phrase sans fin de ligne.".utf8)),
        (
            "captions",
            Array(
                "Titre\n\nLa délégation à Hanoï. Photo : VNA\nLa délégation à Hanoï. Photo : VNA\n\nTexte. Encore du texte.\n\nVoir plus\n\n>> Un autre article\n"
                    .utf8)
        ),
    ]

    /// Hands `articles` off as XLIFF `version` into a temporary folder; returns the XLIFF paths.
    func handOff(_ articles: [(String, [UInt8])], version: XLIFFWriter.Version) throws -> [String] {
        let folder = TestSupport.temporaryFolder("merge-src")
        var inputs: [Input] = []
        for (name, bytes) in articles {
            let path = folder + "/\(name).txt"
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            inputs.append(.file(path))
        }
        let out = TestSupport.temporaryFolder("merge-xlf")
        let report = try PrepareJob(targets: [.vietnamese], version: version, language: .french, outputFolder: out).run(
            inputs, glossary: Glossary())
        #expect(report.failures.isEmpty)
        return report.articles.flatMap { $0.targets.map(\.file) }
    }

    /// What a CAT tool returns when the translator copied every source to the target (2.x).
    func copySourcesToTargets(_ path: String) throws {
        let xml = TestSupport.text(path)
        let re = try NSRegularExpression(pattern: "<source>(.*?)</source>", options: [.dotMatchesLineSeparators])
        let copied = re.stringByReplacingMatches(
            in: xml, range: NSRange(xml.startIndex..., in: xml), withTemplate: "<source>$1</source><target>$1</target>")
        try copied.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test(arguments: [XLIFFWriter.Version.v21, .v12])
    func copiesOfTheSourcesGiveBackEveryArticleByteForByte(version: XLIFFWriter.Version) throws {
        let seeds = try TestSupport.seeds().map {
            ((($0 as NSString).lastPathComponent as NSString).deletingPathExtension, TestSupport.bytes($0))
        }
        let all = Self.articles + seeds
        let files = try handOff(all, version: version)
        if version != .v12 { for f in files { try copySourcesToTargets(f) } }  // 1.2 targets are pre-filled copies
        let out = TestSupport.temporaryFolder("merged")
        let report = try MergeJob(outputFolder: out).run(files)
        #expect(report.failures.isEmpty)
        #expect(report.outcome == .ok)
        for (name, bytes) in all {
            #expect(TestSupport.bytes(out + "/\(name).vi.txt") == bytes, "\(name) did not come back byte for byte")
        }
        #expect(report.articles.allSatisfy { $0.translated == 0 && $0.identical > 0 })
    }

    @Test func aTranslationGoesInPlaceAndTheLayoutStays() throws {
        let files = try handOff([Self.articles[0]], version: .v12)
        var xml = TestSupport.text(files[0])
        // The translator translates the second sentence (a segment that ends a CRLF line).
        xml = xml.replacingOccurrences(
            of: #"<target xml:lang="vi" state="needs-translation">Deuxième phrase.</target>"#,
            with: #"<target xml:lang="vi" state="translated">Câu thứ hai.</target>"#)
        try xml.write(toFile: files[0], atomically: true, encoding: .utf8)
        let out = TestSupport.temporaryFolder("merged")
        let report = try MergeJob(outputFolder: out).run(files)
        #expect(report.articles.first?.translated == 1)
        #expect(
            TestSupport.text(out + "/crlf.vi.txt")
                == " date 2025-12-17 Titre de l'article\r\n\r\nPremière phrase. Câu thứ hai.\r\nSuite du paragraphe.\r\n\r\nPhoto : VNA\r\n"
        )
    }

    @Test func untranslatedSegmentsAreListedAndNothingIsWrittenUnlessAllowed() throws {
        let files = try handOff([Self.articles[2]], version: .v21)  // 2.x: no targets at all
        let out = TestSupport.temporaryFolder("merged")
        let report = try MergeJob(outputFolder: out).run(files)
        #expect(report.articles.first?.untranslated == ["nofinal-p1-s1", "nofinal-p2-s1"])
        #expect(report.outcome == .findings)
        #expect(TestSupport.listing(out).isEmpty)
        let allowed = try MergeJob(outputFolder: out, allowUntranslated: true).run(files)
        #expect(allowed.outcome == .ok)
        #expect(TestSupport.bytes(out + "/nofinal.vi.txt") == Self.articles[2].1)
    }

    @Test func aFileWithoutASkeletonIsRefusedWithItsName() throws {
        let xlf = TestSupport.temporaryFile(
            #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="vi"><file id="f" original="a.txt"><unit id="u"><segment><source>A</source><target>B</target></segment></unit></file></xliff>"#,
            name: "x.xlf")
        let report = try MergeJob(outputFolder: TestSupport.temporaryFolder()).run([xlf])
        #expect(report.failures.map(\.rule) == ["no-skeleton"])
        #expect(report.outcome == .badInput)
    }

    @Test func handOffsWithASkeletonStayValid() throws {
        for version in [XLIFFWriter.Version.v21, .v12] {
            let files = try handOff([Self.articles[0], Self.articles[1]], version: version)
            for f in files { #expect(try Schemas.validate(file: f).1.isEmpty, "\(f) is not valid") }
        }
    }
}
