import FuzzSupport
import MekongExchange
import MekongGlossary
import MekongText

// Input: an XML file, given to the XLIFF (1.2 and 2.x), TMX and TBX readers in turn.
//
// Invariants: what a reader returns, written by Mekong's own writer and read again, is equal:
// XLIFF sources and targets (1.2, 2.0, 2.1; 1.2 pre-fills a missing target with the source), TMX units (id, variants, note), TBX concepts.

/// The libFuzzer entry point: one input, checked as the comment at the top says.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    let path = Fuzz.write(input, named: "input.xml")
    if let read = try? XLIFFReader.read(path: path) { roundTripXLIFF(read.segments) }
    var units: [TMXWriter.Unit] = []
    if (try? TMXReader.read(path: path, each: { units.append($0) })) != nil { roundTripTMX(units) }
    if let concepts = try? TBXFormat.read(path: path) { roundTripTBX(concepts) }
    return 0
}

private func roundTripXLIFF(_ read: [XLIFFReader.Segment]) {
    let segments = read.enumerated().map { i, s in
        HandoffSegment(id: "s\(i + 1)", source: s.source, target: s.target, terms: [])
    }
    let article = HandoffArticle(
        id: "fuzz", original: "fuzz.txt", date: nil, sourceLanguage: "fr",
        units: [HandoffUnit(id: "fuzz-p1", kind: .body, segments: segments)])
    for version in XLIFFWriter.Version.allCases {
        let back: [XLIFFReader.Segment]
        do {
            let bytes = try XLIFFWriter.bytes(article, target: "vi", version: version)
            back = try XLIFFReader.read(path: Fuzz.write(bytes, named: "written.xlf")).segments
        } catch {
            Fuzz.require(false, "XLIFF \(version) written from what was read does not read back: \(error)")
            return
        }
        Fuzz.require(back.count == read.count, "XLIFF \(version): \(read.count) segments written, \(back.count) read")
        for (a, b) in zip(read, back) {
            Fuzz.require(
                a.source == b.source,
                "XLIFF \(version) source \(a.source.debugDescription) -> \(b.source.debugDescription)")
            // XLIFF 1.2 pre-fills a missing target with the source (state="needs-translation"), as OmegaT expects.
            let target = version == .v12 ? (a.target ?? a.source) : a.target
            Fuzz.require(
                target == b.target,
                "XLIFF \(version) target \(String(describing: target)) -> \(String(describing: b.target))")
        }
    }
}

private func roundTripTMX(_ units: [TMXWriter.Unit]) {
    let back: [TMXWriter.Unit]
    do {
        let bytes = try TMXWriter.bytes(units, sourceLanguage: "fr", environment: [:])
        var read: [TMXWriter.Unit] = []
        try TMXReader.read(path: Fuzz.write(bytes, named: "written.tmx")) { read.append($0) }
        back = read
    } catch {
        Fuzz.require(false, "TMX written from what was read does not read back: \(error)")
        return
    }
    Fuzz.require(back.count == units.count, "TMX: \(units.count) units written, \(back.count) read")
    for (a, b) in zip(units, back) {
        Fuzz.require(a.id == b.id, "TMX tuid \(String(describing: a.id)) -> \(String(describing: b.id))")
        Fuzz.require(a.note == b.note, "TMX note \(String(describing: a.note)) -> \(String(describing: b.note))")
        Fuzz.require(
            a.variants.map { "\($0.language)\u{0}\($0.text)" } == b.variants.map { "\($0.language)\u{0}\($0.text)" },
            "TMX variants \(a.variants) -> \(b.variants)")
    }
}

private func roundTripTBX(_ concepts: [Concept]) {
    guard !concepts.isEmpty else { return }
    let glossary = Glossary(concepts: concepts)
    for version in TBXFormat.Version.allCases {
        let back: [Concept]
        do {
            back = try TBXFormat.read(bytes: TBXFormat.bytes(glossary, version: version), name: "written.tbx")
        } catch {
            Fuzz.require(false, "TBX \(version) written from what was read does not read back: \(error)")
            return
        }
        let expected = glossary.concepts.map { $0.normalized() }.sorted { $0.id < $1.id }
        let actual = back.map { $0.normalized() }.sorted { $0.id < $1.id }
        Fuzz.require(expected == actual, "TBX \(version) concepts differ:\n\(expected)\n\(actual)")
    }
}
