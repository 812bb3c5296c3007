import Foundation
import MekongChecks
import MekongGlossary
import MekongTestSupport
import MekongText
import Testing

@testable import MekongJobs

@Suite struct ReportPageTests {
    static let glossary: Glossary = try! GlossaryStore(directory: TestSupport.path("glossary")).load()

    static func page(_ inputs: [Input], language: Language? = nil) throws -> (ReportJob.Report, String) {
        let report = try ReportJob(language: language).run(inputs, glossary: glossary)
        return (report, ReportPage.html(report))
    }

    static func findings(_ inputs: [Input], language: Language? = nil) throws -> [Diagnostic] {
        var all: [Diagnostic] = []
        _ = try CheckJob(language: language).run(inputs, glossary: glossary) { all.append($0) }
        return all
    }

    @Test func seedsHaveOneMarkPerFindingOfCheck() throws {
        let inputs = try TestSupport.seeds().map { Input.file($0) }
        let (_, html) = try Self.page(inputs)
        let expected = try Self.findings(inputs).map {
            Mark(rule: $0.rule, severity: $0.severity.rawValue, line: $0.location?.line, column: $0.location?.column)
        }
        #expect(!expected.isEmpty)
        #expect(HTMLScan.findingMarks(html).sorted() == expected.sorted())
        #expect(HTMLScan.isWellNested(html))
    }

    @Test func everyKindOfFindingIsMarkedOnceAndNested() throws {
        // A stutter with a look-alike inside, a misspelt name, NFD, an invisible character, a
        // title and a credit: marks may overlap, each finding is still exactly one element.
        let text = """
             date 2025-12-17 Ðiện Biên Biên et Luang Prabang

            Le secrétaire Trấn Quốc Cường est arrivé à Ðiện Biên Biên. Le\u{200B} ministre e\u{301}tait là.

            Elles ont Trần Quốc Cường.

            - VNA

            """
        let file = TestSupport.temporaryFile(text)
        let (report, html) = try Self.page([.file(file)], language: .french)
        let findings = try Self.findings([.file(file)], language: .french)
        #expect(findings.count >= 5)
        let expected = findings.map {
            Mark(rule: $0.rule, severity: $0.severity.rawValue, line: $0.location?.line, column: $0.location?.column)
        }
        #expect(HTMLScan.findingMarks(html).sorted() == expected.sorted())
        #expect(HTMLScan.isWellNested(html))
        #expect(html.contains("<span class=\"cp\">U+200B</span>"))
        #expect(html.contains("class=\"para k-credit nt\""))
        guard case .article(let a) = report.documents[0] else {
            Issue.record("not an article")
            return
        }
        #expect(a.findings.allSatisfy { $0.range != nil })
        #expect(HTMLScan.count("data-concept=", in: html) == a.names.count)
        for concept in Set(a.names.map(\.concept)) { #expect(html.contains("<tr id=\"c-\(concept)\">")) }
    }

    @Test func marksHoldWhatWasFoundEvenWithABOMAndCRLF() throws {
        let text =
            "\u{FEFF} date 2025-12-17 Titre sur Ðiện Biên\r\n\r\nLe secrétaire Trấn Quốc Cường est arrivé à Ðiện Biên Biên.\r\n"
            + "Deuxième ligne avec Luang Prabang Prabang et un\u{200B} blanc.\r\n"
        let file = TestSupport.temporaryFile(text)
        let (_, html) = try Self.page([.file(file)], language: .french)
        let findings = try Self.findings([.file(file)], language: .french)
        #expect(findings.count == 6)
        let shown = findings.map { f in
            f.found!.unicodeScalars.map { HTMLText.isInvisible($0) ? ScriptChecks.codePoint($0.value) : String($0) }
                .joined()
        }
        #expect(HTMLScan.markTexts(html).sorted() == shown.sorted())
        #expect(!html.contains("\r"))
    }

    @Test func anEmptyFileIsAnEmptyArticle() throws {
        let file = TestSupport.temporaryFile("")
        let (report, html) = try Self.page([.file(file)])
        #expect(report.outcome == .ok)
        #expect(HTMLScan.findingMarks(html).isEmpty)
        #expect(html.contains("No findings"))
        #expect(HTMLScan.isWellNested(html))
    }

    @Test func hostileTextStaysText() throws {
        let text = """
            <script>document.title='pwned'</script> Titre

            Une phrase <img src=x onerror="document.title='pwned'"> et "guillemets" & 'apostrophes' à Diên Biên.
            </p></mark><style>body{display:none}</style><a href="http://example.com/x">lien</a>

            """
        let file = TestSupport.temporaryFile(text, name: "<b>hostile'\".txt")
        let (_, html) = try Self.page([.file(file)], language: .french)
        #expect(HTMLScan.count("<script", in: html) == 1)  // the page's own
        #expect(HTMLScan.count("<style", in: html) == 1)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>hostile"))
        #expect(!html.contains("</p></mark>"))
        #expect(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;"))
        #expect(html.contains("&lt;b&gt;hostile&#39;&quot;.txt"))
        #expect(HTMLScan.isWellNested(html))
        #expect(HTMLScan.externalReferences(html).isEmpty)
    }

    @Test func pageHasNoExternalReferences() throws {
        let inputs =
            try TestSupport.seeds().map { Input.file($0) } + [
                .file(TestSupport.path("exports/000_ac40248b14b1adc8.fr-vi.xlf"))
            ]
        let (_, html) = try Self.page(inputs)
        #expect(HTMLScan.externalReferences(html) == [])
        #expect(html.contains("Content-Security-Policy"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func xliffShowsSourceBesideTargetWithFindingsOnTheTarget() throws {
        let xlf = TestSupport.temporaryFile(Self.translated, name: "a.fr-vi.xlf")
        let (report, html) = try Self.page([.file(xlf)])
        let findings = try Self.findings([.file(xlf)])
        #expect(findings.map(\.rule) == ["name-diacritics"])
        let expected = findings.map {
            Mark(rule: $0.rule, severity: $0.severity.rawValue, line: $0.location?.line, column: $0.location?.column)
        }
        #expect(HTMLScan.findingMarks(html) == expected)
        #expect(html.contains("<th>Source (fr)</th><th>Target (vi)</th>"))
        #expect(html.contains(">Trấn Quốc Cường</span></mark>"))
        #expect(html.contains("<tr id=\"d1-r3\" class=\"untranslated\">"))
        #expect(html.contains("<span class=\"badge untr\">same as source</span>"))
        #expect(html.contains("<tr id=\"d1-r4\" class=\"nt\">"))
        #expect(report.outcome == .findings)
        #expect(HTMLScan.isWellNested(html))
    }

    @Test func crossingMarksAreCutNotDoubled() {
        // The name starts inside the finding and ends after it: it is cut at the finding's end.
        let text = "abcdefghij"
        var b = ReportPage.inlineForTests(
            text, [(2..<6, "<i>", "</i>", 0), (4..<9, "<u>", "</u>", 1), (9..<9, "<s>", "</s>", 0)])
        #expect(b == "ab<i>cd<u>ef</u></i>ghi<s></s>j")
        b = ReportPage.inlineForTests("a<b\nc\r\n\u{7}\u{200B}", [])
        #expect(b == "a&lt;b<br>c<br><span class=\"cp\">U+0007</span><span class=\"cp\">U+200B</span>")
    }

    static let translated = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file original="a.txt" source-language="fr" target-language="vi" datatype="plaintext">
            <body>
              <trans-unit id="a-p1-s1">
                <source xml:lang="fr">Renforcer les relations entre Diên Biên et le Laos</source>
                <target xml:lang="vi" state="translated">Tăng cường quan hệ giữa Điện Biên và Lào</target>
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
}

/// A finding as the page marks it.
struct Mark: Comparable {
    var rule: String
    var severity: String
    var line: Int?
    var column: Int?

    static func < (a: Mark, b: Mark) -> Bool {
        (a.rule, a.severity, a.line ?? 0, a.column ?? 0) < (b.rule, b.severity, b.line ?? 0, b.column ?? 0)
    }
}

/// Just enough of an HTML reader for the page Mekong writes (it never writes `<` or `>` in
/// attribute values, so a tag is `<` up to the next `>`).
enum HTMLScan {
    static func tags(_ html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            out.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    static func attributes(_ tag: String) -> [String: String] {
        var out: [String: String] = [:]
        let re = try! NSRegularExpression(pattern: #"([a-zA-Z-]+)="([^"]*)""#)
        for m in re.matches(in: tag, range: NSRange(tag.startIndex..., in: tag)) {
            out[String(tag[Range(m.range(at: 1), in: tag)!])] = String(tag[Range(m.range(at: 2), in: tag)!])
        }
        return out
    }

    static func name(_ tag: String) -> String {
        String(tag.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "/" || $0 == "!" }).lowercased()
    }

    /// The findings marked on the page: `<mark class="f …">` elements.
    static func findingMarks(_ html: String) -> [Mark] {
        tags(html).filter { $0.hasPrefix("<mark class=\"f ") }.map { t in
            let a = attributes(t)
            return Mark(
                rule: a["data-rule"] ?? "", severity: a["data-severity"] ?? "",
                line: a["data-line"].flatMap { Int($0) },
                column: a["data-column"].flatMap { Int($0) })
        }
    }

    /// The text inside each finding mark (tags dropped, references decoded), in page order.
    static func markTexts(_ html: String) -> [String] {
        var out: [String] = []
        var search = html.startIndex
        while let open = html.range(of: "<mark class=\"f ", range: search..<html.endIndex) {
            var i = html[open.lowerBound...].firstIndex(of: ">")!
            i = html.index(after: i)
            var depth = 1
            var text = ""
            while depth > 0, i < html.endIndex {
                if html[i] == "<" {
                    let close = html[i...].firstIndex(of: ">")!
                    let tag = html[i...close]
                    if tag.hasPrefix("<mark") { depth += 1 }
                    if tag.hasPrefix("</mark") { depth -= 1 }
                    i = html.index(after: close)
                } else {
                    text.append(html[i])
                    i = html.index(after: i)
                }
            }
            for (ref, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: ref, with: char)
            }
            out.append(text)
            search = open.upperBound
        }
        return out
    }

    static func count(_ needle: String, in html: String) -> Int { html.components(separatedBy: needle).count - 1 }

    /// Every element closed in order (void elements excepted), outside the style and script.
    static func isWellNested(_ html: String) -> Bool {
        let void: Set<String> = ["meta", "input", "br", "col", "!doctype"]
        var stack: [String] = []
        var body = html
        for block in ["style", "script"] {
            while let s = body.range(of: "<\(block)"),
                let e = body.range(of: "</\(block)>", range: s.upperBound..<body.endIndex)
            {
                body.replaceSubrange(s.lowerBound..<e.upperBound, with: "")
            }
        }
        for t in tags(body) {
            let n = name(t)
            if void.contains(n) { continue }
            if n.hasPrefix("/") {
                guard stack.popLast() == String(n.dropFirst()) else { return false }
            } else {
                stack.append(n)
            }
        }
        return stack.isEmpty
    }

    /// What would make a browser fetch something: any `src`, an `href` not to the page itself,
    /// `<link>`, `<img>`, `<iframe>`, `<object>`, `<embed>`, CSS `url(` or `@import`, a URL
    /// scheme anywhere in markup, style or script.
    static func externalReferences(_ html: String) -> [String] {
        var found: [String] = []
        for t in tags(html) {
            let n = name(t)
            if ["link", "img", "iframe", "object", "embed", "base", "frame", "video", "audio", "source"].contains(n) {
                found.append(t)
            }
            let a = attributes(t)
            if a["src"] != nil || a["srcset"] != nil || a["action"] != nil { found.append(t) }
            if let href = a["href"], !href.hasPrefix("#") { found.append(t) }
            if t.contains("http:") || t.contains("https:") || t.contains("//") { found.append(t) }
        }
        for block in ["style", "script"] {
            guard let s = html.range(of: "<\(block)"),
                let e = html.range(of: "</\(block)>", range: s.upperBound..<html.endIndex)
            else { continue }
            let code = html[s.upperBound..<e.lowerBound]
            for bad in ["url(", "@import", "http:", "https:", "fetch(", "XMLHttpRequest", "import("]
            where code.contains(bad) {
                found.append("\(block): \(bad)")
            }
        }
        return found
    }
}
