import Foundation
@testable import MekongSegmentation
import MekongText

enum Fixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = testsDirectory.appendingPathComponent("../..").standardized
    static let shared = repository.appendingPathComponent("../shared").standardized

    static func path(_ relative: String) -> String {
        testsDirectory.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    static func sharedPath(_ relative: String) -> String {
        shared.appendingPathComponent(relative).path
    }

    static func seeds() throws -> [String] {
        let dir = repository.appendingPathComponent("seeds").path
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
            .map { dir + "/" + $0 }
    }
}

/// Segments a string with the built-in rules and returns the sentences.
func sentences(_ text: String, _ language: Language = .french) throws -> [String] {
    try BuiltinRules.segmenter(for: language).sentences(in: text).map(String.init)
}

/// Segments a whole article given as a string.
func articleSegments(_ text: String, mode: ArticleSegmenter.Mode = .article, language: Language? = .french,
                     rules: SRXDocument? = nil) throws -> [Segment] {
    let path = NSTemporaryDirectory() + "mekong-article-\(UUID().uuidString).txt"
    FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var out: [Segment] = []
    try ArticleSegmenter(mode: mode, language: language, rules: rules)
        .segment(try LineReader(path: path), article: "t") { out.append($0) }
    return out
}
