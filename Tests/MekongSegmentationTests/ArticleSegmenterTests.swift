import Foundation
import MekongText
import Testing

@testable import MekongSegmentation

@Suite struct SeedGoldTests {
    /// Every segment of every seed article, its id and kind, compared exactly with the gold
    /// files written by hand (Fixtures/gold/*.tsv).
    @Test(arguments: try Fixtures.seeds())
    func seedMatchesGold(path: String) throws {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let gold = try String(contentsOfFile: Fixtures.path("gold/\(name).tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        var actual: [String] = []
        try ArticleSegmenter(mode: .article, language: nil).segment(try LineReader(path: path), article: name) { s in
            actual.append(
                "\(s.id)\t\(s.kind.rawValue)\t\(s.text.replacingOccurrences(of: "\n", with: "\\n"))"
                    + (s.repeatOf.map { "\trepeat-of \($0)" } ?? ""))
        }
        #expect(actual.count == gold.count)
        for (a, g) in zip(actual, gold) { #expect(a == g) }
    }

    /// `start`/`end` are scalar offsets into the source file: slicing the file gives the text.
    @Test(arguments: try Fixtures.seeds())
    func offsetsPointIntoTheSource(path: String) throws {
        let source = Array(try String(contentsOfFile: path, encoding: .utf8).unicodeScalars)
        try ArticleSegmenter().segment(try LineReader(path: path), article: "a") { s in
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: source[s.start..<s.end])
            #expect(String(slice) == s.text)
            #expect(s.language == .french)
        }
    }
}

@Suite struct ArticleStructureTests {
    func kinds(_ text: String, language: Language = .french) throws -> [String] {
        try articleSegments(text, language: language).map { "\($0.kind.rawValue): \($0.text)" }
    }

    @Test func headerGivesTitleAndDate() throws {
        let segments = try articleSegments(" date 2025-12-17 Diên Biên renforce ses liens\n\nLe texte. Il suit.\n")
        #expect(segments.map(\.kind) == [.title, .body, .body])
        #expect(segments[0].text == "Diên Biên renforce ses liens")
        #expect(segments[0].start == 17)
        #expect(segments.allSatisfy { $0.date == "2025-12-17" })
        #expect(try articleSegments("date 2025-04 Titre\n\nTexte.").first?.date == "2025-04")
    }

    @Test func firstShortLineIsTheTitleWithoutHeader() throws {
        #expect(
            try kinds("Un titre sans point\n\nUn paragraphe. Deux phrases.") == [
                "title: Un titre sans point", "body: Un paragraphe.", "body: Deux phrases.",
            ])
        // A first paragraph that is a sentence is body.
        #expect(try kinds("Une phrase complète.\n\nUne autre.") == ["body: Une phrase complète.", "body: Une autre."])
    }

    @Test func relatedCaptionsAndCredits() throws {
        let text = """
            Titre

            >> Un autre article sur le sujet

            Photo : VNA/CVN

            Le texte commence. Il finit ici. - VNA

            La légende de la photo. Photo : AFP

            VNA/CVN
            """
        #expect(
            try kinds(text) == [
                "title: Titre", "related: >> Un autre article sur le sujet", "caption: Photo : VNA/CVN",
                "body: Le texte commence.", "body: Il finit ici.", "credit: - VNA",
                "caption: La légende de la photo.", "caption: Photo : AFP", "credit: VNA/CVN",
            ])
    }

    @Test func lineShownTwiceIsACaptionAndBothCopiesAreKept() throws {
        let text =
            "Titre\n\nLe corps du texte.\n La légende, Tran Sy Thanh (à gauche).\nLa légende, Tran Sy Thanh (à gauche).\n\nSuite."
        let segments = try articleSegments(text)
        #expect(
            segments.map { "\($0.kind.rawValue): \($0.text)" } == [
                "title: Titre", "body: Le corps du texte.", "caption: La légende, Tran Sy Thanh (à gauche).",
                "caption: La légende, Tran Sy Thanh (à gauche).", "body: Suite.",
            ])
        #expect(segments.map(\.repeatOf) == [nil, nil, nil, "t-p3-s1", nil])
        #expect(segments[3].id == "t-p3-s2" && segments[3].isRepetition)
    }

    /// Nothing is dropped: a paragraph the author wrote twice is body text both times, the
    /// second marked as a repetition of the first.
    @Test func repeatedParagraphIsKeptAndMarked() throws {
        let segments = try articleSegments("Titre\n\nUn paragraphe.\n\nAutre chose.\n\nUn paragraphe.")
        #expect(
            segments.map { "\($0.kind.rawValue): \($0.text)" } == [
                "title: Titre", "body: Un paragraphe.", "body: Autre chose.", "body: Un paragraphe.",
            ])
        #expect(segments.map(\.repeatOf) == [nil, nil, nil, "t-p2-s1"])
    }

    /// A paragraph that contains an earlier line, or a line written twice, stays body text.
    @Test func paragraphWithARepeatedLineStaysBody() throws {
        let text =
            "Titre\n\nLe ministre est arrivé.\n\nIl a parlé longtemps.\nLe ministre est arrivé.\nPuis il est reparti."
        let segments = try articleSegments(text)
        #expect(segments.map(\.kind) == [.title, .body, .body, .body, .body])
        #expect(
            segments.map(\.text) == [
                "Titre", "Le ministre est arrivé.", "Il a parlé longtemps.", "Le ministre est arrivé.",
                "Puis il est reparti.",
            ])
        #expect(segments[3].repeatOf == "t-p2-s1")
        let twice = try articleSegments("Titre\n\nUne phrase écrite deux fois.\nUne phrase écrite deux fois.")
        #expect(twice.map(\.kind) == [.title, .body, .body])
        #expect(twice.map(\.repeatOf) == [nil, nil, "t-p2-s1"])
    }

    /// Offsets stay exact around lines of only no-break spaces and repeated lines (found by
    /// a random-text check: the text must always be the source between `start` and `end`).
    @Test func offsetsStayExactAroundBlankishAndRepeatedLines() throws {
        let text = "Titre\n\nUne phrase.\n\u{00A0}\nSuite de la phrase.\nc\nAutre.\nc\n\nFin."
        let source = Array(text.unicodeScalars)
        for s in try articleSegments(text) {
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: source[s.start..<s.end])
            #expect(String(slice) == s.text)
        }
        #expect(try articleSegments(text).map(\.text).joined(separator: " ").contains("Autre.\nc"))
    }

    @Test func plainModeMarksNoRepetitions() throws {
        #expect(try articleSegments("Une phrase.\n\nUne phrase.", mode: .plain).allSatisfy { $0.repeatOf == nil })
    }

    @Test func strayImageLabelSplitsTheCaption() throws {
        let text = "Titre\n\nLe titre ảnh 1 Le ministre (droite),\net son hôte. Photo : VNA\n\nTexte."
        #expect(
            try kinds(text) == [
                "title: Titre", "caption: Le titre", "caption: ảnh 1", "caption: Le ministre (droite),\net son hôte.",
                "caption: Photo : VNA", "body: Texte.",
            ])
    }

    @Test func everythingAfterVoirPlusIsTeaser() throws {
        let text = "Titre\n\nTexte.\n\nVoir plus\n\nUn autre titre\n\nUn autre texte. Photo : VNA"
        #expect(try articleSegments(text).map(\.kind) == [.title, .body, .teaser, .teaser, .teaser, .teaser])
        #expect(
            try articleSegments("Tiêu đề\n\nNội dung.\n\nXem thêm\n\nBài khác.", language: .vietnamese).map(\.kind)
                == [.title, .body, .teaser, .teaser])
    }

    @Test func onlyTitleAndBodyAreForTranslation() {
        #expect(SegmentKind.allCases.filter(\.isTranslatable) == [.title, .body])
    }

    @Test func plainModeHasNoStructure() throws {
        let segments = try articleSegments(">> lien\n\nPhoto : VNA\n\nUne phrase. Une autre.", mode: .plain)
        #expect(segments.map(\.kind) == [.body, .body, .body, .body])
        #expect(segments.map(\.paragraph) == [1, 2, 3, 3])
        #expect(segments.map(\.index) == [1, 1, 1, 2])
    }

    @Test func emptyInputGivesNoSegments() throws {
        #expect(try articleSegments("").isEmpty)
        #expect(try articleSegments("\n\n   \n").isEmpty)
    }

    @Test func crlfAndBOMAreAccepted() throws {
        let segments = try articleSegments("\u{FEFF}Titre\r\n\r\nUne phrase. Une autre.\r\n")
        #expect(segments.map(\.text) == ["Titre", "Une phrase.", "Une autre."])
        // Offsets skip the BOM and count the CRs.
        #expect(segments.map(\.start) == [0, 9, 21])
    }

    @Test func languageIsGuessedPerArticle() throws {
        let lao = try articleSegments("ຫົວຂໍ້\n\nສະບາຍດີ. ຂອບໃຈຫຼາຍໆ!", language: nil)
        #expect(lao.allSatisfy { $0.language == .lao })
        #expect(lao.map(\.text) == ["ຫົວຂໍ້", "ສະບາຍດີ.", "ຂອບໃຈຫຼາຍໆ!"])
        let vi = try articleSegments(
            "Tiêu đề\n\nThủ tướng Phạm Minh Chính đã tiếp Bộ trưởng. Ông nói rõ.", language: nil)
        #expect(vi.allSatisfy { $0.language == .vietnamese })
    }

    @Test func userRulesReplaceTheBuiltInOnes() throws {
        let doc = try SRXDocument.load(path: Fixtures.standard("srx/okapi-defaultSegmentation.srx"))
        let segments = try articleSegments("Titre\n\nM. Dupont est là. Il parle.", rules: doc)
        // Okapi's small default set has no French abbreviations: it splits after "M.".
        #expect(segments.map(\.text) == ["Titre", "M.", "Dupont est là.", "Il parle."])
    }
}
