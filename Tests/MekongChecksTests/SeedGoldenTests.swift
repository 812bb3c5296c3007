import Foundation
import MekongText
import Testing

@testable import MekongChecks
@testable import MekongGlossary

@Suite struct SeedGoldenTests {
    /// The five seed articles checked in press style against the shipped glossary: every
    /// finding was reviewed by hand (see the golden file's header).
    @Test func seedsInPressStyleMatchTheReviewedGolden() throws {
        let glossary = try GlossaryStore(directory: repository + "/glossary").load()
        let matcher = NameMatcher(glossary)
        var lines: [String] = []
        let seeds = try FileManager.default.contentsOfDirectory(atPath: repository + "/seeds").filter {
            $0.hasSuffix(".txt")
        }.sorted()
        for name in seeds {
            let checker = DocumentChecker(
                file: "seeds/" + name, matcher: matcher, options: CheckOptions(language: .french, style: .press))
            let reader = try LineReader(path: repository + "/seeds/" + name)
            while let line = try reader.next() { checker.check(line: line.bytes, number: line.number) }
            lines += checker.finish().map(\.description)
        }
        let golden = try String(
            contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "Fixtures/seeds-press.golden"
            ).path, encoding: .utf8
        )
        .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(lines == golden)
    }
}
