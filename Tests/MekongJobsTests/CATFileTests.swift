import Foundation
import MekongGlossary
import MekongTestSupport
import MekongText
import Testing

@testable import MekongJobs

/// `check` and `import` read real CAT-tool files sensibly (issue 14).
@Suite struct CATFileTests {
    static let glossary = Glossary(concepts: [
        Concept(id: "ha-noi", type: .place, terms: [.fr: Terms(cell: "Hanoi"), .vi: Terms(cell: "Hà Nội")]),
        Concept(
            id: "tran-quoc-cuong", type: .person,
            terms: [.fr: Terms(cell: "Trân Quôc Cuong"), .vi: Terms(cell: "Trần Quốc Cường")]),
    ])

    static func xliff12(target: String?, units: [(String, String?)]) -> String {
        let lang = target.map { #" target-language="\#($0)""# } ?? ""
        var s =
            #"<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">"#
        s += "\n" + #"<file original="a.txt" source-language="fr"\#(lang) datatype="plaintext"><body>"# + "\n"
        for (n, (source, target)) in units.enumerated() {
            s += #"<trans-unit id="s\#(n + 1)"><source>\#(source)</source>"#
            if let target { s += #"<target state="needs-translation">\#(target)</target>"# }
            s += "</trans-unit>\n"
        }
        return s + "</body></file></xliff>\n"
    }

    static func write(_ text: String, _ name: String) -> String {
        TestSupport.temporaryFile(text, name: name)
    }

    /// A fresh hand-off has every target pre-filled with the French source: not translations.
    @Test func targetsIdenticalToTheSourceAreNotChecked() throws {
        let units = (1...30).map { _ in
            ("Le président est arrivé à Hanoi.", Optional("Le président est arrivé à Hanoi."))
        }
        let path = Self.write(Self.xliff12(target: "vi", units: units), "handoff.xlf")
        var findings: [Diagnostic] = []
        let report = try CheckJob().run([.file(path)], glossary: Self.glossary) { findings.append($0) }
        #expect(findings.map(\.description) == [])
        #expect(report.outcome == .ok)
        // A real translation is still checked.
        let translated = Self.write(
            Self.xliff12(target: "vi", units: [("Il est à Hanoi.", "Ông ấy ở Hà Nôi.")]), "translated.xlf")
        var found: [Diagnostic] = []
        _ = try CheckJob().run([.file(translated)], glossary: Self.glossary) { found.append($0) }
        #expect(found.contains { $0.expected == "Hà Nội" })
    }

    @Test func lineBreaksTabsAndCRInTargetsAreNotInvisibleCharacters() throws {
        let path = Self.write(Self.xliff12(target: "vi", units: [("A. B.", "Một.\nHai.\tBa.&#13;Bốn.")]), "breaks.xlf")
        var findings: [Diagnostic] = []
        _ = try CheckJob().run([.file(path)], glossary: Self.glossary) { findings.append($0) }
        #expect(!findings.contains { $0.rule == "invisible-character" }, "\(findings.map(\.description))")
        // A real invisible character still is one, at its column.
        let zw = Self.write(Self.xliff12(target: "vi", units: [("A.", "Một\u{200B}.")]), "zw.xlf")
        var zfindings: [Diagnostic] = []
        _ = try CheckJob().run([.file(zw)], glossary: Self.glossary) { zfindings.append($0) }
        #expect(zfindings.contains { $0.rule == "invisible-character" && $0.location?.column == 4 })
    }

    @Test func aGermanXLIFFIsNotCheckedWithVietnameseRules() throws {
        let path = Self.write(Self.xliff12(target: "de", units: [("Il est à Hanoi.", "Er ist in Hanoi.")]), "de.xlf")
        let tm = TestSupport.temporaryFolder("cat") + "/memory.tmx"
        let report = try ImportJob(memoryPath: tm).run([path], glossary: Self.glossary)
        #expect(report.outcome == .ok)
        #expect(report.files.first?.findings == [])
        #expect(report.files.first?.nameRules == nil)
        #expect(report.added == 1)
        #expect(TestSupport.text(tm).contains(#"xml:lang="de""#))
        // check says so instead of applying Vietnamese rules.
        var findings: [Diagnostic] = []
        let check = try CheckJob().run([.file(path)], glossary: Self.glossary) { findings.append($0) }
        #expect(check.outcome == .ok)
        #expect(findings.map(\.rule) == ["no-name-rules"])
        #expect(findings.first?.severity == .info)
        // A Vietnamese file runs the Vietnamese rules and says so.
        let vi = Self.write(Self.xliff12(target: "vi", units: [("Il est à Hanoi.", "Ông ấy ở Hà Nôi.")]), "vi.xlf")
        let viReport = try ImportJob().run([vi], glossary: Self.glossary)
        #expect(viReport.files.first?.nameRules == "vi")
        #expect(viReport.outcome == .findings)
    }

    @Test func aFileWithoutTargetLanguageIsRefusedWithItsPlace() throws {
        let path = Self.write(Self.xliff12(target: nil, units: [("Bonjour.", "Xin chào.")]), "notrg.xlf")
        let tm = TestSupport.temporaryFolder("cat") + "/memory.tmx"
        let report = try ImportJob(memoryPath: tm).run([path], glossary: Self.glossary)
        #expect(report.outcome == .badInput)
        let failure = try #require(report.failures.first)
        #expect(failure.rule == "no-target-language")
        #expect(failure.location?.file == path)
        #expect(failure.location?.line == 1)
        #expect(report.added == 0)
    }

    @Test func aSegmentWithoutSourceIsNotAnEmptyTMXUnit() throws {
        let xlf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="vi"><file id="f"><unit id="u">
            <segment id="s1"><source/><target>Xin chào.</target></segment>
            <segment id="s2"><source>Merci.</source><target>Cảm ơn.</target></segment>
            </unit></file></xliff>

            """
        let path = Self.write(xlf, "nosource.xlf")
        let tm = TestSupport.temporaryFolder("cat") + "/memory.tmx"
        let report = try ImportJob(memoryPath: tm).run([path], glossary: Self.glossary)
        #expect(report.added == 1)
        let warning = try #require(report.warnings.first { $0.rule == "no-source" })
        #expect(warning.location?.segment == "s1")
        #expect(warning.location?.line == 3)
        #expect(!TestSupport.text(tm).contains("<seg></seg>"))
    }
}

@Suite struct CATFileMessageTests {
    /// `import` says what `validate` says about a file that is no XML at all.
    @Test func importNamesEmptyAndTextFilesAsValidateDoes() throws {
        let empty = TestSupport.temporaryFile("", name: "empty.xlf")
        let text = TestSupport.temporaryFile("Bonjour\n", name: "text.xlf")
        let report = try ImportJob().run([empty, text], glossary: Glossary())
        #expect(report.failures.map(\.rule) == ["empty-file", "not-xml"])
        #expect(report.failures.allSatisfy { $0.location?.line == 1 })
    }
}
