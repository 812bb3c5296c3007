import Foundation
import MekongText

/// Splits a paragraph into sentences by SRX rules, plus the exceptions a rule engine handles
/// badly (abbreviation lists, initials) and a last-resort split for very long Lao text.
///
/// How a paragraph is processed:
/// 1. **Candidates.** Only positions where some break rule *could* match are visited: the
///    scalars each break rule's `beforebreak` can end with (or its `afterbreak` can start with)
///    are computed from the pattern, and one pass over the UTF-8 bytes finds them. At every
///    other position no break rule can match, so SRX would not break there either.
/// 2. **Exceptions** (built-in rules only): ``AbbreviationList`` says "no break" after a known
///    abbreviation or an initial, as if it were a no-break rule placed first.
/// 3. **SRX.** The rules are tried in order; the first whose before and after patterns both
///    match decides. No rule matching means no break. Plain patterns run as automata
///    (``PatternDFA``), the rest on a backtracking matcher, and ICU only for what neither reads.
/// 4. **Punctuation only** (built-in rules, or user rules with Mekong's exceptions): a
///    segment with no letter or digit (`"`, `" .`, `!`, `...`: tokenised text puts quotes and
///    full stops on their own) joins the sentence it closes, or the one it opens (an opening
///    quote: an even number of `"` before it in the paragraph, or `“` `«`).
/// 5. **Long Lao segments** over ``longSegmentLimit`` scalars are split at a space (see
///    ``LaoFallback``).
///
/// Instances are immutable and may be shared between threads.
public final class SentenceSegmenter: @unchecked Sendable {
    /// The language code the rules were chosen for.
    public let language: String
    /// Rules in the order SRX tries them.
    let rules: [CompiledRule]
    /// Each rule's first test at a position, in plain values: the loop over the rules at every
    /// candidate position touches no reference (retain and release were a tenth of a run).
    private let gates: [Gate]
    let abbreviations: AbbreviationList?
    /// Segments longer than this many scalars are split at spaces (Lao only), or `nil`.
    public let longSegmentLimit: Int?
    /// Whether a segment made only of punctuation joins its neighbour (see step 4).
    public let joinsPunctuationOnlySegments: Bool
    /// Whether a heading run into its text with no punctuation is split before a sentence
    /// starter (French built-in rules; see ``AbbreviationList/startsRunOnSentence(at:in:)``).
    public let splitsRunOnHeadings: Bool
    private let headingBytes: [Bool]

    private let prevTrigger: ScalarSet
    private let nextTrigger: ScalarSet
    /// Scalars a break can be followed by, when every break rule says (else `nil`): a position
    /// after a trigger is only visited if the next scalar is one of them.
    private let nextAllowed: ScalarSet?
    private let everyPosition: Bool
    private let asciiTriggers: [UInt8]  // bit 1: break may follow this byte; bit 2: may precede it
    private let nonASCIITriggers: Bool

    /// Builds a segmenter from SRX rules already chosen for a language.
    /// - Throws: ``Diagnostic`` when a pattern is invalid.
    public init(
        rules: [SRXRule], language: String, abbreviations: AbbreviationList? = nil, longSegmentLimit: Int? = nil,
        joinsPunctuationOnlySegments: Bool = false, splitsRunOnHeadings: Bool = false
    ) throws {
        self.language = language
        self.joinsPunctuationOnlySegments = joinsPunctuationOnlySegments
        self.splitsRunOnHeadings = splitsRunOnHeadings && (abbreviations?.hasStarters ?? false)
        headingBytes = self.splitsRunOnHeadings ? abbreviations!.starterFirstBytes : Array(repeating: false, count: 128)
        self.rules = try rules.map(CompiledRule.init)
        gates = self.rules.map(Gate.init)
        self.abbreviations = abbreviations
        self.longSegmentLimit = longSegmentLimit
        var prev = ScalarSet.none
        var next = ScalarSet.none
        var every = false
        for rule in self.rules where rule.isBreak {
            if case .icu = rule.before {
                every = true
                continue
            }
            if let last = rule.beforeLast {
                prev = prev.union(last)
            } else if let first = rule.afterFirst, !rule.usesICU {
                next = next.union(first)
            } else {
                every = true
            }
        }
        prevTrigger = prev.tabulated()
        nextTrigger = next.tabulated()
        var allowed: ScalarSet? = ScalarSet.none
        for rule in self.rules where rule.isBreak {
            if let first = rule.afterFirst, let a = allowed { allowed = a.union(first) } else { allowed = nil }
        }
        nextAllowed = allowed?.tabulated()
        everyPosition = every
        let heading = headingBytes
        asciiTriggers = (0..<128).map { b in
            (prev.containsASCII(UInt8(b)) ? 1 : 0) | (next.containsASCII(UInt8(b)) ? 2 : 0) | (heading[b] ? 4 : 0)
        }
        nonASCIITriggers = prev.mayContainNonASCII || next.mayContainNonASCII
    }

    /// A rule's ``CompiledRule/beforeLast`` and ``CompiledRule/afterFirst`` for ASCII, as bits.
    private struct Gate {
        var before: (low: UInt64, high: UInt64)?
        var after: (low: UInt64, high: UInt64)?

        init(_ rule: CompiledRule) {
            before = rule.beforeLast?.asciiBits
            after = rule.afterFirst?.asciiBits
        }

        /// Whether rule `k` may match between `previous` and `next` (the sets themselves answer
        /// for scalars outside ASCII).
        @inline(__always)
        func admits(_ previous: Unicode.Scalar, _ next: Unicode.Scalar, _ rules: [CompiledRule], _ k: Int) -> Bool {
            if let before, !Self.allows(before, previous, rules[k].beforeLast) { return false }
            if let after, !Self.allows(after, next, rules[k].afterFirst) { return false }
            return true
        }

        /// Whether `c` is in the set whose ASCII bits are `bits` (the set answers above ASCII).
        @inline(__always)
        private static func allows(_ bits: (low: UInt64, high: UInt64), _ c: Unicode.Scalar, _ set: ScalarSet?) -> Bool
        {
            let v = c.value
            if v < 64 { return bits.low & (1 << UInt64(v)) != 0 }
            if v < 128 { return bits.high & (1 << UInt64(v - 64)) != 0 }
            return set!.contains(c)
        }
    }

    /// What ``sentenceRanges(in:)`` changes as it scans: the breaks found, the sides answered
    /// from precomputed positions, the ICU text (made on first use).
    private struct ScanState {
        var breaks: [Int] = []
        var accepted: [[Bool]?] = []
        var noSearch: [Bool] = []
        var icu: ICUText?
        /// Backtracking steps spent per side in this paragraph, and whether the side gave up
        /// (indexed as ``accepted``; empty until a side backtracks).
        var spent: [Int] = []
        var gaveUp: [Bool] = []
    }

    /// Backtracking steps one side may spend on a paragraph of `n` bytes, over all its
    /// questions: linear in the paragraph, and generous (a real rule spends a few steps per
    /// question, and questions are asked only at candidate positions).
    static func backtrackBudget(_ n: Int) -> Int { PatternMatcher.stepLimit * 4 + 64 * n }

    /// Called once per rule side that gave up (a question over ``PatternMatcher/stepLimit``
    /// steps, or a paragraph over ``backtrackBudget(_:)``), with the rule and whether it was
    /// the before side. Set it before the segmenter is shared; it may be called from any thread.
    public var onGiveUp: (@Sendable (SRXRule, Bool) -> Void)?
    private let giveUpLock = NSLock()
    private var reportedGiveUps = Set<Int>()

    private func noteGiveUp(_ k: Int, ending: Bool) {
        guard let onGiveUp else { return }
        giveUpLock.lock()
        let first = reportedGiveUps.insert(2 * k + (ending ? 0 : 1)).inserted
        giveUpLock.unlock()
        if first { onGiveUp(rules[k].rule, ending) }
    }

    /// The byte ranges of the sentences in `text` (valid UTF-8), in order, with white space
    /// trimmed from both ends; white-space-only stretches give no range.
    public func sentenceRanges(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        scan(text).ranges
    }

    /// ``sentenceRanges(in:)``, and the backtracking steps it took over all rules (for tests).
    func scan(_ text: UnsafeBufferPointer<UInt8>) -> (ranges: [Range<Int>], backtrackingSteps: Int) {
        guard let base = text.baseAddress, text.count > 0 else { return ([], 0) }
        let n = text.count
        let matcher = PatternMatcher(base: base, count: n)
        // The scan's mutable state in one value passed inout: captured variables that nested
        // functions mutate are checked for exclusive access at run time on every use.
        var st = ScanState()

        // Sides whose automaton read more than `scanLimit` scalars for one question (`[^)]*`
        // with no `)` in sight) answer from the positions their search automaton accepts at,
        // computed once for the paragraph: linear time whatever the paragraph's length.
        // Indexed by rule index * 2 (+ 1 for the after side); empty (no allocation) until needed.

        func consider(_ p: Int, _ st: inout ScanState) {
            guard p > 0, p < n, st.breaks.last != p else { return }
            let next = matcher.scalar(at: p).0
            if let nextAllowed, !nextAllowed.contains(next) { return }
            if let abbreviations, abbreviations.suppressesBreak(at: p, in: matcher) { return }
            let previous = matcher.scalar(before: p).0
            for k in gates.indices {
                let gate = gates[k]
                guard gate.admits(previous, next, rules, k) else { continue }
                let rule = rules[k]
                guard side(rule, k, p, ending: true, &st) && side(rule, k, p, ending: false, &st) else { continue }
                if rule.isBreak { st.breaks.append(p) }
                return
            }
        }

        func side(_ rule: CompiledRule, _ k: Int, _ p: Int, ending: Bool, _ st: inout ScanState) -> Bool {
            if let dfa = ending ? rule.beforeDFA : rule.afterDFA {
                let key = 2 * k + (ending ? 0 : 1)
                if !st.accepted.isEmpty, let positions = st.accepted[key] { return positions[p] }
                if st.noSearch.isEmpty {  // the usual case: the automaton answers
                    switch dfa.matches(matcher, at: p, backwards: ending, limit: Self.scanLimit) {
                    case .yes: return true
                    case .no: return false
                    default: break
                    }
                }
            }
            return sideInFull(rule, k, p, ending: ending, &st)
        }

        func sideInFull(_ rule: CompiledRule, _ k: Int, _ p: Int, ending: Bool, _ st: inout ScanState) -> Bool {
            switch ending ? rule.before : rule.after {
            case .always: return true
            case .native(let node, let dfa):
                if let dfa {
                    let key = 2 * k + (ending ? 0 : 1)
                    if !st.accepted.isEmpty, let positions = st.accepted[key] { return positions[p] }
                    let limit = !st.noSearch.isEmpty && st.noSearch[key] ? Int.max : Self.scanLimit
                    switch dfa.matches(matcher, at: p, backwards: ending, limit: limit) {
                    case .yes: return true
                    case .no: return false
                    case .tooLong:
                        if st.accepted.isEmpty {
                            st.accepted = Array(repeating: nil, count: 2 * rules.count)
                            st.noSearch = Array(repeating: false, count: 2 * rules.count)
                        }
                        if let search = rule.searchDFA(ending: ending),
                            let positions = search.acceptingPositions(matcher, forwards: ending)
                        {
                            st.accepted[key] = positions
                            return positions[p]
                        }
                        st.noSearch[key] = true
                        if let answer = dfa.matches(matcher, at: p, backwards: ending) { return answer }
                    case .unknown: break
                    }
                }
                return backtrack(rule, k, p, node, ending: ending, &st)
            case .icu(let re):
                if st.icu == nil { st.icu = ICUText(base: base, count: n) }
                return ending ? st.icu!.matchesEnding(at: p, re) : st.icu!.matchesStarting(at: p, re)
            }
        }

        // The backtracking matcher, within the paragraph's budget for the side: past it, the
        // side is taken as not matching (as a question over the step limit is), and reported.
        func backtrack(
            _ rule: CompiledRule, _ k: Int, _ p: Int, _ node: PatternNode, ending: Bool, _ st: inout ScanState
        ) -> Bool {
            let key = 2 * k + (ending ? 0 : 1)
            if st.spent.isEmpty {
                st.spent = Array(repeating: 0, count: 2 * rules.count)
                st.gaveUp = Array(repeating: false, count: 2 * rules.count)
            }
            if st.gaveUp[key] { return false }
            let found = ending ? matcher.matchesEnding(at: p, node) : matcher.matchesStarting(at: p, node)
            st.spent[key] += matcher.steps
            if matcher.steps > PatternMatcher.stepLimit || st.spent[key] > Self.backtrackBudget(n) {
                if st.spent[key] > Self.backtrackBudget(n) { st.gaveUp[key] = true }
                noteGiveUp(k, ending: ending)
            }
            return found
        }

        if everyPosition {
            var i = 0
            while i < n {
                i += matcher.scalar(at: i).1
                consider(i, &st)
                if i < n, splitsRunOnHeadings, base[i] < 0x80, headingBytes[Int(base[i])], st.breaks.last != i,
                    let abbreviations, abbreviations.startsRunOnSentence(at: i, in: matcher)
                {
                    st.breaks.append(i)
                }
            }
        } else {
            var i = 0
            while i < n {
                let b = base[i]
                if b < 0x80 {
                    let t = asciiTriggers[Int(b)]
                    if t != 0 {
                        if t & 2 != 0 { consider(i, &st) }
                        if t & 4 != 0, st.breaks.last != i, let abbreviations,
                            abbreviations.startsRunOnSentence(at: i, in: matcher)
                        {
                            st.breaks.append(i)
                        }
                        if t & 1 != 0 { consider(i + 1, &st) }
                    }
                    i += 1
                } else if nonASCIITriggers {
                    let (c, len) = matcher.scalar(at: i)
                    if nextTrigger.contains(c) { consider(i, &st) }
                    if prevTrigger.contains(c) { consider(i + len, &st) }
                    i += len
                } else {
                    i += b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                }
            }
        }

        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(st.breaks.count + 1)
        var start = 0
        for b in st.breaks + [n] {
            if let r = Self.trimmed(start..<b, matcher) { ranges.append(r) }
            start = b
        }
        if joinsPunctuationOnlySegments, ranges.count > 1 {
            ranges = Self.joiningPunctuationOnly(ranges, matcher)
        }
        if let limit = longSegmentLimit {
            ranges = ranges.flatMap { LaoFallback.split($0, limit: limit, matcher: matcher) }
        }
        return (ranges, st.spent.reduce(0, +))
    }

    /// How many scalars an automaton reads for one question before the whole paragraph is
    /// searched at once instead.
    static let scanLimit = 256

    /// Convenience: the sentences of a string.
    public func sentences(in text: String) -> [Substring] {
        var text = text
        let ranges = text.withUTF8 { sentenceRanges(in: $0) }
        let utf8 = text.utf8
        return ranges.map { r in
            Substring(
                utf8[
                    utf8.index(
                        utf8.startIndex, offsetBy: r.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: r.upperBound)])
        }
    }

    /// Step 4: merges each range that holds no letter, mark or digit into a neighbour. Only
    /// short ranges are looked at (a punctuation-only one is a few bytes), so this adds no
    /// work per byte.
    static func joiningPunctuationOnly(_ ranges: [Range<Int>], _ m: PatternMatcher) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(ranges.count)
        var joinNext: Int?  // start of an opening quote waiting for its sentence
        var quotes = QuoteCounter()
        for r in ranges {
            var r = r
            if let s = joinNext {
                r = s..<r.upperBound
                joinNext = nil
            }
            guard r.count <= 24, isPunctuationOnly(r, m) else {
                out.append(r)
                continue
            }
            if opensQuotation(r, m, &quotes) || out.isEmpty {
                joinNext = r.lowerBound
            } else {
                out[out.count - 1] = out[out.count - 1].lowerBound..<r.upperBound
            }
        }
        if let s = joinNext {
            if out.isEmpty {
                out.append(s..<ranges[ranges.count - 1].upperBound)
            } else {
                out[out.count - 1] = out[out.count - 1].lowerBound..<ranges[ranges.count - 1].upperBound
            }
        }
        return out
    }

    private static func isPunctuationOnly(_ r: Range<Int>, _ m: PatternMatcher) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            let (c, len) = m.scalar(at: i)
            if ScalarFlags.test(c, ScalarFlags.letterOrMark) || c.properties.numericType != nil { return false }
            i += len
        }
        return true
    }

    /// Counts `"` bytes up to a position, going forward only (so a paragraph is read once
    /// however many lone quotes it has).
    struct QuoteCounter {
        var position = 0
        var count = 0
        mutating func count(upTo end: Int, _ m: PatternMatcher) -> Int {
            while position < end {
                if m.base[position] == 0x22 { count += 1 }
                position += 1
            }
            return count
        }
    }

    /// A lone opening quote: `“`, `«`, or a straight `"` with an even number of `"` before it
    /// in the text.
    private static func opensQuotation(_ r: Range<Int>, _ m: PatternMatcher, _ quotes: inout QuoteCounter) -> Bool {
        let (c, len) = m.scalar(at: r.lowerBound)
        guard r.lowerBound + len == r.upperBound else { return false }
        if c == "\u{201C}" || c == "\u{00AB}" { return true }
        guard c == "\"" else { return false }
        return quotes.count(upTo: r.lowerBound, m) % 2 == 0
    }

    static func trimmed(_ r: Range<Int>, _ m: PatternMatcher) -> Range<Int>? {
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi {
            let (c, len) = m.scalar(at: lo)
            guard ScalarFlags.test(c, ScalarFlags.space) || c == "\u{FEFF}" else { break }
            lo += len
        }
        while hi > lo {
            let (c, len) = m.scalar(before: hi)
            guard ScalarFlags.test(c, ScalarFlags.space) || c == "\u{FEFF}" else { break }
            hi -= len
        }
        return lo < hi ? lo..<hi : nil
    }
}
