import Foundation
import MekongTestSupport
import MekongText
import Testing

@testable import MekongGlossary

/// Every input the `csv` fuzz target kept (`Tests/Fixtures/fuzz/csv/`), replayed with its
/// invariants: the rows merge, merging rows that are distinct again changes nothing, and the
/// glossary exported as CSV reads back as the same concepts.
///
/// `merge-not-idempotent-1e7ec3cf`: a row without an id (French `"Jo" Dupont`) got the new id
/// `x-0`, which the next row of the file named explicitly and overwrote; merged again, the
/// id-less row found that concept by its French form and changed it back.
///
/// `quote-before-a-combining-mark-0f1f85cf`: a French cell holding `""ີ` (two quotes, the second
/// followed by a Lao vowel sign) was exported with three quotes: the quote and the mark are one
/// `Character`, which the quoting did not see as a quote.
@Suite struct CSVFuzzReproducerTests {
    static let folder = TestSupport.fixture("fuzz/csv")
    static let inputs = TestSupport.listing(folder)

    @Test(arguments: inputs) func csvReproducerKeepsTheInvariants(_ name: String) throws {
        let text = String(decoding: TestSupport.bytes(Self.folder + "/" + name), as: UTF8.self)
        let rows = try CSVFormat.read(text, file: name, separator: CSVFormat.detectSeparator(text))
        var glossary = Glossary()
        let first = CSVFormat.merge(rows, into: &glossary)
        #expect(first.added.count == Set(first.added).count, "an id given twice: \(first.added)")
        let again = CSVFormat.merge(rows, into: &glossary)
        #expect(again.added.isEmpty && again.changed.isEmpty, "merging twice changed \(again.changes)")
        var copy = Glossary()
        _ = CSVFormat.merge(try CSVFormat.read(CSVFormat.csv(glossary), file: "export.csv"), into: &copy)
        #expect(copy.concepts == glossary.concepts)
    }

    /// A quote followed by a combining mark (Lao vowel signs and tone marks, Vietnamese marks
    /// in decomposed text) is doubled like any other, and the field reads back whole.
    @Test(arguments: ["\"\u{0EB5}", "a \"\u{0301}b", "x,\"\u{0EC8}\"\u{0EB5}"])
    func aQuoteBeforeACombiningMarkIsDoubled(_ value: String) throws {
        let quoted = CSVFormat.quote(value)
        #expect(quoted.utf8.filter { $0 == 0x22 }.count == 2 + 2 * value.utf8.filter { $0 == 0x22 }.count)
        let rows = try CSVFormat.records(in: "fr\n" + quoted + "\n", file: "q.csv", separator: ",")
        #expect(rows.last?.fields == [value])
    }

    /// The rule the reproducer broke, on names a user would write: an id the file names is
    /// never given to a row without one, and that row's homonym stays a concept of its own.
    @Test func aNewIDIsNeverOneTheFileNames() throws {
        let csv = "id,type,fr,vi\n,person,Nguyễn Văn An,Nguyễn Văn An\nnguyen-van-an,place,Nguyễn Văn An,\n"
        var g = Glossary()
        let report = CSVFormat.merge(try CSVFormat.read(csv, file: "a.csv"), into: &g)
        #expect(report.added == ["nguyen-van-an-2", "nguyen-van-an"])
        #expect(g["nguyen-van-an"]?.type == .place && g["nguyen-van-an-2"]?.type == .person)
        let again = CSVFormat.merge(try CSVFormat.read(csv, file: "a.csv"), into: &g)
        #expect(again.kept.sorted() == ["nguyen-van-an", "nguyen-van-an-2"])
    }
}
