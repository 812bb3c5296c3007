import Foundation
import MekongText
import Testing

@testable import MekongSegmentation

/// The hard cases of issue 13, one per error class and language, from
/// `Fixtures/adversarial/{fr,vi,lo}-cases.txt` (`¦` = boundary, `⏎` = line break). The same
/// files are scored by `scripts/segscore.py --cases`.
@Suite struct AdversarialCasesTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var language: Language
        var text: String
        var sentences: [String]
        var testDescription: String { "\(language.tag): \(text.prefix(50))" }
    }

    static func cases(_ language: Language) throws -> [Case] {
        let text = try String(contentsOfFile: Fixtures.path("adversarial/\(language.tag)-cases.txt"), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }.map { line in
            let paragraph = line.replacingOccurrences(of: "⏎", with: "\n")
            let pieces = paragraph.split(separator: "¦", omittingEmptySubsequences: false)
            return Case(
                language: language, text: pieces.joined(),
                sentences: pieces.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        }
    }

    static let all: [Case] = (try? [Language.french, .vietnamese, .lao].flatMap { try cases($0) }) ?? []

    @Test func everyLanguageHasCases() {
        for language in [Language.french, .vietnamese, .lao] {
            #expect(Self.all.filter { $0.language == language }.count >= 9)
        }
    }

    @Test(arguments: all)
    func caseIsSegmentedAsMarked(_ c: Case) throws {
        #expect(try sentences(c.text, c.language) == c.sentences)
    }
}
