import Foundation
import MekongText
import Testing

@testable import MekongChecks
@testable import MekongGlossary

/// Precision and recall of `mekong check` on a labelled set: the hand-written cases of
/// Fixtures/labelled.tsv plus cases built from the shipped glossary's Vietnamese names (each in
/// its three styles inside ordinary sentences, and corrupted in ways a label can be sure of:
/// a tone changed, one diacritic dropped from the press form, decomposed, Đ replaced by Ð).
@Suite struct LabelledSetTests {
    struct Case {
        var expected: Set<String>
        var language: Language
        var style: NameStyle?
        var text: String
    }

    static let templates = [
        "Selon NAME, la coopération progresse.", "Le responsable NAME a reçu la délégation lao.",
        "La visite de NAME à Vientiane a été reportée.",
    ]

    static func cases() throws -> [Case] {
        var out: [Case] = []
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/labelled.tsv"
        ).path
        for line in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#")
        {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count == 4 else { continue }
            out.append(
                Case(
                    expected: cols[0] == "-" ? [] : Set(cols[0].split(separator: ",").map(String.init)),
                    language: Language(tag: cols[1])!, style: NameStyle(rawValue: cols[2]), text: cols[3]))
        }
        let glossary = try GlossaryStore(directory: repository + "/glossary").load()
        for c in glossary.concepts where c.type == .person || c.type == .place {
            guard let vi = c.preferred(.vi), vi != NameStyle.ascii.form(of: vi),
                c.type == .person || c.preferred(.fr).map({ Folding.key($0) == Folding.key(vi) }) == true
            else { continue }
            for (k, template) in templates.enumerated() {
                for style in NameStyle.allCases {
                    out.append(
                        Case(
                            expected: [], language: .french, style: nil,
                            text: template.replacingOccurrences(of: "NAME", with: style.form(of: vi))))
                }
                guard k < 2 else { continue }
                func add(_ rules: Set<String>, _ name: String?) {
                    guard let name else { return }
                    out.append(
                        Case(
                            expected: rules, language: .french, style: nil,
                            text: template.replacingOccurrences(of: "NAME", with: name)))
                }
                add(["name-diacritics"], changeTone(vi))
                add(["name-diacritics"], dropOneDiacritic(NameStyle.press.form(of: vi)))
                add(["not-nfc"], vi.decomposedStringWithCanonicalMapping)
                if vi.contains("Đ") { add(["look-alike"], vi.replacingOccurrences(of: "Đ", with: "\u{00D0}")) }
            }
        }
        return out
    }

    /// The name with its first tone mark replaced by another tone.
    static func changeTone(_ vi: String) -> String? {
        let swap: [UInt32: UInt32] = [0x300: 0x301, 0x301: 0x300, 0x303: 0x309, 0x309: 0x303, 0x323: 0x300]
        var scalars = Array(vi.decomposedStringWithCanonicalMapping.unicodeScalars)
        guard let i = scalars.firstIndex(where: { swap[$0.value] != nil }) else { return nil }
        scalars[i] = Unicode.Scalar(swap[scalars[i].value]!)!
        return String(String.UnicodeScalarView(scalars)).precomposedStringWithCanonicalMapping
    }

    /// The press form with the diacritics of its first accented letter removed, when it has at
    /// least two (with one, removing it gives the ASCII style, which is correct).
    static func dropOneDiacritic(_ press: String) -> String? {
        let accented = press.filter { String($0) != NameStyle.ascii.form(of: String($0)) }
        guard accented.count >= 2, let first = accented.first else { return nil }
        return press.replacingOccurrences(
            of: String(first), with: NameStyle.ascii.form(of: String(first)), options: [],
            range: press.range(of: String(first)))
    }

    @Test func precisionAndRecallOnTheLabelledSet() throws {
        let glossary = try GlossaryStore(directory: repository + "/glossary").load()
        let matcher = NameMatcher(glossary)
        let all = try Self.cases()
        var tp = 0
        var fp = 0
        var fn = 0
        var misses: [String] = []
        for c in all {
            let found = Set(check(c.text, c.language, style: c.style, glossary: matcher).map(\.rule))
            tp += found.intersection(c.expected).count
            fp += found.subtracting(c.expected).count
            fn += c.expected.subtracting(found).count
            if found != c.expected { misses.append("\(c.expected.sorted()) got \(found.sorted()): \(c.text)") }
        }
        let precision = Double(tp) / Double(max(1, tp + fp))
        let recall = Double(tp) / Double(max(1, tp + fn))
        print(
            String(
                format: "labelled set: %d cases (%d with an expected finding), precision %.3f, recall %.3f", all.count,
                all.filter { !$0.expected.isEmpty }.count, precision, recall))
        for m in misses { print("  miss: \(m)") }
        #expect(all.count >= 300)
        #expect(precision >= 0.95)
        #expect(recall >= 0.95)
    }
}
