/// Answers "does this pattern match text ending (or starting) exactly here?" on UTF-8 bytes,
/// which is the only question SRX asks.
///
/// A `beforebreak` pattern is run *backwards* from the break position, so there is no need to
/// try every start position to its left; an `afterbreak` pattern runs forwards. Both are
/// backtracking matchers over the pattern tree that stop at the first success. Positions are
/// byte offsets into valid UTF-8 and always fall on scalar boundaries.
///
/// A step budget guards against catastrophic backtracking: when a single question takes more
/// than ``stepLimit`` steps the answer is "no match" and ``exhausted`` is set. ``steps`` tells
/// what the last question cost, so that the caller can also bound a whole paragraph (a pattern
/// such as `^\d+(?:,\D+.*)?` costs O(*n*²) per question, and there is a question at every
/// candidate position).
final class PatternMatcher {
    let base: UnsafePointer<UInt8>
    let count: Int
    private(set) var exhausted = false
    /// Steps taken by the last question (at most a little over ``stepLimit``).
    private(set) var steps = 0
    /// The region the pattern sees, as ICU and Java regions with anchoring bounds: `^` and `\A`
    /// match at its start, `$` and `\z` at its end; look-around and `\b` see past it.
    private var regionStart = 0
    private var regionEnd = 0
    static let stepLimit = 200_000

    init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// Whether `node` matches some text that ends at `position`.
    func matchesEnding(at position: Int, _ node: PatternNode) -> Bool {
        steps = 0
        regionStart = 0
        regionEnd = position
        return backward(node, position) { _ in true }
    }

    /// Whether `node` matches some text that starts at `position`.
    func matchesStarting(at position: Int, _ node: PatternNode) -> Bool {
        steps = 0
        regionStart = position
        regionEnd = count
        return forward(node, position) { _ in true }
    }

    /// Whether `node` matches the whole text (Java's `matches()`), as SRX language maps need.
    func matchesWhole(_ node: PatternNode) -> Bool {
        steps = 0
        regionStart = 0
        regionEnd = count
        return forward(node, 0) { $0 == count }
    }

    // MARK: Decoding

    /// The scalar starting at `i` and its length in bytes. Requires `i < count`.
    @inline(__always)
    func scalar(at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(base[i])
        if b0 < 0x80 { return (Unicode.Scalar(b0)!, 1) }
        if b0 < 0xE0 {
            return (Unicode.Scalar(((b0 & 0x1F) << 6) | (UInt32(base[i + 1]) & 0x3F))!, 2)
        }
        if b0 < 0xF0 {
            let v = ((b0 & 0x0F) << 12) | ((UInt32(base[i + 1]) & 0x3F) << 6) | (UInt32(base[i + 2]) & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        let v =
            ((b0 & 0x07) << 18) | ((UInt32(base[i + 1]) & 0x3F) << 12)
            | ((UInt32(base[i + 2]) & 0x3F) << 6) | (UInt32(base[i + 3]) & 0x3F)
        return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
    }

    /// The scalar ending at `i` and its length in bytes. Requires `i > 0`.
    @inline(__always)
    func scalar(before i: Int) -> (Unicode.Scalar, Int) {
        var j = i - 1
        if base[j] < 0x80 { return (Unicode.Scalar(base[j]), 1) }
        while j > 0 && base[j] & 0xC0 == 0x80 { j -= 1 }
        return (scalar(at: j).0, i - j)
    }

    // MARK: Matching

    @inline(__always)
    private func single(_ node: PatternNode, _ c: Unicode.Scalar) -> Bool {
        switch node {
        case .scalar(let variants):
            for v in variants where v == c { return true }
            return false
        case .set(let set): return set.contains(c)
        case .any(let dotAll): return dotAll || !ScalarClasses.isLineTerminator(c)
        default: return false
        }
    }

    private func forward(_ node: PatternNode, _ i: Int, _ k: (Int) -> Bool) -> Bool {
        steps += 1
        if steps > Self.stepLimit {
            exhausted = true
            return false
        }
        switch node {
        case .empty:
            return k(i)
        case .scalar, .set, .any:
            guard i < count else { return false }
            let (c, n) = scalar(at: i)
            return single(node, c) && k(i + n)
        case .sequence(let items):
            return forwardSequence(items, 0, i, k)
        case .alternation(let branches):
            for b in branches where forward(b, i, k) { return true }
            return false
        case .repetition(let child, let min, let max):
            if child.isSingleScalar {
                var j = i
                var n = 0
                while n < max, j < count {
                    let (c, len) = scalar(at: j)
                    guard single(child, c) else { break }
                    j += len
                    n += 1
                }
                while n >= min {
                    if k(j) { return true }
                    if n == 0 { break }
                    j -= scalar(before: j).1
                    n -= 1
                }
                return false
            }
            return forwardRepeat(child, min, max, 0, i, k)
        case .anchor(let a):
            return anchorHolds(a, i) && k(i)
        case .look(let inner, let ahead, let negated):
            let saved = steps
            let found = ahead ? forward(inner, i) { _ in true } : backward(inner, i) { _ in true }
            steps = Swift.max(steps, saved)
            return found != negated && k(i)
        }
    }

    private func forwardSequence(_ items: [PatternNode], _ index: Int, _ i: Int, _ k: (Int) -> Bool) -> Bool {
        if index == items.count { return k(i) }
        return forward(items[index], i) { j in forwardSequence(items, index + 1, j, k) }
    }

    private func forwardRepeat(_ child: PatternNode, _ min: Int, _ max: Int, _ n: Int, _ i: Int, _ k: (Int) -> Bool)
        -> Bool
    {
        if n < max {
            let more = forward(child, i) { j in j != i && forwardRepeat(child, min, max, n + 1, j, k) }
            if more { return true }
        }
        return n >= min && k(i)
    }

    private func backward(_ node: PatternNode, _ i: Int, _ k: (Int) -> Bool) -> Bool {
        steps += 1
        if steps > Self.stepLimit {
            exhausted = true
            return false
        }
        switch node {
        case .empty:
            return k(i)
        case .scalar, .set, .any:
            guard i > 0 else { return false }
            let (c, n) = scalar(before: i)
            return single(node, c) && k(i - n)
        case .sequence(let items):
            return backwardSequence(items, items.count - 1, i, k)
        case .alternation(let branches):
            for b in branches where backward(b, i, k) { return true }
            return false
        case .repetition(let child, let min, let max):
            if child.isSingleScalar {
                var j = i
                var n = 0
                while n < max, j > 0 {
                    let (c, len) = scalar(before: j)
                    guard single(child, c) else { break }
                    j -= len
                    n += 1
                }
                while n >= min {
                    if k(j) { return true }
                    if n == 0 { break }
                    j += scalar(at: j).1
                    n -= 1
                }
                return false
            }
            return backwardRepeat(child, min, max, 0, i, k)
        case .anchor(let a):
            return anchorHolds(a, i) && k(i)
        case .look(let inner, let ahead, let negated):
            let found = ahead ? forward(inner, i) { _ in true } : backward(inner, i) { _ in true }
            return found != negated && k(i)
        }
    }

    private func backwardSequence(_ items: [PatternNode], _ index: Int, _ i: Int, _ k: (Int) -> Bool) -> Bool {
        if index < 0 { return k(i) }
        return backward(items[index], i) { j in backwardSequence(items, index - 1, j, k) }
    }

    private func backwardRepeat(_ child: PatternNode, _ min: Int, _ max: Int, _ n: Int, _ i: Int, _ k: (Int) -> Bool)
        -> Bool
    {
        if n < max {
            let more = backward(child, i) { j in j != i && backwardRepeat(child, min, max, n + 1, j, k) }
            if more { return true }
        }
        return n >= min && k(i)
    }

    private func anchorHolds(_ anchor: PatternNode.Anchor, _ i: Int) -> Bool {
        let end = regionEnd
        switch anchor {
        case .inputStart: return i == regionStart
        case .inputEnd: return i == end
        case .inputEndBeforeFinalTerminator:
            return i == end || (i == end - 1 && base[i] == 0x0A)
        case .lineStart(let multiline):
            if i == regionStart { return true }
            return multiline && i > regionStart && i < end && base[i - 1] == 0x0A
        case .lineEnd(let multiline):
            if i == end { return true }
            if i > end { return false }
            if multiline { return base[i] == 0x0A || base[i] == 0x0D }
            return (i == end - 1 && base[i] == 0x0A) || (i == end - 2 && base[i] == 0x0D && base[i + 1] == 0x0A)
        case .wordBoundary, .notWordBoundary:
            let before = i > 0 && ScalarClasses.isWord(scalar(before: i).0)
            let after = i < count && ScalarClasses.isWord(scalar(at: i).0)
            let boundary = before != after
            if case .wordBoundary = anchor { return boundary }
            return !boundary
        }
    }
}
