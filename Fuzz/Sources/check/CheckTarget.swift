import FuzzSupport
import MekongChecks
import MekongGlossary
import MekongText

// Input: one control byte choosing the language (French, Vietnamese, Lao), then the document.
// It is checked with the shipped glossary (`glossary/`), and `--fix` (``Fixer``) is applied.
//
// Invariants:
// - a fixable finding's byte range lies inside its line and holds the text it says it found;
// - the fixed file is the input with exactly the non-overlapping fixed spans replaced: every
//   byte outside them is kept;
// - checking the fixed file again does not report the same rule at a fixed span.

private let matcher: NameMatcher = {
    let store = GlossaryStore(directory: Fuzz.repository + "/glossary")
    return NameMatcher(try! store.load())
}()
private let languages: [Language] = [.french, .vietnamese, .lao]

private func findings(_ bytes: [UInt8], _ language: Language) -> [Diagnostic] {
    let checker = DocumentChecker(file: "fuzz.txt", matcher: matcher, options: CheckOptions(language: language))
    let reader = LineReader(bytes: bytes, name: "fuzz.txt")
    while let line = try! reader.next() { checker.check(line: line.bytes, number: line.number) }
    return checker.finish()
}

/// The libFuzzer entry point: one input, checked as the comment at the top says.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    guard let control = input.first else { return 0 }
    let text = Array(input.dropFirst())
    guard String(validating: text, as: UTF8.self) != nil else { return 0 }
    let language = languages[Int(control) % 3]
    let found = findings(text, language)

    // The lines as the fixer splits them (BOM off, CR kept apart).
    let bom: [UInt8] = text.starts(with: [0xEF, 0xBB, 0xBF]) ? [0xEF, 0xBB, 0xBF] : []
    var lines = text.dropFirst(bom.count).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    let fixes = found.filter { $0.fixable && $0.expected != nil && $0.byteRange != nil && $0.location?.line != nil }
    var fixedSpans: [(line: Int, range: Range<Int>, rule: String)] = []
    for (number, group) in Dictionary(grouping: fixes, by: { $0.location!.line! }) {
        Fuzz.require(number >= 1 && number <= lines.count, "finding on line \(number) of \(lines.count)")
        var line = lines[number - 1]
        let hasCR = line.last == 0x0D
        if hasCR { line.removeLast() }
        let original = line
        var lastStart = Int.max
        var applied: [(Range<Int>, Int, String)] = []  // original range, length written, rule
        for f in group.sorted(by: { $0.byteRange!.lowerBound > $1.byteRange!.lowerBound }) {
            let r = f.byteRange!
            Fuzz.require(r.upperBound <= original.count, "\(f.rule) range \(r) past the end of line \(number)")
            if let claimed = f.found {
                let there = String(decoding: original[r], as: UTF8.self)
                Fuzz.require(
                    there == claimed,
                    "\(f.rule) says it found \(claimed.debugDescription), the span holds \(there.debugDescription)")
            }
            guard r.upperBound <= lastStart else { continue }
            line.replaceSubrange(r, with: Array(f.expected!.utf8))
            lastStart = r.lowerBound
            applied.append((r, f.expected!.utf8.count, f.rule))
        }
        // Where each replacement sits in the new line: shifted by the ones to its left.
        var shift = 0
        for (r, written, rule) in applied.reversed() {
            fixedSpans.append((number, (r.lowerBound + shift)..<(r.lowerBound + shift + written), rule))
            shift += written - r.count
        }
        if hasCR { line.append(0x0D) }
        lines[number - 1] = line
    }
    let expected = bom + Array(lines.joined(separator: [0x0A]))

    let path = Fuzz.write(text, named: "fuzz.txt")
    let applied: [Fixer.Applied]
    do {
        applied = try Fixer.apply(found, toFile: path)
    } catch {
        Fuzz.require(false, "the fixer failed: \(error)")
        return 0
    }
    Fuzz.require(applied.count == fixedSpans.count, "\(applied.count) fixes applied, \(fixedSpans.count) expected")
    let written = (try? TextFile.bytes(at: path)) ?? []
    Fuzz.require(
        written == (fixedSpans.isEmpty ? text : expected),
        "the fixed file is not the input with the fixed spans replaced")
    guard !fixedSpans.isEmpty else { return 0 }
    for f in findings(written, language) where f.fixable {
        guard let line = f.location?.line, let r = f.byteRange else { continue }
        Fuzz.require(
            !fixedSpans.contains { $0.line == line && $0.range == r && $0.rule == f.rule },
            "\(f.rule) is found again at the span it fixed: \(f)")
    }
    return 0
}
