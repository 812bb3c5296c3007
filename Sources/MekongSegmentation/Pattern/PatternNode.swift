/// A compiled regular expression, as a tree the native matcher walks forwards or backwards.
indirect enum PatternNode: @unchecked Sendable {
    case empty
    /// One scalar, given with its case variants when the pattern is case-insensitive.
    case scalar([Unicode.Scalar])
    case set(ScalarSet)
    /// `.`; without the `s` flag it does not match line terminators.
    case any(dotAll: Bool)
    case sequence([PatternNode])
    case alternation([PatternNode])
    case repetition(PatternNode, min: Int, max: Int)
    case anchor(Anchor)
    case look(PatternNode, ahead: Bool, negated: Bool)

    enum Anchor {
        case lineStart(multiline: Bool)
        case lineEnd(multiline: Bool)
        case inputStart
        case inputEnd
        case inputEndBeforeFinalTerminator
        case wordBoundary
        case notWordBoundary
    }

    /// The same tree with every scalar set tabulated (see ``ScalarSet/tabulated()``).
    func tabulated() -> PatternNode {
        switch self {
        case .set(let s): return .set(s.tabulated())
        case .sequence(let items): return .sequence(items.map { $0.tabulated() })
        case .alternation(let branches): return .alternation(branches.map { $0.tabulated() })
        case .repetition(let child, let min, let max): return .repetition(child.tabulated(), min: min, max: max)
        case .look(let inner, let ahead, let negated): return .look(inner.tabulated(), ahead: ahead, negated: negated)
        case .empty, .scalar, .any, .anchor: return self
        }
    }

    /// Whether the node always matches exactly one scalar.
    var isSingleScalar: Bool {
        switch self {
        case .scalar, .set, .any: return true
        default: return false
        }
    }
}

/// Why a pattern could not be compiled for the native matcher.
struct PatternError: Error, CustomStringConvertible {
    var message: String
    /// True when the pattern may be valid but uses a construct the native matcher lacks
    /// (back-references, scripts, atomic groups…): the caller falls back to ICU.
    var unsupported: Bool
    var description: String { message }
}

/// What a pattern can start or end with: used to skip rules that cannot match at a position.
struct BoundarySet {
    /// The scalars the match can begin (or end) with, or `nil` for any.
    var set: ScalarSet?
    /// Whether the pattern can match the empty string there.
    var nullable: Bool
}

extension PatternNode {
    /// The scalars a match of this node may start with (`fromEnd == false`) or end with.
    func boundary(fromEnd: Bool) -> BoundarySet {
        switch self {
        case .empty, .anchor, .look:
            return BoundarySet(set: ScalarSet.none, nullable: true)
        case .scalar(let variants):
            let vs = variants
            return BoundarySet(
                set: ScalarSet(mayContainNonASCII: vs.contains { $0.value > 127 }) { vs.contains($0) }, nullable: false)
        case .set(let s):
            return BoundarySet(set: s, nullable: false)
        case .any:
            return BoundarySet(set: nil, nullable: false)
        case .sequence(let items):
            var acc: ScalarSet? = ScalarSet.none
            for item in (fromEnd ? items.reversed() : items) {
                let b = item.boundary(fromEnd: fromEnd)
                acc = Self.union(acc, b.set)
                if !b.nullable { return BoundarySet(set: acc, nullable: false) }
            }
            return BoundarySet(set: acc, nullable: true)
        case .alternation(let branches):
            var acc: ScalarSet? = ScalarSet.none
            var nullable = false
            for b in branches.map({ $0.boundary(fromEnd: fromEnd) }) {
                acc = Self.union(acc, b.set)
                nullable = nullable || b.nullable
            }
            return BoundarySet(set: acc, nullable: nullable)
        case .repetition(let child, let min, _):
            let b = child.boundary(fromEnd: fromEnd)
            return BoundarySet(set: b.set, nullable: b.nullable || min == 0)
        }
    }

    private static func union(_ a: ScalarSet?, _ b: ScalarSet?) -> ScalarSet? {
        guard let a, let b else { return nil }
        return a.union(b)
    }
}
