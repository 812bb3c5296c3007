import Foundation
import MekongText
import Testing

@testable import MekongChecks
@testable import MekongGlossary

/// Names on real text with a large glossary (Tests/Fixtures/glossary-large: test data, the 63
/// provinces, ministries, the Politburo, Lao provinces and leaders): published sentences that
/// once gave false errors stay quiet, and every damaged multi-syllable name is found with its
/// whole right spelling. The full measurement on the corpora is `scripts/names-measure.py`.
@Suite struct RealTextNameTests {
    static let large: NameMatcher = {
        let glossary = try! GlossaryStore(directory: repository + "/Tests/Fixtures/glossary-large").load()
        return NameMatcher(glossary)
    }()
    static let nameRules: Set<String> = [
        "name-diacritics", "name-case", "forbidden-form", "name-inconsistent", "not-nfc", "look-alike",
    ]

    @Test func publishedSentencesThatLookLikeNamesGiveNoNameFinding() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/vtb-name-traps.txt"
        ).path
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter {
            !$0.hasPrefix("#")
        }
        #expect(lines.count >= 20)
        let found = check(lines.joined(separator: "\n"), .vietnamese, glossary: Self.large).filter {
            Self.nameRules.contains($0.rule)
        }
        #expect(found.map(\.description) == [])
    }

    /// The multi-syllable Vietnamese names of the large glossary, damaged four ways inside a
    /// Vietnamese sentence.
    @Test func everyDamagedNameIsFoundWithTheWholeRightSpelling() throws {
        var cases = 0
        var misses: [String] = []
        for concept in Self.large.glossary.concepts where concept.type == .person || concept.type == .place {
            guard let vi = concept.preferred(.vi), vi.contains(" "), vi != NameStyle.ascii.form(of: vi) else {
                continue
            }
            var damaged = [NameStyle.ascii.form(of: vi), vi.decomposedStringWithCanonicalMapping]
            if let tone = LabelledSetTests.changeTone(vi) { damaged.append(tone) }
            if vi.contains("Đ") { damaged.append(vi.replacingOccurrences(of: "Đ", with: "\u{00D0}")) }
            let lead = concept.type == .person ? "Hôm qua, ông" : "Hôm qua, đoàn công tác đã đến"
            for bad in damaged {
                cases += 1
                let f = check("\(lead) \(bad) và làm việc với lãnh đạo.", .vietnamese, glossary: Self.large)
                let named = f.filter { Self.nameRules.contains($0.rule) }
                if named.count != 1 || named.first?.expected != vi || named.first?.found?.utf8.count != bad.utf8.count {
                    misses.append("\(bad): \(f.map(\.description))")
                }
            }
        }
        #expect(cases >= 400)
        #expect(misses == [])
    }

    @Test func aOneSyllableNameIsReportedAfterAWordThatAnnouncesIt() {
        let f = check("Quân đội nước Lao và ông Lao.", .vietnamese, glossary: Self.large)
        #expect(f.map(\.rule) == ["name-diacritics"])
        #expect(f.first?.expected == "Lào")
        #expect(f.first?.location?.column == 15)
    }
}
