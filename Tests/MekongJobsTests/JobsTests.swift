import Foundation
import MekongChecks
import MekongGlossary
import MekongSegmentation
import MekongTestSupport
import MekongText
import Testing

@testable import MekongJobs

@Suite struct GlossaryLocationTests {
    @Test func optionWinsThenEnvironmentThenDefault() {
        #expect(GlossaryLocation(option: "g", environment: ["MEKONG_GLOSSARY": "/newsroom/glossary"]).directory == "g")
        #expect(
            GlossaryLocation(option: nil, environment: ["MEKONG_GLOSSARY": "/newsroom/glossary"]).directory
                == "/newsroom/glossary")
        #expect(GlossaryLocation(option: nil, environment: ["MEKONG_GLOSSARY": ""]).directory == "glossary")
        #expect(GlossaryLocation(option: nil, environment: [:]).directory == "glossary")
    }

    @Test func aMissingFolderIsAnErrorNotAnEmptyGlossary() {
        let e = #expect(throws: Diagnostic.self) {
            try GlossaryLocation(option: "/nonexistent/glossry", environment: [:]).load()
        }
        #expect(e?.rule == "no-such-folder")
        #expect(e?.description.hasPrefix("/nonexistent/glossry: error: no glossary here") == true)
    }
}

@Suite struct BatchTests {
    @Test func aBadFileDoesNotStopTheBatch() throws {
        let good = TestSupport.temporaryFile("Titre\n\nUne phrase. Une autre.\n")
        let bad = TestSupport.temporaryFile(Array("Titre\n\nDiên ".utf8) + [0xFF] + Array(".\n".utf8))
        var texts: [String] = []
        let report = try SegmentJob(mode: .plain, language: .french).run([.file(bad), .file(good)]) {
            texts.append($0.text)
        }
        #expect(report.failures.map(\.description) == ["\(bad):3:6: error: invalid UTF-8"])
        #expect(texts.suffix(3) == ["Titre", "Une phrase.", "Une autre."])
        #expect(report.outcome == .badInput)
    }

    @Test func failFastStopsAtTheFirstBadFile() throws {
        let bad = TestSupport.temporaryFile(Array("x".utf8) + [0xC3])
        #expect(throws: Diagnostic.self) {
            try SegmentJob(mode: .plain, language: .french, failFast: true).run([.file(bad), .file(bad)]) { _ in }
        }
    }

    @Test func outputErrorsStopTheBatch() throws {
        struct Full: Error {}
        let good = TestSupport.temporaryFile("Une phrase.\n")
        #expect(throws: Full.self) {
            try SegmentJob(mode: .plain, language: .french).run([.file(good), .file(good)]) { _ in throw Full() }
        }
    }
}

@Suite struct CheckJobTests {
    static let glossary = Glossary(concepts: [
        Concept(
            id: "tran-quoc-cuong", type: .person,
            terms: [.fr: Terms(cell: "Trân Quôc Cuong"), .vi: Terms(cell: "Trần Quốc Cường")])
    ])

    @Test func fixIsAppliedByTheLibraryAndReported() throws {
        let path = TestSupport.temporaryFile("\u{FEFF}Le secrétaire Trấn Quốc Cường est arrivé.\r\nFin.\r\n")
        var remaining: [Diagnostic] = []
        let report = try CheckJob(language: .vietnamese, fix: true).run([.file(path)], glossary: Self.glossary) {
            remaining.append($0)
        }
        #expect(
            report.fixed.map(\.description) == [
                "\(path):1:15: fixed \"Trấn Quốc Cường\" -> \"Trần Quốc Cường\" [name-diacritics]"
            ])
        #expect(remaining.isEmpty)
        #expect(TestSupport.text(path) == "\u{FEFF}Le secrétaire Trần Quốc Cường est arrivé.\r\nFin.\r\n")
        #expect(report.outcome == .ok)
    }

    @Test func errorsThatCannotBeFixedKeepExitStatusOne() throws {
        // French without --style: a misspelt name has several right answers, so it is not fixed.
        let path = TestSupport.temporaryFile("Le secrétaire Trấn Quốc Cường est arrivé.\n")
        let report = try CheckJob(language: .french, fix: true).run([.file(path)], glossary: Self.glossary) { _ in }
        #expect(report.fixed.isEmpty)
        #expect(report.outcome == .findings)
    }
}

@Suite struct PrepareJobTests {
    @Test func anOutputThatIsAFileIsRefusedAndNothingIsWritten() throws {
        let file = TestSupport.temporaryFile("not a folder")
        let article = TestSupport.temporaryFile("Titre\n\nUne phrase.\n")
        let e = #expect(throws: Diagnostic.self) {
            try PrepareJob(targets: [.vietnamese], outputFolder: file).run([.file(article)], glossary: Glossary())
        }
        #expect(e?.description == "\(file): error: the output must be a folder, and this is a file")
        #expect(TestSupport.text(file) == "not a folder")
    }

    @Test func anArticleWithACharacterXMLCannotHoldIsNamedWithItsPlace() throws {
        let out = TestSupport.temporaryFolder("prepare")
        let bad = TestSupport.temporaryFile("Titre\n\nUne \u{01} phrase.\n", name: "bad.txt")
        let good = TestSupport.temporaryFile("Titre\n\nUne phrase.\n", name: "good.txt")
        let report = try PrepareJob(targets: [.vietnamese], language: .french, outputFolder: out)
            .run([.file(bad), .file(good)], glossary: Glossary())
        #expect(
            report.failures.map(\.description)
                == [
                    "\(bad):3:5: error: U+0001 cannot be written to XLIFF (XML 1.0 forbids it): remove it from the article"
                ])
        #expect(TestSupport.listing(out) == ["glossary.fr-vi.tmx", "good.fr-vi.xlf", "summary.txt"])
    }

    @Test func anArticleAlreadyInTheTargetLanguageIsSkippedWithAWarning() throws {
        let out = TestSupport.temporaryFolder("prepare")
        let vi = TestSupport.temporaryFile("Tiêu đề\n\nĐây là một câu tiếng Việt.\n")
        let report = try PrepareJob(targets: [.vietnamese], language: .vietnamese, outputFolder: out).run(
            [.file(vi)], glossary: Glossary())
        #expect(report.warnings.map(\.rule) == ["same-language"])
        #expect(report.outcome == .findings)
    }
}

/// `segment` on several threads gives what one thread gives: the same segments, numbers,
/// offsets and errors, whatever the pieces a file is cut into.
@Suite struct ParallelCheckTests {
    func check(_ job: CheckJob, _ inputs: [Input], _ glossary: Glossary) throws -> ([String], [String], Int) {
        var found: [String] = []
        let report = try job.run(inputs, glossary: glossary) { found.append($0.description) }
        return (found, report.failures.map(\.description), report.errors)
    }

    /// The seeds, copies of them with names misspelt, a file that is not UTF-8 and the exported
    /// XLIFF files, checked on one thread and on two: the same findings in the same order, the
    /// same failures in the same places.
    @Test func findingsComeOutInInputOrderOnTwoThreads() throws {
        let glossary = try GlossaryStore(directory: TestSupport.path("glossary")).load()
        var inputs: [Input] = []
        for seed in try TestSupport.seeds() {
            inputs.append(.file(seed))
            let misspelt =
                TestSupport.text(seed)
                + "\nLe secrétaire général Tô Lâm et le Premier ministre Pham Minh Chinh sont à Hanoï.\n"
            inputs.append(
                .file(TestSupport.temporaryFile(misspelt, name: "misspelt-" + (seed as NSString).lastPathComponent)))
            if inputs.count == 4 {
                inputs.append(.file(TestSupport.temporaryFile([0x41, 0xFF, 0x0A], name: "bad.txt")))
            }
        }
        inputs += TestSupport.listing(TestSupport.path("exports")).filter { $0.hasSuffix(".xlf") }.prefix(4).map {
            .file(TestSupport.path("exports/" + $0))
        }
        var one = CheckJob()
        one.threads = 1
        var two = one
        two.threads = 2
        let serial = try check(one, inputs, glossary)
        #expect(serial.0.count >= 8)
        #expect(serial.1.count == 1 && serial.1[0].contains("bad.txt"))
        #expect(try check(two, inputs, glossary) == serial)
    }
}

@Suite struct ParallelSegmentTests {
    func segments(_ job: SegmentJob, _ inputs: [Input]) throws -> ([Segment], [String]) {
        var out: [Segment] = []
        let report = try job.run(inputs) { out.append($0) }
        #expect(report.segments == out.count)
        return (out, report.failures.map(\.description))
    }

    @Test func theSeedsInArticleModeComeOutTheSameOnTwoThreads() throws {
        let inputs = try TestSupport.seeds().map { Input.file($0) }
        for language in [nil, Language.french] {
            var one = SegmentJob(language: language)
            one.threads = 1
            var two = one
            two.threads = 2
            two.wholeFileLimit = 2000  // the larger seeds are streamed on the caller's thread
            let serial = try segments(one, inputs)
            #expect(serial.0.count > 50)
            #expect(try segments(two, inputs) == serial)
        }
    }

    /// Plain text cut into pieces as small as 1 byte (a piece always ends after a blank line):
    /// a BOM, CRLF, blank lines of spaces and tabs, a paragraph over several lines.
    @Test func plainTextCutIntoPiecesComesOutTheSame() throws {
        let text =
            "\u{FEFF}Le 3 mai. M. Dupont est venu.\r\nIl a parlé\nlongtemps. Puis il est parti.\r\n \t\r\n"
            + "Ông Nguyễn Văn An đến Hà Nội. TP. Hồ Chí Minh đẹp!\n\n\n\t\nທ່ານ ສອນໄຊ ໄດ້ເດີນທາງ. ດຣ. ບຸນມີ ມາແລ້ວ.\n"
            + "Dernière ligne sans fin. Oui"
        let path = TestSupport.temporaryFile(text)
        var one = SegmentJob(mode: .plain, language: .french)
        one.threads = 1
        let serial = try segments(one, [.file(path), .file(path)])
        #expect(serial.0.map(\.paragraph).max() == 3)
        for size in [1, 7, 40, 64, 1000] {
            var two = one
            two.threads = 2
            two.pieceSize = size
            #expect(try segments(two, [.file(path), .file(path)]) == serial, "pieces of \(size) bytes")
        }
    }

    @Test func anErrorInALaterPieceNamesTheSameLineAndColumn() throws {
        var bytes = Array("Une phrase. Une autre.\n\nDeux.\n\n\nTrois. Quatre.\n\n".utf8)
        bytes += Array("Cinq ".utf8) + [0xE2, 0x28] + Array(" six.\n\nSept.\n".utf8)
        let bad = TestSupport.temporaryFile(bytes)
        let good = TestSupport.temporaryFile("Huit. Neuf.\n")
        var one = SegmentJob(mode: .plain, language: .french)
        one.threads = 1
        let serial = try segments(one, [.file(bad), .file(good)])
        #expect(serial.1 == ["\(bad):8:6: error: invalid UTF-8"])
        #expect(serial.0.map(\.text) == ["Une phrase.", "Une autre.", "Deux.", "Trois.", "Quatre.", "Huit.", "Neuf."])
        for size in [1, 10, 30] {
            var two = one
            two.threads = 2
            two.pieceSize = size
            let parallel = try segments(two, [.file(bad), .file(good)])
            #expect(parallel.1 == serial.1, "pieces of \(size) bytes")
            #expect(parallel.0 == serial.0, "pieces of \(size) bytes: \(parallel.0.map(\.text))")
        }
        var fast = one
        fast.threads = 2
        fast.pieceSize = 10
        fast.failFast = true
        let e = #expect(throws: Diagnostic.self) { try fast.run([.file(bad), .file(good)]) { _ in } }
        #expect(e?.description == "\(bad):8:6: error: invalid UTF-8")
    }

    @Test func piecesEndAfterABlankLine() throws {
        let path = TestSupport.temporaryFile("a\nb\n  \nc\n\t\r\nd\ne\n\nf")
        let reader = try PieceReader(path: path, pieceSize: 3)
        var pieces: [String] = []
        while let p = try reader.next() { pieces.append(String(decoding: p, as: UTF8.self)) }
        #expect(pieces == ["a\nb\n  \n", "c\n\t\r\n", "d\ne\n\n", "f"])
    }
}
