import Foundation
import MekongTestSupport
import MekongText
import MekongXML
import Testing

@testable import MekongSegmentation

@Suite struct SRXTests {
    static let standardFiles = [
        "srx/languagetool-segment.srx", "srx/okapi-defaultSegmentation.srx",
        "srx/okapi_default_icu4j.srx", "samples/srx20-minimal.srx",
    ]

    @Test(arguments: standardFiles)
    func standardFilesLoadAndEveryRuleCompiles(file: String) throws {
        let path = Fixtures.standard(file)
        let doc = try SRXDocument.load(path: path)
        #expect(!doc.languageRules.isEmpty)
        // Every pattern is either read by the native parser or accepted by ICU (the fallback).
        var total = 0
        var native = 0
        for list in doc.languageRules {
            for rule in list.rules {
                for pattern in [rule.before, rule.after] where !pattern.isEmpty {
                    total += 1
                    do {
                        _ = try PatternParser.parse(pattern)
                        native += 1
                    } catch let error as PatternError where error.unsupported {
                        _ = try NSRegularExpression(pattern: pattern)
                    }
                }
            }
        }
        #expect(total > 0)
        // Nearly all real patterns run natively (measured: LanguageTool 2279 of 2280, Okapi all).
        #expect(Double(native) >= 0.95 * Double(total))
    }

    @Test func languageToolFrenchRulesRunNatively() throws {
        let doc = try SRXDocument.load(path: Fixtures.standard("srx/languagetool-segment.srx"))
        let rules = try doc.rules(for: "fr")
        #expect(rules.count > 50)
        // Compiled once (compiling LanguageTool's French rules is the costly part of this test).
        let seg = try SentenceSegmenter(rules: rules, language: "fr")
        // Java-only constructs are rare; every French pattern has a native form.
        #expect(seg.rules.count == rules.count)
        #expect(seg.rules.filter(\.usesICU).isEmpty)
        let out = seg.sentences(in: "Il a vu M. Dupont hier. Puis il est parti ! Enfin, la nuit tombe.").map(
            String.init)
        #expect(out == ["Il a vu M. Dupont hier.", "Puis il est parti !", "Enfin, la nuit tombe."])
    }

    @Test func languageToolHasNoVietnameseOrLaoRules() throws {
        let doc = try SRXDocument.load(path: Fixtures.standard("srx/languagetool-segment.srx"))
        // No map for vi or lo: no rules, so Vietnamese and Lao text is not split at all.
        for code in ["vi", "lo"] {
            let seg = try SentenceSegmenter(rules: doc.rules(for: code), language: code)
            #expect(seg.sentences(in: "Tôi không biết. Xin lỗi! Được.").count == 1)
        }
        // Mekong's rules split it, and keep "TP. Hồ Chí Minh" whole.
        #expect(
            try sentences("Tôi không biết. Xin lỗi! Tôi ở TP. Hồ Chí Minh.", .vietnamese)
                == ["Tôi không biết.", "Xin lỗi!", "Tôi ở TP. Hồ Chí Minh."])
    }

    static let cascadeSRX = """
        <srx xmlns="http://www.lisa.org/srx20" version="2.0">
          <header segmentsubflows="yes" cascade="CASCADE"/>
          <body>
            <languagerules>
              <languagerule languagerulename="A">
                <rule break="no"><beforebreak>\\bM\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
              </languagerule>
              <languagerule languagerulename="B">
                <rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
              </languagerule>
            </languagerules>
            <maprules>
              <languagemap languagepattern="fr.*" languagerulename="A"/>
              <languagemap languagepattern=".*" languagerulename="B"/>
            </maprules>
          </body>
        </srx>
        """

    @Test func cascadeYesAppliesEveryMatchingMapInOrder() throws {
        let doc = try SRXDocument.load(
            bytes: Array(Self.cascadeSRX.replacingOccurrences(of: "CASCADE", with: "yes").utf8), name: "c.srx")
        #expect(doc.cascade)
        let fr = try SentenceSegmenter(rules: doc.rules(for: "fr-FR"), language: "fr")
        #expect(fr.sentences(in: "Voici M. Dupont. Fin.").map(String.init) == ["Voici M. Dupont.", "Fin."])
        // "de" matches only ".*": the no-break rule does not apply.
        let de = try SentenceSegmenter(rules: doc.rules(for: "de"), language: "de")
        #expect(de.sentences(in: "Voici M. Dupont. Fin.").count == 3)
    }

    @Test func cascadeNoUsesOnlyTheFirstMatchingMap() throws {
        let doc = try SRXDocument.load(
            bytes: Array(Self.cascadeSRX.replacingOccurrences(of: "CASCADE", with: "no").utf8), name: "c.srx")
        #expect(try doc.rules(for: "fr").count == 1)
        // Only the no-break rule: nothing ever breaks.
        let fr = try SentenceSegmenter(rules: doc.rules(for: "fr"), language: "fr")
        #expect(fr.sentences(in: "Voici M. Dupont. Fin.").count == 1)
    }

    @Test func languageMapPatternMustMatchTheWholeCode() throws {
        let doc = try SRXDocument.load(
            bytes: Array(Self.cascadeSRX.replacingOccurrences(of: "CASCADE", with: "yes").utf8), name: "c.srx")
        #expect(try doc.rules(for: "xfr").count == 1)
    }

    @Test func firstMatchingRuleDecides() throws {
        let rules = [
            SRXRule(isBreak: false, before: #"\bM\."#, after: #"\s"#),
            SRXRule(isBreak: true, before: #"\."#, after: #"\s"#),
            SRXRule(isBreak: false, before: #"\."#, after: #"\s"#),  // never reached
        ]
        let seg = try SentenceSegmenter(rules: rules, language: "fr")
        #expect(seg.sentences(in: "A M. B. C").map(String.init) == ["A M. B.", "C"])
    }

    @Test func unsupportedPatternsFallBackToICU() throws {
        let rules = [SRXRule(isBreak: true, before: #"\p{IsLatin}\."#, after: #"\s"#)]
        let compiled = try CompiledRule(rules[0])
        #expect(compiled.usesICU)
        let seg = try SentenceSegmenter(rules: rules, language: "fr")
        #expect(seg.sentences(in: "Un. Deux. 3. Quatre").map(String.init) == ["Un.", "Deux.", "3. Quatre"])
    }

    @Test func badPatternNamesTheRule() throws {
        let xml = """
            <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body><languagerules>
            <languagerule languagerulename="X">
            <rule break="yes"><beforebreak>[a</beforebreak><afterbreak></afterbreak></rule>
            </languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="X"/></maprules></body></srx>
            """
        let doc = try SRXDocument.load(bytes: Array(xml.utf8), name: "bad.srx")
        let error = #expect(throws: Diagnostic.self) {
            try SentenceSegmenter(rules: doc.rules(for: "fr"), language: "fr")
        }
        #expect(error?.location == SourceLocation(file: "bad.srx", line: 3))
        #expect(error?.description.hasPrefix("bad.srx:3: error: bad pattern '[a'") == true)
    }

    @Test func notAnSRXFileIsAnError() {
        #expect(throws: Diagnostic.self) { try SRXDocument.load(bytes: Array("<tmx/>".utf8), name: "x.srx") }
    }

    @Test func shippedRulesAreValidAgainstTheSRXSchema() throws {
        let validator = try XMLSchemaValidator(
            schemaPath: Fixtures.standard("srx/srx20.xsd"),
            catalogPath: Fixtures.standard("catalog.xml"))
        #expect(validator.errors(inFile: try BuiltinRules.srxPath()) == [])
        // And the validator does reject an invalid file.
        let bad = TestSupport.temporaryFolder("bad") + "/file.srx"
        _ = FileManager.default.createFile(
            atPath: bad, contents: Data(#"<srx xmlns="http://www.lisa.org/srx20" version="9"><body/></srx>"#.utf8))
        defer { try? FileManager.default.removeItem(atPath: bad) }
        #expect(!validator.errors(inFile: bad).isEmpty)
    }
}
