import Foundation
import MekongGlossary
import MekongSegmentation
import MekongTestSupport
import MekongText
import MekongXML
import Testing

@testable import MekongExchange

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
    .standardized.path

func temporaryFile(_ name: String, _ bytes: [UInt8]) -> String {
    let dir = TestSupport.temporaryFolder("exchange")
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes))
    return dir + "/" + name
}

/// The seed articles as hand-off documents.
func seedArticles(target: TermLanguage) throws -> [HandoffArticle] {
    let matcher = NameMatcher(try GlossaryStore(directory: repository + "/glossary").load())
    let seeds = try FileManager.default.contentsOfDirectory(atPath: repository + "/seeds").filter {
        $0.hasSuffix(".txt")
    }.sorted()
    return try seeds.map { name in
        var segments: [Segment] = []
        let id = (name as NSString).deletingPathExtension
        try ArticleSegmenter().segment(try LineReader(path: repository + "/seeds/" + name), article: id) {
            segments.append($0)
        }
        return HandoffArticle.build(id: id, original: name, segments: segments, matcher: matcher, target: target)
    }
}

@Suite struct XLIFFTests {
    @Test(arguments: XLIFFWriter.Version.allCases)
    func everySeedArticleValidatesAndReadsBack(version: XLIFFWriter.Version) throws {
        for article in try seedArticles(target: .vi) {
            let path = temporaryFile(
                "\(article.id).xlf", try XLIFFWriter.bytes(article, target: "vi", version: version))
            let (format, errors) = try Schemas.validate(file: path)
            #expect(format == (version == .v12 ? .xliff12 : .xliff2))
            #expect(errors.map(\.description) == [], "\(article.id) \(version)")
            // Read back: the same segments, ids and text (terms are inline markup around the text).
            let (src, trg, segments) = try XLIFFReader.read(path: path)
            #expect(src == "fr")
            #expect(trg == "vi")
            let expected = article.units.flatMap { u in u.segments.map { ($0.id, $0.source, u.translate) } }
            #expect(segments.map(\.id) == expected.map(\.0))
            #expect(segments.map(\.source) == expected.map(\.1))
            #expect(segments.map(\.translate) == expected.map(\.2))
            if version == .v12 {
                #expect(segments.allSatisfy { $0.target == $0.source && $0.state == "needs-translation" })
            }
        }
    }

    @Test func glossaryTermsAreMarkedAndExplained() throws {
        let article = try #require(try seedArticles(target: .vi).first { $0.id == "001_484350ca943d9f8b" })
        let xml = String(decoding: try XLIFFWriter.bytes(article, target: "vi", version: .v21), as: UTF8.self)
        #expect(xml.contains(#"<mrk id="m-001_484350ca943d9f8b-p1-s1-1" type="term">Diên Biên</mrk>"#))
        #expect(
            xml.contains(
                ##"<gls:glossEntry id="g-001_484350ca943d9f8b-p1-s1-1" ref="#m-001_484350ca943d9f8b-p1-s1-1">"##))
        #expect(
            xml.contains(
                #"<gls:translation id="g-001_484350ca943d9f8b-p1-s1-1-t" source="mekong:dien-bien">Điện Biên</gls:translation>"#
            ))
        #expect(xml.contains(#"<note category="date">2025-04</note>"#))
        let lao = try #require(try seedArticles(target: .lo).first { $0.id == "000_ac40248b14b1adc8" })
        let loXML = String(decoding: try XLIFFWriter.bytes(lao, target: "lo", version: .v21), as: UTF8.self)
        #expect(loXML.contains("ຫຼວງພະບາງ"))
        #expect(loXML.contains(#"<unit id="000_ac40248b14b1adc8-p3" translate="no">"#))
    }

    @Test func translatableOnlyLeavesTheRestOut() throws {
        let article = try #require(try seedArticles(target: .vi).last)
        let all = try XLIFFWriter.bytes(article, target: "vi", version: .v21)
        let only = try XLIFFWriter.bytes(article, target: "vi", version: .v21, options: .init(translatableOnly: true))
        #expect(String(decoding: all, as: UTF8.self).contains("translate=\"no\""))
        #expect(!String(decoding: only, as: UTF8.self).contains("translate=\"no\""))
    }

    /// A file written back by a CAT tool: targets filled, states changed, inline codes.
    @Test func readsTranslatedFilesWithInlineCodes() throws {
        let x2 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="fr" trgLang="vi">
             <file id="f1"><unit id="u1">
              <originalData><data id="d1">&lt;b&gt;</data></originalData>
              <segment id="s1" state="translated">
               <source>Le <pc id="1">Premier ministre</pc> est à <ph id="2" dataRef="d1"/>Hanoï.</source>
               <target>Thủ <pc id="1">tướng</pc> ở <ph id="2" dataRef="d1"/>Hà Nội.</target>
              </segment>
              <segment id="s2"><source>Non traduit.</source></segment>
             </unit></file>
            </xliff>
            """
        let path2 = temporaryFile("t.xlf", Array(x2.utf8))
        #expect(try Schemas.validate(file: path2).1.isEmpty)
        let r2 = try XLIFFReader.read(path: path2)
        #expect(r2.segments.map(\.target) == ["Thủ tướng ở {2}Hà Nội.", nil])
        #expect(r2.segments.map(\.source) == ["Le Premier ministre est à {2}Hanoï.", "Non traduit."])
        #expect(r2.segments.first?.state == "translated")
        let x12 = """
            <?xml version="1.0"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
             <file original="a.txt" source-language="fr" target-language="vi" datatype="plaintext"><body>
              <trans-unit id="a-p1-s1"><source>Le <g id="1">Laos</g> et <x id="2"/>le Vietnam.</source>
               <target state="translated">Lào <g id="1">và</g> <x id="2"/>Việt Nam.</target></trans-unit>
             </body></file>
            </xliff>
            """
        let path12 = temporaryFile("t12.xlf", Array(x12.utf8))
        #expect(try Schemas.validate(file: path12).1.isEmpty)
        let r12 = try XLIFFReader.read(path: path12)
        #expect(r12.segments.first?.target == "Lào và {2}Việt Nam.")
        #expect(r12.segments.first?.state == "translated")
        // Paired codes are positions in the text, with the tag as written; standalone ones are text.
        let s = try #require(r2.segments.first)
        #expect(
            s.sourceCodes == [
                InlineCode(kind: .open, offset: 3, pair: 0, id: "1", element: "pc", native: #"<pc id="1">"#),
                InlineCode(kind: .close, offset: 19, pair: 0, id: "1", element: "pc", native: "</pc>"),
            ])
        #expect(s.targetCodes.map(\.offset) == ["Thủ ".utf8.count, "Thủ tướng".utf8.count])
        #expect(r2.segments.last?.sourceCodes == [])
        #expect(r12.segments.first?.sourceCodes.map(\.native) == [#"<g id="1">"#, "</g>"])
    }

    /// Nested and empty elements: each code closes its own pair, an empty `<mrk/>` is no pair.
    @Test func nestedCodesPairUp() throws {
        let x = """
            <?xml version="1.0"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
             <file original="a.txt" source-language="fr" target-language="vi" datatype="plaintext"><body>
              <trans-unit id="u"><source>A <g id="a">B <mrk mtype="term" mid="m">C</mrk><x id="x"/></g><mrk mtype="x-e"/> D</source></trans-unit>
             </body></file>
            </xliff>
            """
        let s = try #require(try XLIFFReader.read(path: temporaryFile("n.xlf", Array(x.utf8))).segments.first)
        #expect(s.source == "A B C{x} D")
        #expect(
            s.sourceCodes.map { "\($0.kind)\($0.pair)@\($0.offset)" } == ["open0@2", "open1@4", "close1@5", "close0@8"])
        #expect(s.sourceCodes[1].id == "m")
    }
}

@Suite struct TMXTests {
    /// The TMX bytes of `units`, the file they were written to, their text; the file must
    /// validate against the TMX 1.4b DTD.
    static func writtenAndValidated(_ units: [TMXWriter.Unit], _ name: String) throws -> ([UInt8], String, String) {
        let bytes = try TMXWriter.bytes(units, sourceLanguage: "fr", environment: [:])
        let path = temporaryFile(name, bytes)
        #expect(try Schemas.validate(file: path).1.isEmpty)
        return (bytes, path, String(decoding: bytes, as: UTF8.self))
    }

    @Test func glossaryTermPairsValidateAgainstTheDTD() throws {
        let glossary = try GlossaryStore(directory: repository + "/glossary").load()
        let units = TMXWriter.termUnits(glossary, source: .fr, target: .vi)
        #expect(units.count > 50)
        let (bytes, _, text) = try Self.writtenAndValidated(units, "g.tmx")
        #expect(
            text.contains(
                #"<header creationtool="Mekong" creationtoolversion="\#(MekongInfo.version)" segtype="phrase" o-tmf="Mekong" adminlang="en" srclang="fr" datatype="plaintext"/>"#
            ))
        #expect(!text.contains("creationdate"))
        #expect(text.contains("<seg>Điện Biên</seg>"))
        // The validator rejects a header that lacks a required attribute (streaming DTD path).
        let broken = temporaryFile(
            "b.tmx",
            Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: #" o-tmf="Mekong""#, with: "").utf8))
        #expect(!(try Schemas.validate(file: broken).1.isEmpty))
        let dated = String(
            decoding: try TMXWriter.bytes(
                units, sourceLanguage: "fr", environment: ["SOURCE_DATE_EPOCH": "1767225600"]), as: UTF8.self)
        #expect(dated.contains(#"creationdate="20260101T000000Z""#))
    }

    @Test func writtenUnitsReadBackEqual() throws {
        let glossary = try GlossaryStore(directory: repository + "/glossary").load()
        let units = TMXWriter.termUnits(glossary, source: .fr, targets: [.vi, .lo])
        let path = temporaryFile("m.tmx", try TMXWriter.bytes(units, sourceLanguage: "fr", environment: [:]))
        var back: [TMXWriter.Unit] = []
        try TMXReader.read(path: path) { back.append($0) }
        #expect(back.map(\.id) == units.map(\.id))
        #expect(
            back.map { $0.variants.map { "\($0.language)=\($0.text)" } }
                == units.map { $0.variants.map { "\($0.language)=\($0.text)" } })
        #expect(back.map(\.note) == units.map(\.note))
    }

    /// Paired codes are written as `<bpt>`/`<ept>`: valid TMX, the text read back unchanged, and
    /// `x` pairing a target's codes with its source's by id, even when the translation reorders them.
    @Test func inlineCodesAreWrittenAsTMXCodes() throws {
        func pair(_ n: Int, _ id: String, _ open: Int, _ close: Int) -> [InlineCode] {
            [
                InlineCode(kind: .open, offset: open, pair: n, id: id, element: "mrk", native: #"<mrk id="\#(id)">"#),
                InlineCode(kind: .close, offset: close, pair: n, id: id, element: "mrk", native: "</mrk>"),
            ]
        }
        // "le Laos et le Vietnam" → "Việt Nam và Lào": the terms swap places.
        let source = "le Laos et le Vietnam"
        let target = "Việt Nam và Lào"
        let lao = target.utf8.count - "Lào".utf8.count
        let units = [
            TMXWriter.Unit(
                id: "u1", variants: [("fr", source), ("vi", target)],
                codes: [
                    pair(0, "a", 3, 7) + pair(1, "b", 14, 21),
                    pair(0, "b", 0, "Việt Nam".utf8.count) + pair(1, "a", lao, target.utf8.count),
                ]),
            TMXWriter.Unit(id: "u2", variants: [("fr", "Sans code."), ("vi", "Không mã.")]),
        ]
        let (_, path, text) = try Self.writtenAndValidated(units, "codes.tmx")
        #expect(
            text.contains(
                #"<seg>le <bpt i="1" x="1" type="x-mrk">&lt;mrk id=&quot;a&quot;&gt;</bpt>Laos<ept i="1">&lt;/mrk&gt;</ept> et le <bpt i="2" x="2" type="x-mrk">&lt;mrk id=&quot;b&quot;&gt;</bpt>Vietnam<ept i="2">&lt;/mrk&gt;</ept></seg>"#
            ))
        #expect(
            text.contains(
                #"<seg><bpt i="1" x="2" type="x-mrk">&lt;mrk id=&quot;b&quot;&gt;</bpt>Việt Nam<ept i="1">&lt;/mrk&gt;</ept> và <bpt i="2" x="1" type="x-mrk">&lt;mrk id=&quot;a&quot;&gt;</bpt>Lào<ept i="2">&lt;/mrk&gt;</ept></seg>"#
            ))
        var back: [TMXWriter.Unit] = []
        try TMXReader.read(path: path) { back.append($0) }
        #expect(back.map { $0.variants.map(\.text) } == [[source, target], ["Sans code.", "Không mã."]])
        // Without ids, codes pair by their order; one the source lacks gets a number of its own.
        #expect(TMXWriter.crossReferences(pair(0, "a", 0, 1), pair(0, "z", 0, 1) + pair(1, "y", 2, 3)) == [1, 2])
    }

    /// A memory another program changed after Mekong read its pairs is not replaced: the status
    /// taken when it was read (size, modification time, inode) is compared before the splice
    /// (and again before the rename), without reading the memory again.
    @Test func aMemoryChangedSinceItWasReadIsNotReplaced() throws {
        let unit = TMXWriter.Unit(id: "a", variants: [("fr", "Un."), ("vi", "Một.")])
        let (_, path, _) = try Self.writtenAndValidated([unit], "changed.tmx")
        let read = try TranslationMemory.pairs(in: path, source: "fr", target: "vi")
        #expect(read.contains("Un.", "Một.") && read.units == 1)
        let fingerprint = try #require(read.fingerprint)
        #expect(fingerprint.hash == nil && fingerprint.isCurrent(at: path))

        // Another program rewrites it in place (same inode, new size and time).
        let changed = Array(TestSupport.text(path).replacingOccurrences(of: "Một.", with: "Một nữa.").utf8)
        let fd = open(path, O_WRONLY | O_TRUNC)
        _ = changed.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        close(fd)
        #expect(!fingerprint.isCurrent(at: path))
        let more = TMXWriter.Unit(id: "b", variants: [("fr", "Deux."), ("vi", "Hai.")])
        let error = #expect(throws: Diagnostic.self) {
            try TranslationMemory.add([more], to: path, sourceLanguage: "fr", unchangedSince: fingerprint)
        }
        #expect(error?.rule == "changed-on-disk")
        #expect(TestSupport.bytes(path) == changed)

        // Read again, it is updated.
        let again = try TranslationMemory.pairs(in: path, source: "fr", target: "vi")
        try TranslationMemory.add([more], to: path, sourceLanguage: "fr", unchangedSince: again.fingerprint)
        let after = try TranslationMemory.pairs(in: path, source: "fr", target: "vi")
        #expect(after.units == 2 && after.contains("Deux.", "Hai.") && after.contains("Un.", "Một nữa."))
    }

    @Test func spooledUnitsKeepTheirCodes() throws {
        let spool = try UnitSpool()
        let codes = [
            [InlineCode(kind: .open, offset: 0, pair: 0, id: nil, element: "g", native: "<g>")],
            [InlineCode(kind: .close, offset: 4, pair: 0, id: "é", element: "g", native: "</g>")],
        ]
        try spool.append(TMXWriter.Unit(id: "a", variants: [("fr", "Un"), ("vi", "Một")], note: "n", codes: codes))
        try spool.append(TMXWriter.Unit(id: nil, variants: [("fr", "Deux")]))
        let back = Array(spool)
        #expect(back.map(\.codes) == [codes, []])
        #expect(back.map(\.id) == ["a", nil])
        #expect(back.map(\.note) == ["n", nil])
    }

    @Test func forbiddenXMLCharactersAreRefusedNotWrittenBroken() {
        #expect(throws: Diagnostic.self) {
            try TMXWriter.bytes(
                [TMXWriter.Unit(id: "a", variants: [("fr", "bad \u{0B}"), ("vi", "x")])], sourceLanguage: "fr")
        }
    }
}

@Suite struct HostileInputTests {
    @Test func billionLaughsIsRefusedQuickly() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n<!ENTITY a0 \"lol\">\n"
        for i in 1...10 { xml += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">\n" }
        xml +=
            "]>\n<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>&a10;</source></trans-unit></body></file></xliff>"
        let path = temporaryFile("lol.xlf", Array(xml.utf8))
        let start = ContinuousClock.now
        let e = #expect(throws: Diagnostic.self) { try XLIFFReader.read(path: path) }
        #expect(e?.message.lowercased().contains("entity") == true)  // ours, or libxml2's own loop detection
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func externalEntitiesAndNetworkDTDsAreNotLoaded() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE xliff SYSTEM "http://example.invalid/xliff.dtd" [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <xliff version="1.2"><file><body><trans-unit id="1"><source>a&x;b</source></trans-unit></body></file></xliff>
            """
        // Nothing is fetched (no network, no file): the entity is refused with a clear error.
        #expect(throws: Diagnostic.self) { try XLIFFReader.read(path: temporaryFile("x.xlf", Array(xml.utf8))) }
        // A network DTD alone is not loaded: the file reads.
        let dtdOnly =
            #"<?xml version="1.0"?><!DOCTYPE xliff SYSTEM "http://example.invalid/x.dtd"><xliff version="1.2"><file><body><trans-unit id="1"><source>ab</source></trans-unit></body></file></xliff>"#
        #expect(try XLIFFReader.read(path: temporaryFile("d.xlf", Array(dtdOnly.utf8))).segments.first?.source == "ab")
    }

    @Test func truncatedAndNonUTF8FilesAreErrorsWithALine() throws {
        let truncated = temporaryFile(
            "t.xlf", Array("<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>abc".utf8))
        #expect(throws: Diagnostic.self) { try XLIFFReader.read(path: truncated) }
        let latin1 = temporaryFile(
            "l.xlf",
            Array(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>caf"
                    .utf8) + [0xE9] + Array("</source></trans-unit></body></file></xliff>".utf8))
        let e = #expect(throws: Diagnostic.self) { try XLIFFReader.read(path: latin1) }
        #expect(e?.location?.line == 2)
    }
}

@Suite struct HugeInputTests {
    /// libxml2 refuses a text node over 10 MB unless XML_PARSE_HUGE is set, which Mekong never
    /// sets: a giant node is an error, not a swapping machine.
    @Test func aHugeTextNodeIsRefused() throws {
        var bytes = Array("<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>".utf8)
        bytes += [UInt8](repeating: 0x61, count: 12_000_000)
        bytes += Array("</source></trans-unit></body></file></xliff>".utf8)
        let path = temporaryFile("huge.xlf", bytes)
        #expect(throws: Diagnostic.self) { try XLIFFReader.read(path: path) }
    }
}

@Suite struct FuzzyTokenTests {
    /// The tokens as `Character` properties give them: what ``MemoryIndex/Token/split(_:)``
    /// computes on bytes.
    static func reference(_ s: String) -> [(String, MemoryIndex.Token.Kind)] {
        var out: [(String, MemoryIndex.Token.Kind)] = []
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c.isWhitespace {
                i = s.index(after: i)
                continue
            }
            var j = s.index(after: i)
            let kind: MemoryIndex.Token.Kind
            if c.isNumber {
                while j < s.endIndex,
                    s[j].isNumber
                        || ((s[j] == "." || s[j] == ",") && s.index(after: j) < s.endIndex
                            && s[s.index(after: j)].isNumber)
                {
                    j = s.index(after: j)
                }
                kind = .number
            } else if c.isLetter {
                while j < s.endIndex, s[j].isLetter || s[j].isNumber || s[j] == "-" { j = s.index(after: j) }
                kind = .word
            } else {
                kind = .punctuation
            }
            out.append((String(s[i..<j]), kind))
            i = j
        }
        return out
    }

    @Test func bytesSplitAsCharactersDo() throws {
        var lines = [
            "Le 3,5 % de 1.200 « euros »\u{00A0}: l’État a-t-il payé ?", "Cafe\u{0301} au lait, n\u{0303}o",
            "ສະບາຍດີ ນະຄອນຫຼວງວຽງຈັນ ໒໐໒໖", "Thủ tướng Phạm Minh Chính – 14/3/2026…", "x\u{200D}y ½ ² Ⅻ 〇 a\u{2009}b",
            "", "   ", "—«»", "a-", "-a", "1.", ".5", "1,2,3",
        ]
        for seed in try TestSupport.seeds() {
            lines += TestSupport.text(seed).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        for line in lines {
            let tokens = MemoryIndex.Token.split(line)
            let expected = Self.reference(line)
            #expect(tokens.map { String($0.text) } == expected.map(\.0), "\(line)")
            #expect(tokens.map(\.kind) == expected.map(\.1), "\(line)")
        }
    }
}
