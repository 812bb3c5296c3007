import Foundation

/// An SRX rule ready to be asked "do you match at this position?".
///
/// Patterns the native matcher understands (nearly all real SRX patterns) run natively on
/// UTF-8; others fall back to ICU through `NSRegularExpression`. Each side also carries the set
/// of scalars a match can end (before) or start (after) with, so that most rules are ruled out
/// at a position by one bitmap test.
final class CompiledRule: @unchecked Sendable {  // the lazy search automata are behind a lock
    enum Side {
        case always
        /// The pattern tree, and its automaton when it has one.
        case native(PatternNode, PatternDFA?)
        case icu(NSRegularExpression)
    }

    let rule: SRXRule
    let before: Side
    let after: Side
    /// Scalars the before-text must end with (`nil`: no constraint).
    let beforeLast: ScalarSet?
    /// Scalars the after-text must start with (`nil`: no constraint).
    let afterFirst: ScalarSet?

    /// The sides' automata, outside the enum: reading them at every position costs no copy
    /// of ``Side`` (whose payloads are retained and released with it).
    let beforeDFA: PatternDFA?
    let afterDFA: PatternDFA?

    var isBreak: Bool { rule.isBreak }
    var usesICU: Bool {
        if case .icu = before { return true }
        if case .icu = after { return true }
        return false
    }

    init(_ rule: SRXRule) throws {
        self.rule = rule
        (before, beforeLast) = try Self.compile(rule.before, rule: rule, fromEnd: true)
        (after, afterFirst) = try Self.compile(rule.after, rule: rule, fromEnd: false)
        if case .native(_, let dfa) = before { beforeDFA = dfa } else { beforeDFA = nil }
        if case .native(_, let dfa) = after { afterDFA = dfa } else { afterDFA = nil }
    }

    /// The search automaton of a side (see ``PatternDFA/search(_:fromEnd:)``), built the first
    /// time a scan of that side reads too far (most rules never need one); `nil` when the side
    /// has no automaton or the search automaton would be too large.
    func searchDFA(ending: Bool) -> PatternDFA? {
        lock.lock()
        defer { lock.unlock() }
        let k = ending ? 0 : 1
        if let built = searches[k] { return built }
        var dfa: PatternDFA?
        if case .native(let node, .some) = ending ? before : after {
            dfa = PatternDFA.search(node, fromEnd: ending)
        }
        searches[k] = .some(dfa)
        return dfa
    }

    private let lock = NSLock()
    private var searches: [PatternDFA??] = [nil, nil]

    /// Compiled sides by pattern and direction: rules repeat patterns (`\s`, `\p{Lu}`…), and
    /// each compilation tabulates sets over 8 K scalars, which was a tenth of a whole
    /// `mekong segment` run on 20 MB. Everything in a side is immutable.
    nonisolated(unsafe) private static var compiled: [String: (Side, ScalarSet?)] = [:]
    private static let compiledLock = NSLock()
    /// Distinct patterns kept at most (the built-in rules and a user file or two have hundreds).
    nonisolated(unsafe) static var maxCompiled = 2_048  // lowered by a test only
    /// How many sides are cached now (for tests).
    static var cachedCount: Int {
        compiledLock.lock()
        defer { compiledLock.unlock() }
        return compiled.count
    }

    private static func compile(_ pattern: String, rule: SRXRule, fromEnd: Bool) throws -> (Side, ScalarSet?) {
        if pattern.isEmpty { return (.always, nil) }
        let key = (fromEnd ? "<" : ">") + pattern
        compiledLock.lock()
        let known = compiled[key]
        compiledLock.unlock()
        if let known { return known }
        let side = try compileUncached(pattern, rule: rule, fromEnd: fromEnd)
        compiledLock.lock()
        // Bounded: a process compiling many rule files (a fuzzer, a server) must not keep every
        // pattern it ever saw (the srx fuzz target grew to 1.9 GB in 25 minutes).
        if compiled.count >= maxCompiled { compiled.removeAll(keepingCapacity: true) }
        compiled[key] = side
        compiledLock.unlock()
        return side
    }

    private static func compileUncached(_ pattern: String, rule: SRXRule, fromEnd: Bool) throws -> (Side, ScalarSet?) {
        do {
            let node = try PatternParser.parse(pattern).tabulated()
            let b = node.boundary(fromEnd: fromEnd)
            return (.native(node, PatternDFA(node, reversed: fromEnd)), b.nullable ? nil : b.set?.tabulated())
        } catch let error as PatternError where error.unsupported {
            // ICU: the before side must end exactly at the break, the after side start there.
            let icuPattern = fromEnd ? "(?:\(pattern))\\z" : "(?:\(pattern))"
            do {
                return (.icu(try NSRegularExpression(pattern: icuPattern)), nil)
            } catch {
                throw SRXError.make(
                    origin: rule.origin, message: "bad pattern '\(pattern)': \(error.localizedDescription)")
            }
        } catch {
            throw SRXError.make(origin: rule.origin, message: "bad pattern '\(pattern)': \(error)")
        }
    }
}

/// The text being segmented, as ICU needs it: built only when a rule falls back to ICU.
final class ICUText {
    let string: String
    private let utf16Offsets: [Int32]  // byte offset → UTF-16 offset, at scalar boundaries
    /// The UTF-16 offsets of low surrogates (the second half of a scalar above U+FFFF), sorted:
    /// a region must not start there (ICU reads out of bounds and crashes, with transparent
    /// bounds, when it does; found by the `srx` fuzz target).
    private let lowSurrogates: [Int32]
    private let length: Int

    /// Look-behind window for ICU before-patterns, in UTF-16 units.
    static let window = 512

    init(base: UnsafePointer<UInt8>, count: Int) {
        string = String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
        var offsets = [Int32](repeating: 0, count: count + 1)
        var lows: [Int32] = []
        var u: Int32 = 0
        var i = 0
        while i < count {
            offsets[i] = u
            let b = base[i]
            let len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            for j in 1..<len where i + j < count { offsets[i + j] = u }
            if len == 4 { lows.append(u + 1) }
            u += len == 4 ? 2 : 1
            i += len
        }
        offsets[count] = u
        utf16Offsets = offsets
        lowSurrogates = lows
        length = Int(u)
    }

    func matchesEnding(at byte: Int, _ re: NSRegularExpression) -> Bool {
        let end = Int(utf16Offsets[byte])
        var start = Swift.max(0, end - Self.window)
        if !lowSurrogates.isEmpty, lowSurrogates.containsSorted(Int32(start)) { start -= 1 }
        return re.firstMatch(
            in: string, options: [.withTransparentBounds],
            range: NSRange(location: start, length: end - start)) != nil
    }

    func matchesStarting(at byte: Int, _ re: NSRegularExpression) -> Bool {
        let start = Int(utf16Offsets[byte])
        return re.firstMatch(
            in: string, options: [.withTransparentBounds, .anchored],
            range: NSRange(location: start, length: length - start)) != nil
    }
}

extension Array where Element == Int32 {
    /// Whether this sorted array holds `value` (binary search).
    fileprivate func containsSorted(_ value: Int32) -> Bool {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && self[lo] == value
    }
}
