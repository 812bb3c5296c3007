import Foundation
import MekongTestSupport
import MekongText
import Testing

@testable import MekongExchange

/// `validate` tells the truth: the shipped grammar only, the right XLIFF version, constraints
/// beyond XSD, and messages with a place and words a translator understands.
/// The errors `mekong validate` reports for a file: what validation returns, or what it throws
/// (a file that is not well-formed, of no known format).
func verdict(_ path: String) -> [Diagnostic] {
    do { return try Schemas.validate(file: path).1 } catch { return error.diagnostics(file: path) }
}

@Suite struct ValidationTruthTests {
    static let tmxHeader =
        #"<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="fr" datatype="plaintext"/>"#

    @Test func aTMXCannotDeclareItsOwnGrammar() throws {
        let bogus = temporaryFile(
            "bogus.tmx",
            Array(
                """
                <?xml version="1.0"?>
                <!DOCTYPE tmx [<!ELEMENT tmx ANY><!ELEMENT header ANY><!ELEMENT bogus ANY><!ATTLIST tmx version CDATA #IMPLIED>]>
                <tmx version="9.9"><header/><bogus/></tmx>

                """.utf8))
        let (format, errors) = try Schemas.validate(file: bogus)
        #expect(format == .tmx)
        #expect(errors.map(\.rule) == ["internal-subset"])
        #expect(errors.first?.location?.line == 2)
        // The same grammar-free bogus file without a DOCTYPE is judged by the shipped DTD.
        let plain = temporaryFile("plain.tmx", Array(#"<tmx version="9.9"><header/><bogus/></tmx>"#.utf8))
        #expect(try Schemas.validate(file: plain).1.contains { $0.message.contains("1.4") })
    }

    @Test func oneUnusedInternalEntityIsOneClearError() throws {
        let path = temporaryFile(
            "entity.tmx",
            Array(
                """
                <?xml version="1.0"?>
                <!DOCTYPE tmx SYSTEM "tmx14.dtd" [<!ENTITY unused "x">]>
                <tmx version="1.4">\(Self.tmxHeader)<body/></tmx>

                """.utf8))
        let errors = try Schemas.validate(file: path).1
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("only the official DTD counts") == true)
        // Without the internal subset the file is valid.
        let ok = temporaryFile(
            "ok.tmx",
            Array(
                """
                <?xml version="1.0"?>
                <!DOCTYPE tmx SYSTEM "tmx14.dtd">
                <tmx version="1.4">\(Self.tmxHeader)<body/></tmx>

                """.utf8))
        #expect(try Schemas.validate(file: ok).1.map(\.description) == [])
    }

    @Test func aTBX2008CannotDeclareItsOwnGrammarEither() throws {
        let path = temporaryFile(
            "m.tbx",
            Array(
                """
                <?xml version="1.0"?>
                <!DOCTYPE martif [<!ELEMENT martif ANY>]>
                <martif type="TBX"><anything/></martif>

                """.utf8))
        #expect(try Schemas.validate(file: path).1.map(\.rule) == ["internal-subset"])
    }

    @Test func xliff22IsKnown() throws {
        let path = TestSupport.fixture("standards/samples/xliff22-fr-lo-glossary.xlf")
        let (format, errors) = try Schemas.validate(file: path)
        #expect(format == .xliff22)
        #expect(format.rawValue == "XLIFF 2.2")
        #expect(errors.map(\.description) == [])
    }

    @Test func xliff12TransitionalIsSaid() throws {
        let transitional = temporaryFile(
            "t.xlf",
            Array(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                  <file original="a.txt" source-language="fr" target-language="vi" datatype="plaintext" tool="OldTool">
                    <body><trans-unit id="1" ts="legacy"><source>Bonjour</source><target>Xin chào</target></trans-unit></body>
                  </file>
                </xliff>

                """.utf8))
        let (format, errors) = try Schemas.validate(file: transitional)
        #expect(errors.isEmpty)
        #expect(format.rawValue == "XLIFF 1.2 (transitional)")
        let strict = TestSupport.fixture("standards/samples/xliff12-fr-vi.xlf")
        #expect(try Schemas.validate(file: strict).0.rawValue == "XLIFF 1.2 (strict)")
    }

    @Test func emptyFileTextFileAndBlankFile() {
        let empty = temporaryFile("empty.xlf", [])
        #expect { try Schemas.validate(file: empty) } throws: {
            ($0 as? Diagnostic)?.message.contains("the file is empty") == true
        }
        let blank = temporaryFile("blank.xlf", Array("  \n\n".utf8))
        #expect { try Schemas.validate(file: blank) } throws: { ($0 as? Diagnostic)?.rule == "empty-file" }
        let text = temporaryFile("text.xlf", Array("\nhello world\n".utf8))
        #expect { try Schemas.validate(file: text) } throws: { error in
            guard let d = error as? Diagnostic else { return false }
            return d.rule == "not-xml" && d.location?.line == 2 && d.location?.column == 1
        }
    }

    @Test func wellFormednessComesFirst() throws {
        // Not well-formed and schema-invalid (no srcLang): the one error is the broken tag, with its place.
        let path = temporaryFile(
            "wf.xlf",
            Array(
                """
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"><file id="f"><unit id="u"><segment><source>a</source></segment></unit></file>
                <bad></xliff>

                """.utf8))
        let errors = verdict(path)
        #expect(errors.count == 1)
        #expect(errors.first?.rule == "malformed-xml")
        #expect(errors.first?.location?.line == 2)
    }

    /// `validate` and `import` accept and refuse the same files: a 12 MB text node is refused by
    /// both, in words, without libxml2's advice to set an option users cannot set.
    @Test(arguments: ["2.0", "1.2"])
    func aHugeTextNodeIsRefusedByValidateToo(version: String) throws {
        let head =
            version == "2.0"
            ? #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="vi"><file id="f"><unit id="u"><segment><source>"#
            : #"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="fr" target-language="vi" datatype="plaintext"><body><trans-unit id="1"><source>"#
        let tail =
            version == "2.0"
            ? "</source></segment></unit></file></xliff>" : "</source></trans-unit></body></file></xliff>"
        var bytes = Array(head.utf8)
        bytes += [UInt8](repeating: 0x61, count: 12_000_000)
        bytes += Array(tail.utf8)
        let path = temporaryFile("huge\(version).xlf", bytes)
        let errors = try Schemas.validate(file: path).1
        #expect(errors.count == 1)
        let message = errors.first?.message ?? ""
        #expect(message.contains("longer than 10 MB"))
        #expect(!message.contains("XML_PARSE_HUGE"))
        #expect(errors.first?.location?.line == 1)
        #expect(throws: Diagnostic.self) { try XLIFFReader.read(path: path) }
    }

    @Test func aHugeTMXTextNodeIsOneErrorNotDTDNoise() throws {
        var bytes = Array(
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\(Self.tmxHeader)<body><tu><tuv xml:lang=\"fr\"><seg>".utf8)
        bytes += [UInt8](repeating: 0x61, count: 12_000_000)
        bytes += Array("</seg></tuv></tu></body></tmx>\n".utf8)
        let errors = verdict(temporaryFile("huge.tmx", bytes))
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("longer than 10 MB") == true)
        #expect(errors.first?.location?.line == 2)
    }

    @Test func entityReferencesAreRefusedByValidateAsByImport() throws {
        let path = temporaryFile(
            "ent.xlf",
            Array(
                """
                <?xml version="1.0"?>
                <!DOCTYPE xliff [<!ENTITY e "x">]>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr"><file id="f"><unit id="u"><segment><source>&e;</source></segment></unit></file></xliff>

                """.utf8))
        #expect(try Schemas.validate(file: path).1.map(\.rule) == ["entity-refused"])
        #expect(throws: Diagnostic.self) { try XLIFFReader.read(path: path) }
    }

    /// Units are dropped once checked (constant memory), yet their ids stay unique across groups
    /// and a subFlows reference to a later unit resolves.
    @Test func unitIDsAcrossGroupsAndLaterSubFlows() throws {
        let path = temporaryFile(
            "units.xlf",
            Array(
                """
                <?xml version="1.0"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr"><file id="f">
                <group id="g1"><unit id="u1"><segment><source><ph id="p" subFlows="u9"/>a</source></segment></unit></group>
                <group id="g2"><unit id="u1"><segment><source>b</source></segment></unit></group>
                <unit id="u9"><segment><source>c</source></segment></unit>
                </file></xliff>

                """.utf8))
        let errors = try Schemas.validate(file: path).1
        #expect(errors.map(\.rule) == ["xliff2-unique-id"])
        #expect(errors.first?.location?.line == 4)
    }

    @Test func languageTags() {
        for ok in ["fr", "vi", "lo-Latn", "en-US", "zh-Hant-TW", "sr-Latn-RS", "x-private", "de-CH-1996", "en-a-bbb"] {
            #expect(XLIFF2Constraints.isLanguageTag(ok), "\(ok)")
        }
        for bad in ["", "f", "fr_FR", "fr-", "-fr", "en-a", "abcdefghi"] {
            #expect(!XLIFF2Constraints.isLanguageTag(bad), "\(bad)")
        }
    }

    @Test func fragmentIdentifiers() {
        for ok in ["#m1", "#n=n1", "#/f=f1/u=1/n=n1", "#f=f1/g=g1/g=g2/u=u1/gls=e1", "#/f=f1/tbx=t1"] {
            #expect(XLIFF2Constraints.fragmentProblem(ok) == nil, "\(ok)")
        }
        for bad in [
            "#n/n1", "#/u=u1/f=f1/n=n1", "#/f=f1/u=1/u=2", "#f=f1/d=d1/u=1", "#/f=f1/my=x", "#/f=f1/z=x",
            "#/f=f1/r$d=x",
        ] {
            #expect(XLIFF2Constraints.fragmentProblem(bad) != nil, "\(bad)")
        }
    }
}
