import Foundation
import MekongTestSupport
import MekongText

@testable import MekongSegmentation

enum Fixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = TestSupport.repository

    /// A file of this target's `Fixtures` folder (the hand-checked gold files).
    static func path(_ relative: String) -> String {
        testsDirectory.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    /// A standards file copied into `Tests/Fixtures/standards` (see its SOURCES.md).
    static func standard(_ relative: String) -> String { TestSupport.fixture("standards/" + relative) }

    static func seeds() throws -> [String] { try TestSupport.seeds() }
}

/// Segments a string with the built-in rules and returns the sentences.
func sentences(_ text: String, _ language: Language = .french) throws -> [String] {
    try BuiltinRules.segmenter(for: language).sentences(in: text).map(String.init)
}

/// Segments a whole article given as a string.
func articleSegments(
    _ text: String, mode: ArticleSegmenter.Mode = .article, language: Language? = .french,
    rules: SRXDocument? = nil
) throws -> [Segment] {
    let path = TestSupport.temporaryFolder("article") + "/file.txt"
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var out: [Segment] = []
    try ArticleSegmenter(mode: mode, language: language, rules: rules)
        .segment(try LineReader(path: path), article: "t") { out.append($0) }
    return out
}
