import FuzzSupport
import MekongGlossary
import MekongText

// Input: a CSV or TSV file, as `mekong glossary import` reads it (separator detected from the
// header line).
//
// Invariants: rows that read merge into a glossary, that glossary written as CSV reads back
// as the same concepts, and merging distinct rows again changes nothing.

/// The libFuzzer entry point: one input, checked as the comment at the top says.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    guard let text = String(validating: input, as: UTF8.self) else { return 0 }
    let separator = CSVFormat.detectSeparator(text)
    guard let rows = try? CSVFormat.read(text, file: "fuzz.csv", separator: separator) else { return 0 }
    var glossary = Glossary()
    _ = CSVFormat.merge(rows, into: &glossary)
    // Two rows for one concept (the same id, or no id and the same French form) overwrite each
    // other, last one wins, on every merge: idempotence holds only for rows that are distinct.
    let keys = rows.map { $0.hasID ? "id " + $0.concept.id : "fr " + Folding.key($0.concept.preferred(.fr) ?? "") }
    if Set(keys).count == keys.count {
        let again = CSVFormat.merge(rows, into: &glossary)
        Fuzz.require(again.added.isEmpty && again.changed.isEmpty, "merging the same rows twice changed \(again)")
    }

    let csv = CSVFormat.csv(glossary)
    let back: [CSVFormat.Row]
    do {
        back = try CSVFormat.read(csv, file: "export.csv", separator: ",")
    } catch {
        Fuzz.require(false, "the CSV export does not read back: \(error)\n\(csv)")
        return 0
    }
    var copy = Glossary()
    _ = CSVFormat.merge(back, into: &copy)
    let expected = glossary.concepts.map { $0.normalized() }.sorted { $0.id < $1.id }
    let actual = copy.concepts.map { $0.normalized() }.sorted { $0.id < $1.id }
    Fuzz.require(expected == actual, "CSV export reads back different:\n\(expected)\n\(actual)\n\(csv)")
    return 0
}
