import Foundation
import MekongTestSupport
import MekongText
import Testing

@testable import MekongSegmentation

/// Every input the `srx` fuzz target kept in `Tests/Fixtures/fuzz/srx/` (`before NUL after NUL
/// text`), replayed with its invariant: patterns either fail to compile with an error or give
/// ranges that lose no text. The first one kept crashed the pattern parser: a pattern ending in
/// a backslash right after the `-` of a class range (`[^\s\x{0E80}-\`) read past its end; the
/// second (`crash-x-escape-overflow`) had a `\x{0CCCC…}` with more hex digits than a UInt32 holds;
/// `icu-region-starts-inside-a-surrogate-pair` crashed ICU itself (a before-pattern that goes to
/// ICU, looked for in a window that began between the two halves of a scalar above U+FFFF);
/// `timeout-anchored-adjacent-repeats` took over 10 s on 2 KB: `^\d{1,3}(?:[ .]\d{8})*(?:,\D+.*)?`
/// costs O(*n*²) backtracking steps per position, up to the step limit at each of them.
@Suite struct SRXFuzzReproducerTests {
    static let folder = TestSupport.fixture("fuzz/srx")
    static let inputs = TestSupport.listing(folder)

    @Test(arguments: inputs) func srxReproducerCompilesOrFailsCleanly(_ name: String) throws {
        let input = TestSupport.bytes(Self.folder + "/" + name)
        let parts = input.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        try #require(parts.count == 3)
        let before = String(decoding: parts[0], as: UTF8.self)
        let after = String(decoding: parts[1], as: UTF8.self)
        let text = Array(String(decoding: parts[2], as: UTF8.self).utf8)
        let sets: [[SRXRule]] = [
            [SRXRule(isBreak: true, before: before, after: after)],
            [SRXRule(isBreak: false, before: before, after: after), SRXRule(isBreak: true, before: "", after: ".")],
        ]
        for rules in sets {
            guard let segmenter = try? SentenceSegmenter(rules: rules, language: "fr") else { continue }
            let ranges = text.withUnsafeBufferPointer { segmenter.sentenceRanges(in: $0) }
            var covered = 0
            for r in ranges {
                #expect(r.lowerBound >= covered && r.upperBound <= text.count)
                let gap = String(decoding: text[covered..<r.lowerBound], as: UTF8.self)
                #expect(gap.allSatisfy { $0.isWhitespace }, "lost \(gap.debugDescription)")
                covered = r.upperBound
            }
        }
    }

    @Test(arguments: [
        "[a-\\", "[^\\s\\x{0E80}-\\", "\\x{41", "[\\x{41-z]", "\\x{110000}", "[\\x{0CCCCCCCCCCCC}]", "\\x{FFFFFFFFF}",
    ])
    func aPatternCutShortIsAnError(_ pattern: String) {
        #expect(throws: (any Error).self) {
            try SentenceSegmenter(rules: [SRXRule(isBreak: true, before: pattern, after: "")], language: "fr")
        }
    }

    /// The look-behind window of an ICU before-pattern never starts inside a surrogate pair: ICU
    /// read out of bounds (SEGV) when it did, looking for a match that is not there. `(?>…)` goes
    /// to ICU; the window of the space after the 511 a's begins at the low surrogate of U+1F600.
    @Test func anICUWindowNeverSplitsASurrogatePair() throws {
        let text = Array(("b\u{1F600}" + String(repeating: "a", count: 511) + " x. Fin.").utf8)
        let segmenter = try SentenceSegmenter(
            rules: [SRXRule(isBreak: true, before: ".*(?>\\.)", after: "\\s")], language: "fr")
        let ranges = text.withUnsafeBufferPointer { segmenter.sentenceRanges(in: $0) }
        #expect(ranges.map { String(decoding: text[$0], as: UTF8.self).count } == [516, 4])
    }

    /// A before-pattern that backtracks quadratically at every position (`\D+.*` after an
    /// anchor, on text where it cannot match) is bounded for the whole paragraph, not only per
    /// position: without the paragraph's budget, 3,000 bytes cost over 400 million steps (the
    /// step limit at each of 2,400 positions); with it, at most the budget plus one question.
    /// The give-up is reported once, for the before side.
    @Test func aParagraphBoundsTheBacktrackingOfASide() throws {
        let text = Array(("a," + String(repeating: "x", count: 3_000)).utf8)
        let segmenter = try SentenceSegmenter(
            rules: [SRXRule(isBreak: true, before: "^\\d{1,3}(?:,\\D+.*)?", after: "")], language: "fr")
        let reports = Reports()
        segmenter.onGiveUp = { rule, before in reports.add("\(rule.before) \(before)") }
        let (ranges, steps) = text.withUnsafeBufferPointer { segmenter.scan($0) }
        #expect(ranges == [0..<text.count])
        #expect(steps <= SentenceSegmenter.backtrackBudget(text.count) + PatternMatcher.stepLimit + 1)
        #expect(steps > SentenceSegmenter.backtrackBudget(text.count))  // it did give up
        #expect(reports.all == ["^\\d{1,3}(?:,\\D+.*)? true"])

        // The same rule on text it matches costs a few steps per position and gives up nothing.
        let digits = Array(("12," + String(repeating: "x", count: 3_000)).utf8)
        let (all, cheap) = digits.withUnsafeBufferPointer { segmenter.scan($0) }
        #expect(all.count == digits.count - 1)  // a break after every scalar but the last
        #expect(cheap < 100 * digits.count)
        #expect(reports.all.count == 1)
    }

    final class Reports: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ s: String) {
            lock.lock()
            items.append(s)
            lock.unlock()
        }
        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return items
        }
    }

    /// The srx target grew to 1.9 GB: every distinct pattern stayed compiled for the process's life.
    @Test func theCompiledPatternCacheIsBounded() throws {
        let limit = CompiledRule.maxCompiled
        CompiledRule.maxCompiled = 16  // the same rule with a small bound (clearing only costs time)
        defer { CompiledRule.maxCompiled = limit }
        for k in 0..<40 {
            _ = try CompiledRule(SRXRule(isBreak: true, before: "x\(k)", after: ""))
            #expect(CompiledRule.cachedCount <= 16)
        }
    }
}
