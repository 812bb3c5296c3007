import Foundation
import FuzzSupport
import MekongGlossary
import MekongText

// Input: one control byte choosing the concept type (the file's name), then the TSV file.
//
// Invariant: a glossary that loads is saved and loaded back unchanged (in NFC, as the store
// writes it), and saving that again writes the same bytes.

private let types = ConceptType.allCases

/// The libFuzzer entry point: one input, checked as the comment at the top says.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGlossaryTSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    guard let control = input.first else { return 0 }
    let type = types[Int(control) % types.count]
    let first = Fuzz.scratch + "/first"
    let second = Fuzz.scratch + "/second"
    for folder in [first, second] {
        try? FileManager.default.removeItem(atPath: folder)
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }
    let store = GlossaryStore(directory: first)
    _ = FileManager.default.createFile(atPath: store.path(for: type), contents: Data(input.dropFirst()))
    guard let glossary = try? store.load() else { return 0 }
    let copy = GlossaryStore(directory: second)
    do {
        try copy.save(glossary)
    } catch {
        Fuzz.require(false, "a glossary that loads cannot be saved: \(error)")
    }
    let reloaded: Glossary
    do {
        reloaded = try copy.load()
    } catch {
        Fuzz.require(false, "a saved glossary does not load: \(error)")
        return 0
    }
    let expected = glossary.concepts.map { $0.normalized() }.sorted { $0.id < $1.id }
    let actual = reloaded.concepts.sorted { $0.id < $1.id }
    Fuzz.require(expected == actual, "saved and loaded glossary differs:\n\(expected)\n\(actual)")
    let bytes = try? Data(contentsOf: URL(fileURLWithPath: copy.path(for: type)))
    try! copy.save(reloaded)
    Fuzz.require(bytes == (try? Data(contentsOf: URL(fileURLWithPath: copy.path(for: type)))), "second save differs")
    return 0
}
