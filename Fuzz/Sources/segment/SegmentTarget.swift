import FuzzSupport
import MekongSegmentation
import MekongText

// Input: one control byte, then the article. Control bits 0–1 choose the language (guessed,
// French, Vietnamese, Lao), bit 2 the mode (article or plain).
//
// Invariants:
// - the sentence ranges of the built-in segmenter are in order, do not overlap, and cover every
//   scalar that is not white space: no character is lost or reordered;
// - each segment of `ArticleSegmenter` is its source text between `start` and `end` (`\r\n` as
//   `\n`), and segments come in order without overlapping.

private let languages: [Language?] = [nil, .french, .vietnamese, .lao]
private let segmenters: [Language: SentenceSegmenter] = {
    let a = ArticleSegmenter()
    var s: [Language: SentenceSegmenter] = [:]
    for l in [Language.french, .vietnamese, .lao] { s[l] = try! a.segmenter(for: l) }
    return s
}()

/// The libFuzzer entry point: one input, checked as the comment at the top says.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSegment(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    guard let control = input.first else { return 0 }
    let text = Array(input.dropFirst())
    let language = languages[Int(control & 3)]
    let mode: ArticleSegmenter.Mode = control & 4 == 0 ? .article : .plain
    checkRanges(text, segmenters[language ?? .french]!)
    checkArticle(text, mode: mode, language: language)
    return 0
}

/// Line breaks as a segment's text has them: `\r\n` becomes `\n` (a lone `\r` is no line break).
private func unifiedBreaks(_ s: some Sequence<Unicode.Scalar>) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    for c in s {
        if c == "\n" && out.last == "\r" { out.removeLast() }
        out.append(c)
    }
    return out
}

private func checkRanges(_ text: [UInt8], _ segmenter: SentenceSegmenter) {
    // The segmenter wants valid UTF-8: give it the repaired text.
    let valid = Array(String(decoding: text, as: UTF8.self).utf8)
    let ranges = valid.withUnsafeBufferPointer { segmenter.sentenceRanges(in: $0) }
    var covered = 0
    for r in ranges {
        Fuzz.require(r.lowerBound >= covered && r.upperBound <= valid.count, "range \(r) out of order or bounds")
        Fuzz.require(!r.isEmpty, "empty range \(r)")
        let gap = String(decoding: valid[covered..<r.lowerBound], as: UTF8.self)
        Fuzz.require(
            gap.unicodeScalars.allSatisfy(Fuzz.isSegmentSpace), "lost text between segments: \(gap.debugDescription)")
        Fuzz.require(
            String(validating: valid[r], as: UTF8.self) != nil, "range \(r) splits a UTF-8 sequence")
        covered = r.upperBound
    }
    let tail = String(decoding: valid[covered...], as: UTF8.self)
    Fuzz.require(tail.unicodeScalars.allSatisfy(Fuzz.isSegmentSpace), "lost text at the end: \(tail.debugDescription)")
}

private func checkArticle(_ text: [UInt8], mode: ArticleSegmenter.Mode, language: Language?) {
    let segmenter = ArticleSegmenter(mode: mode, language: language)
    var segments: [Segment] = []
    do {
        try segmenter.segment(LineReader(bytes: text, name: "fuzz.txt"), article: "fuzz") { segments.append($0) }
    } catch {
        // Invalid UTF-8 is refused with a diagnostic; nothing to check.
        Fuzz.require(String(validating: text, as: UTF8.self) == nil, "valid UTF-8 refused: \(error)")
        return
    }
    var body = text[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    let scalars = Array(String(decoding: body, as: UTF8.self).unicodeScalars)
    var end = 0
    for s in segments {
        Fuzz.require(
            s.start >= end && s.start <= s.end && s.end <= scalars.count,
            "segment \(s.id) at \(s.start)..<\(s.end) out of order")
        let source = unifiedBreaks(scalars[s.start..<s.end])
        Fuzz.require(
            source == Array(s.text.unicodeScalars), "segment \(s.id) is not its source text: \(s.text.debugDescription)"
        )
        end = s.end
    }
}
