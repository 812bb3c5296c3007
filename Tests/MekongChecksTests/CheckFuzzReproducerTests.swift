import Foundation
import MekongTestSupport
import MekongText
import Testing

@testable import MekongChecks
@testable import MekongGlossary

/// Every input the `check` fuzz target kept (`Tests/Fixtures/fuzz/check/`, control byte first:
/// 0 French, 1 Vietnamese, 2 Lao), replayed with its invariants against the shipped glossary:
/// a fixable finding's bytes are the text it says it found, and `--fix` replaces exactly the
/// non-overlapping spans, keeping every other byte. The first one kept: a NUL inside a glossary
/// name gives two overlapping fixes (delete the NUL; the name's spelling); only the first applies.
@Suite struct CheckFuzzReproducerTests {
    static let folder = TestSupport.fixture("fuzz/check")
    static let inputs = TestSupport.listing(folder)

    @Test(arguments: inputs) func checkReproducerFixesOnlyItsSpans(_ name: String) throws {
        let input = TestSupport.bytes(Self.folder + "/" + name)
        let control = try #require(input.first)
        let text = Array(input.dropFirst())
        let language = [Language.french, .vietnamese, .lao][Int(control) % 3]
        let matcher = NameMatcher(try GlossaryStore(directory: TestSupport.path("glossary")).load())
        let checker = DocumentChecker(file: name, matcher: matcher, options: CheckOptions(language: language))
        let reader = LineReader(bytes: text, name: name)
        while let line = try reader.next() { checker.check(line: line.bytes, number: line.number) }
        let findings = checker.finish()

        var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let fixes = findings.filter { $0.fixable && $0.expected != nil && $0.byteRange != nil }
        for (number, group) in Dictionary(grouping: fixes, by: { $0.location!.line! }) {
            let original = lines[number - 1]
            var line = original
            var lastStart = Int.max
            for f in group.sorted(by: { $0.byteRange!.lowerBound > $1.byteRange!.lowerBound }) {
                let r = f.byteRange!
                if let found = f.found { #expect(String(decoding: original[r], as: UTF8.self) == found, "\(f)") }
                guard r.upperBound <= lastStart else { continue }
                line.replaceSubrange(r, with: Array(f.expected!.utf8))
                lastStart = r.lowerBound
            }
            lines[number - 1] = line
        }
        let path = TestSupport.temporaryFile(text, name: "fixed.txt")
        _ = try Fixer.apply(findings, toFile: path)
        #expect(TestSupport.bytes(path) == Array(lines.joined(separator: [0x0A])))
    }
}
