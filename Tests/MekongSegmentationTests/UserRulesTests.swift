import Foundation
import MekongText
import Testing

@testable import MekongSegmentation

/// `--rules FILE` keeps SRX semantics; `withAbbreviations` layers Mekong's exceptions on top;
/// what a file cannot do is reported as warnings, never silently.
@Suite struct UserRulesTests {
    static func srx(header: String = "", maps: String) throws -> SRXDocument {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <srx xmlns="http://www.lisa.org/srx20" xmlns:okpsrx="http://okapi.sf.net/srx-extensions" version="2.0">
            <header segmentsubflows="yes" cascade="no">\(header)</header>
            <body><languagerules>
            <languagerule languagerulename="Plain">
            <rule break="yes"><beforebreak>[.?!]</beforebreak><afterbreak>\\s+\\p{Lu}</afterbreak></rule>
            </languagerule>
            <languagerule languagerulename="Nothing"><rule break="no"><beforebreak>x</beforebreak><afterbreak></afterbreak></rule></languagerule>
            </languagerules><maprules>\(maps)</maprules></body></srx>
            """
        return try SRXDocument.load(bytes: Array(text.utf8), name: "user.srx")
    }

    static let frenchOnly = #"<languagemap languagepattern="fr.*" languagerulename="Plain"/>"#

    @Test func userRulesKeepSRXSemantics() throws {
        let doc = try Self.srx(maps: Self.frenchOnly)
        let plain = try articleSegments("M. Dupont est là. Il parle.", mode: .plain, rules: doc)
        #expect(plain.map(\.text) == ["M.", "Dupont est là.", "Il parle."])
    }

    @Test func withAbbreviationsLayersMekongExceptionsOnUserRules() throws {
        let doc = try Self.srx(
            maps: Self.frenchOnly + #"<languagemap languagepattern="vi.*" languagerulename="Plain"/>"#)
        func run(_ text: String, _ language: Language) throws -> [String] {
            let path = NSTemporaryDirectory() + "mekong-abbr-\(UUID().uuidString).txt"
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            defer { try? FileManager.default.removeItem(atPath: path) }
            var out: [String] = []
            try ArticleSegmenter(mode: .plain, language: language, rules: doc, withAbbreviations: true)
                .segment(try LineReader(path: path), article: "t") { out.append($0.text) }
            return out
        }
        #expect(try run("M. Dupont a vu J. Martin. Il parle.", .french) == ["M. Dupont a vu J. Martin.", "Il parle."])
        #expect(
            try run("Tôi sống ở TP. Hồ Chí Minh. Tôi thích nó.", .vietnamese) == [
                "Tôi sống ở TP. Hồ Chí Minh.", "Tôi thích nó.",
            ])
    }

    @Test func aLanguageWithoutRulesIsReported() throws {
        let doc = try Self.srx(maps: Self.frenchOnly)
        let segmenter = ArticleSegmenter(mode: .plain, language: .vietnamese, rules: doc)
        var reported: [Diagnostic] = []
        segmenter.onWarning = { reported.append($0) }
        let path = NSTemporaryDirectory() + "mekong-warn-\(UUID().uuidString).txt"
        FileManager.default.createFile(atPath: path, contents: Data("Ông đến. Bà đi.".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var texts: [String] = []
        try segmenter.segment(try LineReader(path: path), article: "t") { texts.append($0.text) }
        #expect(texts == ["Ông đến. Bà đi."])
        #expect(segmenter.warnings.count == 1)
        #expect(reported == segmenter.warnings)
        let w = try #require(segmenter.warnings.first)
        #expect(w.location?.file == "user.srx")
        #expect(w.description.hasPrefix("user.srx: warning: no rules for Vietnamese (vi)"))
        #expect(w.message.contains("unsplit"))
        // Once per language, not per article.
        try segmenter.segment(try LineReader(path: path), article: "t2") { _ in }
        #expect(segmenter.warnings.count == 1)
    }

    @Test func onlyCatchAllRulesAreReported() throws {
        let doc = try Self.srx(maps: #"<languagemap languagepattern=".*" languagerulename="Nothing"/>"#)
        let segmenter = ArticleSegmenter(mode: .plain, language: .lao, rules: doc)
        _ = try segmenter.segmenter(for: .lao)
        #expect(
            segmenter.warnings.map(\.message) == [
                "no rules for Lao (lo): only the rules for every language apply (Nothing) and they do not split two plain sentences; Lao text will come out unsplit"
            ])
        // A language with its own map is not reported.
        let french = ArticleSegmenter(mode: .plain, language: .french, rules: try Self.srx(maps: Self.frenchOnly))
        _ = try french.segmenter(for: .french)
        #expect(french.warnings.isEmpty)
    }

    @Test func okapiOptionsThatChangeTheResultAreReported() throws {
        let header = """
            <okpsrx:options oneSegmentIncludesAll="no" trimLeadingWhitespaces="yes" trimTrailingWhitespaces="no" useIcu4jBreakRules="yes" treatIsolatedCodesAsWhitespace="no"/>
            <okpsrx:sample language="en" useMappedRules="yes">Mr. Holmes is here.</okpsrx:sample>
            <okpsrx:rangeRule></okpsrx:rangeRule>
            """
        let doc = try Self.srx(header: header, maps: Self.frenchOnly)
        #expect(doc.ignoredExtensions.count == 2)
        #expect(
            doc.ignoredExtensions.contains { $0.hasPrefix(#"okpsrx:options trimTrailingWhitespaces="no" is ignored"#) })
        #expect(doc.ignoredExtensions.contains { $0.hasPrefix(#"okpsrx:options useIcu4jBreakRules="yes" is ignored"#) })
        let segmenter = ArticleSegmenter(rules: doc)
        #expect(segmenter.warnings.map { $0.location?.file } == ["user.srx", "user.srx"])
        // Mekong's own file has no extensions to report.
        #expect(try BuiltinRules.document().ignoredExtensions.isEmpty)
    }
}
