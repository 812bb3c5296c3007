import Foundation
import MekongTestSupport
import Testing

/// `mekong validate` and `mekong import` on the files of issue 14, as a user sees them.
@Suite struct ValidateCommandTests {
    @Test func aTMXWithItsOwnGrammarIsNotValidTMX() throws {
        let bogus = CLI.temporaryFile(
            Array(
                """
                <?xml version="1.0"?>
                <!DOCTYPE tmx [<!ELEMENT tmx ANY><!ELEMENT header ANY><!ELEMENT bogus ANY><!ATTLIST tmx version CDATA #IMPLIED>]>
                <tmx version="9.9"><header/><bogus/></tmx>

                """.utf8), name: "bogus.tmx")
        let r = try CLI.run(["validate", bogus])
        #expect(r.status == 1)
        #expect(
            r.stdout
                == "\(bogus):2:1: error: the DOCTYPE declares its own grammar inside the file ([…]); only the official DTD counts, so this file is refused: remove the part in brackets\n"
        )
    }

    @Test func theVersionAndSchemaThatHoldAreSaid() throws {
        let files = [
            TestSupport.fixture("standards/samples/xliff22-fr-lo-glossary.xlf"),
            TestSupport.fixture("standards/samples/xliff12-fr-vi.xlf"),
        ]
        let r = try CLI.run(["validate"] + files)
        #expect(r.status == 0)
        #expect(r.stdout == "\(files[0]): valid XLIFF 2.2\n\(files[1]): valid XLIFF 1.2 (strict)\n")
    }

    @Test func aSchemaValidFileBreakingAConstraintIsNotValid() throws {
        let path = TestSupport.fixture("test-suites/oasis/xliff-21/test-suite/core/invalid/bad_SegmentIdNotUnique.xlf")
        let r = try CLI.run(["validate", path])
        #expect(r.status == 1)
        #expect(
            r.stdout.contains("[xliff2-unique-id]") || r.stdout.contains("another element of this unit has that id"))
        #expect(r.stdout.hasPrefix("\(path):"))
    }

    @Test func anEmptyFileAndATextFileAreToldApart() throws {
        let empty = CLI.temporaryFile([], name: "empty.xlf")
        let text = CLI.temporaryFile(Array("Bonjour\n".utf8), name: "text.xlf")
        #expect(
            try CLI.run(["validate", empty]).stdout == "\(empty):1:1: error: the file is empty: there is no XML in it\n"
        )
        #expect(try CLI.run(["validate", text]).stdout.contains("not an XML file: it starts with text"))
    }

    @Test func aGermanXLIFFIsImportedWithoutVietnameseRules() throws {
        let xlf = CLI.temporaryFile(
            Array(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                  <file original="a.txt" source-language="fr" target-language="de" datatype="plaintext"><body>
                    <trans-unit id="s1"><source>Il est à Hanoi.</source><target>Er ist in Hanoi.</target></trans-unit>
                  </body></file>
                </xliff>

                """.utf8), name: "a.fr-de.xlf")
        let r = try CLI.run(["import", xlf])
        #expect(r.status == 0)
        #expect(r.stdout.contains("  names not checked: the glossary has names only in fr, vi and lo"))
        #expect(!r.stdout.contains("Hà Nội"))
    }
}
