import Foundation
import MekongTestSupport
import Testing

@Suite struct ImportCommandTests {
    /// A file as a CAT tool gives it back: some targets translated (one with a misspelt name, one
    /// with inline codes), one left as the source copy.
    static let translated = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="a.txt" source-language="fr" target-language="vi" datatype="plaintext">
            <body>
              <trans-unit id="a-p1-s1">
                <source xml:lang="fr">Renforcer les relations entre <mrk mtype="term">Diên Biên</mrk> et le Laos</source>
                <target xml:lang="vi" state="translated">Tăng cường quan hệ giữa <mrk mtype="term">Điện Biên</mrk> và Lào</target>
              </trans-unit>
              <trans-unit id="a-p2-s1">
                <source xml:lang="fr">Trân Quôc Cuong a parlé.</source>
                <target xml:lang="vi" state="translated">Ông <g id="1">Trấn Quốc Cường</g> đã phát biểu.</target>
              </trans-unit>
              <trans-unit id="a-p3-s1">
                <source xml:lang="fr">Une phrase.</source>
                <target xml:lang="vi" state="needs-translation">Une phrase.</target>
              </trans-unit>
              <trans-unit id="a-p4-s1" translate="no">
                <source xml:lang="fr">Photo : VNA</source>
                <target xml:lang="vi">Photo : VNA</target>
              </trans-unit>
            </body>
          </file>
        </xliff>
        """

    @Test func reportsChecksAndFillsTheMemoryOnce() throws {
        let xlf = CLI.temporaryFile(Array(Self.translated.utf8), name: "a.fr-vi.xlf")
        let tm = (xlf as NSString).deletingLastPathComponent + "/memory.tmx"
        let r = try CLI.run(["import", xlf, "--tm", tm])
        #expect(r.status == 1)  // a misspelt name in a target
        #expect(r.stdout.contains("\(xlf): 4 segments, 2 translated, 1 untranslated, 0 changed"))
        #expect(r.stdout.contains("  untranslated a-p3-s1"))
        #expect(
            r.stdout.contains(
                "\(xlf)#a-p2-s1: error: found \"Trấn Quốc Cường\", expected \"Trần Quốc Cường\" [name-diacritics] (tran-quoc-cuong)"
            ))
        #expect(r.stdout.contains("memory.tmx: 2 pairs added, 2 in all"))
        #expect(try CLI.run(["validate", tm]).status == 0)
        // The inline codes are TMX codes, not text: <mrk> on both sides, x pairing them; the <g>
        // that only the target has takes an x of its own.
        let memory = TestSupport.text(tm)
        let mrk = #"<bpt i="1" x="1" type="x-mrk">&lt;mrk mtype=&quot;term&quot;&gt;</bpt>"#
        #expect(
            memory.contains(
                "<seg>Renforcer les relations entre \(mrk)Diên Biên<ept i=\"1\">&lt;/mrk&gt;</ept> et le Laos</seg>"))
        #expect(
            memory.contains("<seg>Tăng cường quan hệ giữa \(mrk)Điện Biên<ept i=\"1\">&lt;/mrk&gt;</ept> và Lào</seg>"))
        #expect(memory.contains("<seg>Trân Quôc Cuong a parlé.</seg>"))
        #expect(
            memory.contains(
                #"<seg>Ông <bpt i="1" x="1" type="x-g">&lt;g id=&quot;1&quot;&gt;</bpt>Trấn Quốc Cường<ept i="1">&lt;/g&gt;</ept> đã phát biểu.</seg>"#
            ))
        // Importing again adds nothing.
        let again = try CLI.run(["import", xlf, "--tm", tm])
        #expect(again.stdout.contains("memory.tmx: 0 pairs added, 2 in all"))
        // A new translation of a known source is reported as changed.
        let changed = CLI.temporaryFile(
            Array(Self.translated.replacingOccurrences(of: "Tăng cường quan hệ", with: "Củng cố quan hệ").utf8),
            name: "b.xlf")
        let c = try CLI.run(["import", changed, "--tm", tm])
        #expect(c.stdout.contains("1 changed"))
        #expect(c.stdout.contains("memory.tmx: 1 pairs added, 3 in all"))
    }

    /// OmegaT writes the translation and leaves state="needs-translation": the text decides.
    @Test func aTranslationCountsWhateverItsState() throws {
        let omegat = Self.translated.replacingOccurrences(
            of: #"state="translated""#, with: #"state="needs-translation""#)
        let r = try CLI.run(["import", CLI.temporaryFile(Array(omegat.utf8), name: "o.xlf")])
        #expect(r.stdout.contains("4 segments, 2 translated, 1 untranslated"))
    }

    @Test func exportWritesSingleFormats() throws {
        let x = try CLI.run(["export", "xliff", "seeds/001_484350ca943d9f8b.txt", "--to", "lo"])
        #expect(x.status == 0)
        #expect(x.stdout.contains("trgLang=\"lo\""))
        let t = try CLI.run(["export", "tmx", "--to", "vi"])
        #expect(t.stdout.contains("<seg>Điện Biên</seg>"))
        let multi = try CLI.run(["export", "tmx", "--to", "vi,lo", "-o", TestSupport.temporaryFolder() + "/multi.tmx"])
        #expect(multi.status == 0)
        let m = try CLI.run(["export", "tmx", "--to", "vi,lo"])
        #expect(m.stdout.contains("<tuv xml:lang=\"lo\">"))
        #expect(m.stdout.contains("<tuv xml:lang=\"vi\">"))
        let b = try CLI.run(["export", "tbx2008"])
        #expect(b.stdout.contains("<martif"))
    }
}
