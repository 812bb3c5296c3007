/// A deterministic automaton for patterns without look-around, anchors or `\b`: answers
/// "does the pattern match text ending (or starting) here?" with one table lookup per scalar,
/// instead of backtracking.
///
/// Built eagerly from a Thompson NFA by subset construction over *scalar classes*: two scalars
/// are in the same class when every scalar set of the pattern treats them alike. Classes of
/// U+0000–U+20FF come from a table; a scalar beyond it whose class the automaton has never seen
/// makes ``matches`` return `nil`, and the caller asks the backtracking matcher instead.
/// The automaton is immutable once built, so it may be shared between threads.
final class PatternDFA: @unchecked Sendable {
    private let sets: [ScalarSet]
    private let classOfLow: [UInt16]  // class id for U+0000..<tableLimit
    private let classOfMask: [UInt64: UInt16]  // membership mask → class id
    private let classCount: Int
    private let transitions: [Int32]  // state * classCount + class → state, -1 dead
    private let accepting: [Bool]
    private let startAccepts: Bool

    /// The largest automaton we build before giving up (the caller then backtracks).
    static let maxStates = 512
    static let maxNFAStates = 4096

    /// Builds the automaton for `node`, reading text backwards when `reversed`; `nil` when the
    /// pattern has constructs a DFA cannot express or the automaton would be too large.
    init?(_ node: PatternNode, reversed: Bool) {
        var nfa = NFA()
        guard let (start, end) = nfa.build(node, reversed: reversed), nfa.states.count <= Self.maxNFAStates,
            nfa.sets.count <= 64
        else { return nil }
        nfa.states[end].accept = true
        sets = nfa.sets

        // Scalar classes.
        var maskToClass: [UInt64: UInt16] = [:]
        var masks: [UInt64] = []
        func classID(_ mask: UInt64) -> UInt16 {
            if let id = maskToClass[mask] { return id }
            let id = UInt16(masks.count)
            maskToClass[mask] = id
            masks.append(mask)
            return id
        }
        var low = [UInt16](repeating: 0, count: Int(ScalarSet.tableLimit))
        for v in 0..<ScalarSet.tableLimit {
            guard let c = Unicode.Scalar(v) else {
                low[Int(v)] = classID(0)
                continue
            }
            var mask: UInt64 = 0
            for (k, s) in nfa.sets.enumerated() where s.contains(c) { mask |= 1 << UInt64(k) }
            low[Int(v)] = classID(mask)
        }
        _ = classID(0)  // scalars in no set always have a class
        classOfLow = low
        classOfMask = maskToClass
        classCount = masks.count

        // Subset construction.
        var stateIDs: [[Int]: Int32] = [:]
        var stateSets: [[Int]] = []
        var trans: [Int32] = []
        var acc: [Bool] = []
        func intern(_ set: [Int]) -> Int32? {
            if let id = stateIDs[set] { return id }
            guard stateSets.count < Self.maxStates else { return nil }
            let id = Int32(stateSets.count)
            stateIDs[set] = id
            stateSets.append(set)
            acc.append(set.contains { nfa.states[$0].accept })
            trans.append(contentsOf: repeatElement(-1, count: masks.count))
            return id
        }
        let startSet = nfa.closure([start])
        guard intern(startSet) != nil else { return nil }
        var work = 0
        while work < stateSets.count {
            let current = stateSets[work]
            for (cls, mask) in masks.enumerated() {
                var next: [Int] = []
                for s in current {
                    let st = nfa.states[s]
                    if let set = st.set, mask & (1 << UInt64(set)) != 0, let to = st.next { next.append(to) }
                }
                guard !next.isEmpty else { continue }
                let closed = nfa.closure(next)
                guard let id = intern(closed) else { return nil }
                trans[work * masks.count + cls] = id
            }
            work += 1
        }
        transitions = trans
        accepting = acc
        startAccepts = acc[0]
    }

    /// Whether the pattern matches text ending at `position` (a reversed automaton), or starting
    /// there (a forward one); `nil` when a scalar's class is unknown.
    @inline(__always)
    func matches(_ m: PatternMatcher, at position: Int, backwards: Bool) -> Bool? {
        switch matches(m, at: position, backwards: backwards, limit: Int.max) {
        case .yes: return true
        case .no: return false
        case .unknown, .tooLong: return nil
        }
    }

    /// The answer of a scan that may give up.
    enum Answer {
        case yes, no
        /// A scalar's class is unknown: ask the backtracking matcher.
        case unknown
        /// More than the limit of scalars were read with no answer yet.
        case tooLong
    }

    /// Like ``matches(_:at:backwards:)``, reading at most `limit` scalars. A pattern such as
    /// `\([^)]*\.\s` reads back to the paragraph's start where there is no `(`: with a limit,
    /// the caller can switch to ``acceptingPositions(_:)`` of the search automaton, which answers
    /// for every position of the paragraph in one pass.
    @inline(__always)
    func matches(_ m: PatternMatcher, at position: Int, backwards: Bool, limit: Int) -> Answer {
        if startAccepts { return .yes }
        var state: Int32 = 0
        var i = position
        let n = m.count
        var budget = limit
        while backwards ? i > 0 : i < n {
            if budget == 0 { return .tooLong }
            budget -= 1
            let c: Unicode.Scalar
            let len: Int
            if backwards {
                (c, len) = m.scalar(before: i)
                i -= len
            } else {
                (c, len) = m.scalar(at: i)
                i += len
            }
            let cls: Int
            if c.value < ScalarSet.tableLimit {
                cls = Int(classOfLow[Int(c.value)])
            } else {
                var mask: UInt64 = 0
                for (k, s) in sets.enumerated() where s.contains(c) { mask |= 1 << UInt64(k) }
                guard let id = classOfMask[mask] else { return .unknown }
                cls = Int(id)
            }
            state = transitions[Int(state) * classCount + cls]
            if state < 0 { return .no }
            if accepting[Int(state)] { return .yes }
        }
        return .no
    }

    /// The search automaton of a side: for a before-side pattern P, `(?s:.*)P` read forwards;
    /// for an after-side one, `P(?s:.*)` read backwards. Run over the whole text once, it is in
    /// an accepting state exactly at the positions where P matches text ending (or starting)
    /// there. `nil` when the automaton would be too large.
    static func search(_ node: PatternNode, fromEnd: Bool) -> PatternDFA? {
        let anything = PatternNode.repetition(.any(dotAll: true), min: 0, max: Int.max)
        return fromEnd
            ? PatternDFA(.sequence([anything, node]), reversed: false)
            : PatternDFA(.sequence([node, anything]), reversed: true)
    }

    /// For a search automaton (``search(_:fromEnd:)``): whether it accepts at each byte offset
    /// `0...m.count` (only scalar boundaries are meaningful), reading the text forwards when it
    /// was built for a before-side, backwards for an after-side; `nil` when a scalar's class is
    /// unknown.
    /// - Complexity: O(*n*), one table lookup per scalar.
    func acceptingPositions(_ m: PatternMatcher, forwards: Bool) -> [Bool]? {
        let n = m.count
        var out = [Bool](repeating: false, count: n + 1)
        var state: Int32 = 0
        var i = forwards ? 0 : n
        out[i] = startAccepts
        while forwards ? i < n : i > 0 {
            let c: Unicode.Scalar
            if forwards {
                let (s, len) = m.scalar(at: i)
                c = s
                i += len
            } else {
                let (s, len) = m.scalar(before: i)
                c = s
                i -= len
            }
            let cls: Int
            if c.value < ScalarSet.tableLimit {
                cls = Int(classOfLow[Int(c.value)])
            } else {
                var mask: UInt64 = 0
                for (k, s) in sets.enumerated() where s.contains(c) { mask |= 1 << UInt64(k) }
                guard let id = classOfMask[mask] else { return nil }
                cls = Int(id)
            }
            state = transitions[Int(state) * classCount + cls]
            // `.*` keeps every search alive; a dead state can only come from a class no set has.
            if state < 0 { return nil }
            out[i] = accepting[Int(state)]
        }
        return out
    }
}

/// A Thompson NFA: each state consumes one scalar of a set, or is an epsilon split.
private struct NFA {
    struct State {
        var set: Int?  // consumes a scalar of sets[set], then goes to `next`
        var next: Int?
        var epsilon: [Int] = []
        var accept = false
    }
    var states: [State] = []
    var sets: [ScalarSet] = []
    private var setIndex: [ObjectIdentifier: Int] = [:]

    mutating func newState() -> Int {
        states.append(State())
        return states.count - 1
    }

    mutating func index(of set: ScalarSet) -> Int {
        if let i = setIndex[ObjectIdentifier(set)] { return i }
        sets.append(set)
        setIndex[ObjectIdentifier(set)] = sets.count - 1
        return sets.count - 1
    }

    /// Builds a fragment; returns its start and end states, or `nil` for constructs a DFA cannot
    /// express here (anchors, `\b`, look-around).
    mutating func build(_ node: PatternNode, reversed: Bool) -> (Int, Int)? {
        guard states.count <= PatternDFA.maxNFAStates else { return nil }
        switch node {
        case .empty:
            let s = newState()
            return (s, s)
        case .scalar(let variants):
            let vs = variants
            let set = ScalarSet(mayContainNonASCII: vs.contains { $0.value > 127 }) { vs.contains($0) }.tabulated()
            return single(index(of: set))
        case .set(let s):
            return single(index(of: s))
        case .any(let dotAll):
            let set = dotAll ? ScalarSet.all : Self.notLineTerminator
            return single(index(of: set))
        case .sequence(let items):
            var start: Int?
            var end: Int?
            for item in (reversed ? items.reversed() : items) {
                guard let (s, e) = build(item, reversed: reversed) else { return nil }
                if let end { states[end].epsilon.append(s) } else { start = s }
                end = e
            }
            guard let start, let end else {
                let s = newState()
                return (s, s)
            }
            return (start, end)
        case .alternation(let branches):
            let s = newState()
            let e = newState()
            for b in branches {
                guard let (bs, be) = build(b, reversed: reversed) else { return nil }
                states[s].epsilon.append(bs)
                states[be].epsilon.append(e)
            }
            return (s, e)
        case .repetition(let child, let min, let max):
            guard min <= 32, max == Int.max || max <= 32 else { return nil }
            let s = newState()
            var end = s
            for _ in 0..<min {
                guard let (cs, ce) = build(child, reversed: reversed) else { return nil }
                states[end].epsilon.append(cs)
                end = ce
            }
            if max == Int.max {
                guard let (cs, ce) = build(child, reversed: reversed) else { return nil }
                let loop = newState()
                states[end].epsilon.append(loop)
                states[loop].epsilon.append(cs)
                states[ce].epsilon.append(loop)
                end = loop
            } else if max > min {
                let e = newState()
                for _ in min..<max {
                    guard let (cs, ce) = build(child, reversed: reversed) else { return nil }
                    states[end].epsilon.append(cs)
                    states[end].epsilon.append(e)
                    end = ce
                }
                states[end].epsilon.append(e)
                end = e
            }
            return (s, end)
        case .anchor, .look:
            return nil
        }
    }

    private mutating func single(_ set: Int) -> (Int, Int) {
        let s = newState()
        let e = newState()
        states[s].set = set
        states[s].next = e
        return (s, e)
    }

    /// The epsilon closure of `seeds`, sorted (a canonical key for the DFA state).
    func closure(_ seeds: [Int]) -> [Int] {
        var seen = Set<Int>()
        var stack = seeds
        while let s = stack.popLast() {
            guard seen.insert(s).inserted else { continue }
            stack.append(contentsOf: states[s].epsilon)
        }
        return seen.sorted()
    }

    static let notLineTerminator = ScalarSet { !ScalarClasses.isLineTerminator($0) }.tabulated()
}
