import FuzzSupport
import MekongSegmentation
import MekongText

// Input, two shapes:
// - an SRX document (starts with `<`): loaded, then its rules for fr, vi and lo compiled and run
//   over a fixed trilingual sample;
// - otherwise `before NUL after NUL text`: one break rule (then the same as a no-break rule before
//   a break-everywhere rule) compiled by the pattern parser and run by the matcher over `text`.
//
// Invariant: whatever the rules, the ranges are in order, inside the text, and lose no scalar
// that is not white space.

private let sample = Array(
    """
    M. Dupont est arrivé hier à 8 h. Il repart ce soir ! « Vraiment ? » dit-elle… Oui.
    Ông Nguyễn Văn A đã đến Hà Nội. TP. Hồ Chí Minh rất đẹp! Thật không?
    ທ່ານ ສອນໄຊ ໄດ້ເດີນທາງ. ດຣ. ບຸນມີ ມາແລ້ວ.
    """.utf8)

/// The libFuzzer entry point: one input, checked as the comment at the top says.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSRX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Fuzz.bytes(data, size)
    if input.first == UInt8(ascii: "<") {
        guard let document = try? SRXDocument.load(bytes: input, name: "fuzz.srx") else { return 0 }
        for language in ["fr", "vi", "lo"] {
            guard let rules = try? document.rules(for: language),
                let segmenter = try? SentenceSegmenter(rules: rules, language: language)
            else { continue }
            check(segmenter, sample)
        }
        return 0
    }
    let parts = input.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3 else { return 0 }
    let before = String(decoding: parts[0], as: UTF8.self)
    let after = String(decoding: parts[1], as: UTF8.self)
    let text = Array(String(decoding: parts[2], as: UTF8.self).utf8)
    let sets: [[SRXRule]] = [
        [SRXRule(isBreak: true, before: before, after: after)],
        [SRXRule(isBreak: false, before: before, after: after), SRXRule(isBreak: true, before: "", after: ".")],
    ]
    for rules in sets {
        guard let segmenter = try? SentenceSegmenter(rules: rules, language: "fr") else { continue }
        check(segmenter, text)
    }
    return 0
}

private func check(_ segmenter: SentenceSegmenter, _ text: [UInt8]) {
    let ranges = text.withUnsafeBufferPointer { segmenter.sentenceRanges(in: $0) }
    var covered = 0
    for r in ranges {
        Fuzz.require(r.lowerBound >= covered && r.upperBound <= text.count && !r.isEmpty, "bad range \(r)")
        let gap = String(decoding: text[covered..<r.lowerBound], as: UTF8.self)
        Fuzz.require(gap.unicodeScalars.allSatisfy(Fuzz.isSegmentSpace), "lost text: \(gap.debugDescription)")
        Fuzz.require(String(validating: text[r], as: UTF8.self) != nil, "range \(r) splits a UTF-8 sequence")
        covered = r.upperBound
    }
    let tail = String(decoding: text[covered...], as: UTF8.self)
    Fuzz.require(tail.unicodeScalars.allSatisfy(Fuzz.isSegmentSpace), "lost text at the end: \(tail.debugDescription)")
}
