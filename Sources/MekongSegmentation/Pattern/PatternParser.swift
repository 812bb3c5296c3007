import Foundation

/// Parses the regular expressions of SRX rules (ICU syntax, which real SRX files write as Java
/// regex) into ``PatternNode``s.
///
/// Supported: literals and escapes, `.`, classes with ranges, nesting and `&&` intersection,
/// `\d \D \s \S \w \W \h \H \v \V`, `\p{…}`/`\P{…}` general categories and binary properties,
/// groups (capturing, `(?:…)`, named), inline flags `i m s x u U` (`(?i)` and `(?i:…)`),
/// look-ahead and look-behind, anchors `^ $ \A \z \Z \b \B`, `\Q…\E`, and the quantifiers
/// `? * + {n} {n,} {n,m}` (lazy and possessive forms are read as greedy, which gives the same
/// yes/no answer SRX needs except for possessive quantifiers that must give back text).
/// Anything else (back-references, scripts and blocks, atomic groups) throws an unsupported
/// ``PatternError`` and the rule is run by ICU instead.
struct PatternParser {
    private struct Flags {
        var caseInsensitive = false
        var dotAll = false
        var multiline = false
        var comments = false
    }

    private let s: [Unicode.Scalar]
    private var i = 0
    private var flags = Flags()

    init(_ pattern: String) {
        s = Array(pattern.unicodeScalars)
    }

    static func parse(_ pattern: String) throws -> PatternNode {
        var p = PatternParser(pattern)
        let node = try p.parseAlternation()
        if p.i < p.s.count { throw p.fail("unmatched ')'") }
        return node
    }

    // MARK: Structure

    private mutating func parseAlternation() throws -> PatternNode {
        var branches = [try parseSequence()]
        while peek == "|" {
            i += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() throws -> PatternNode {
        var items: [PatternNode] = []
        while true {
            skipComments()
            guard let c = peek, c != "|", c != ")" else { break }
            guard let atom = try parseAtom() else { continue }
            items.append(try parseQuantifier(atom))
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .sequence(items)
        }
    }

    private mutating func parseQuantifier(_ atom: PatternNode) throws -> PatternNode {
        skipComments()
        guard let c = peek else { return atom }
        var min = 0
        var max = Int.max
        switch c {
        case "*": i += 1
        case "+":
            i += 1
            min = 1
        case "?":
            i += 1
            max = 1
        case "{":
            guard let (lo, hi, length) = try braceQuantifier(at: i) else { return atom }
            i += length
            min = lo
            max = hi
        default: return atom
        }
        if peek == "?" || peek == "+" { i += 1 }  // lazy / possessive: same yes/no answer
        if case .anchor = atom { return min == 0 ? .empty : atom }
        return .repetition(atom, min: min, max: max)
    }

    /// `{n}`, `{n,}`, `{n,m}` at `start`; `nil` if the brace is a literal.
    /// - Throws: a bound above 2³¹ − 1 ("illegal repetition range", as in Java's regular expressions).
    private func braceQuantifier(at start: Int) throws -> (Int, Int, Int)? {
        var j = start + 1
        func number() throws -> Int? {
            var v: Int?
            while j < s.count, let d = digitValue(s[j]) {
                let next = (v ?? 0) * 10 + d
                guard next <= Int(Int32.max) else { throw fail("repetition bound too large") }
                v = next
                j += 1
            }
            return v
        }
        guard let lo = try number() else { return nil }
        var hi = lo
        if j < s.count, s[j] == "," {
            j += 1
            hi = try number() ?? Int.max
        }
        guard j < s.count, s[j] == "}", hi >= lo else { return nil }
        return (lo, hi, j - start + 1)
    }

    private mutating func parseAtom() throws -> PatternNode? {
        let c = s[i]
        i += 1
        switch c {
        case "(": return try parseGroup()
        case "[": return .set(try parseClass())
        case ".": return .any(dotAll: flags.dotAll)
        case "^": return .anchor(.lineStart(multiline: flags.multiline))
        case "$": return .anchor(.lineEnd(multiline: flags.multiline))
        case "\\": return try parseEscape()
        case "*", "+", "?": throw fail("nothing to repeat")
        default: return literal(c)
        }
    }

    private mutating func parseGroup() throws -> PatternNode? {
        let saved = flags
        if peek == "?" {
            i += 1
            guard let c = peek else { throw fail("unterminated group") }
            switch c {
            case ":":
                i += 1
                return try groupBody(restoring: saved)
            case "=", "!":
                i += 1
                let inner = try groupBody(restoring: saved)
                return .look(inner, ahead: true, negated: c == "!")
            case "<":
                if i + 1 < s.count, s[i + 1] == "=" || s[i + 1] == "!" {
                    let negated = s[i + 1] == "!"
                    i += 2
                    let inner = try groupBody(restoring: saved)
                    return .look(inner, ahead: false, negated: negated)
                }
                // Named group (?<name>…)
                while let d = peek, d != ">" { i += 1 }
                guard peek == ">" else { throw fail("unterminated group name") }
                i += 1
                return try groupBody(restoring: saved)
            case ">": throw unsupported("atomic group")
            default:
                var on = true
                while let d = peek, d != ")" && d != ":" {
                    i += 1
                    switch d {
                    case "-": on = false
                    case "i": flags.caseInsensitive = on
                    case "s": flags.dotAll = on
                    case "m": flags.multiline = on
                    case "x": flags.comments = on
                    case "u", "U", "d": break  // Unicode classes are always on here
                    default: throw unsupported("flag '\(d)'")
                    }
                }
                guard let end = peek else { throw fail("unterminated group") }
                i += 1
                if end == ")" { return nil }  // (?i): applies to the rest of the group
                return try groupBody(restoring: saved)
            }
        }
        return try groupBody(restoring: saved)
    }

    private mutating func groupBody(restoring saved: Flags) throws -> PatternNode {
        let inner = try parseAlternation()
        guard peek == ")" else { throw fail("missing ')'") }
        i += 1
        flags = saved
        return inner
    }

    // MARK: Escapes

    private mutating func parseEscape() throws -> PatternNode {
        guard let c = peek else { throw fail("trailing backslash") }
        i += 1
        switch c {
        case "b": return .anchor(.wordBoundary)
        case "B": return .anchor(.notWordBoundary)
        case "A": return .anchor(.inputStart)
        case "z": return .anchor(.inputEnd)
        case "Z": return .anchor(.inputEndBeforeFinalTerminator)
        case "Q":
            var items: [PatternNode] = []
            while i < s.count {
                if s[i] == "\\", i + 1 < s.count, s[i + 1] == "E" {
                    i += 2
                    break
                }
                items.append(literal(s[i]))
                i += 1
            }
            return items.count == 1 ? items[0] : .sequence(items)
        default:
            i -= 1
            if let set = try classEscape() { return .set(set) }
            return literal(try literalEscape())
        }
    }

    /// A class escape at `i` (after the backslash), or `nil` if it is not one.
    private mutating func classEscape() throws -> ScalarSet? {
        let c = s[i]
        switch c {
        case "d", "D", "s", "S", "w", "W", "h", "H", "v", "V":
            i += 1
            return EscapeSets.set(for: c)
        case "p", "P":
            i += 1
            let name: String
            if peek == "{" {
                i += 1
                var n = ""
                while let d = peek, d != "}" {
                    n.unicodeScalars.append(d)
                    i += 1
                }
                guard peek == "}" else { throw fail("unterminated \\p{") }
                i += 1
                name = n
            } else {
                guard let d = peek else { throw fail("incomplete \\p") }
                i += 1
                name = String(Character(d))
            }
            var negate = c == "P"
            var n = name
            if n.hasPrefix("^") {
                negate.toggle()
                n.removeFirst()
            }
            return try EscapeSets.property(n, negated: negate)
        default:
            return nil
        }
    }

    /// A literal escape at `i` (after the backslash): `\n`, `\x41`, `\.` and so on.
    private mutating func literalEscape() throws -> Unicode.Scalar {
        guard let c = peek else { throw fail("trailing backslash") }  // `[a-\` ended the pattern (found by fuzzing)
        i += 1
        switch c {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "f": return "\u{0C}"
        case "a": return "\u{07}"
        case "e": return "\u{1B}"
        case "x":
            if peek == "{" {
                i += 1
                var v: UInt32 = 0
                while let d = peek, d != "}" {
                    guard let h = hexValue(d) else { throw fail("bad \\x{}") }
                    v = v * 16 + h
                    // Past U+10FFFF is no code point (and, a few digits on, past UInt32).
                    guard v <= 0x10FFFF else { throw fail("\\x{…} beyond U+10FFFF") }
                    i += 1
                }
                guard peek == "}" else { throw fail("unterminated \\x{") }
                i += 1
                guard let u = Unicode.Scalar(v) else { throw fail("bad code point") }
                return u
            }
            return try hex(count: 2)
        case "u": return try hex(count: 4)
        case "0":
            var v: UInt32 = 0
            var n = 0
            while n < 3, let d = peek, let o = digitValue(d), o < 8 {
                v = v * 8 + UInt32(o)
                i += 1
                n += 1
            }
            return Unicode.Scalar(v)!
        case "c":
            guard let d = peek else { throw fail("bad \\c") }
            i += 1
            return Unicode.Scalar(d.value ^ 0x40) ?? "?"
        default:
            if c.properties.isAlphabetic || digitValue(c) != nil {
                throw unsupported("escape \\\(c)")
            }
            return c
        }
    }

    private mutating func hex(count: Int) throws -> Unicode.Scalar {
        var v: UInt32 = 0
        for _ in 0..<count {
            guard let d = peek, let h = hexValue(d) else { throw fail("bad hex escape") }
            v = v * 16 + h
            i += 1
        }
        guard let u = Unicode.Scalar(v) else { throw unsupported("surrogate escape") }
        return u
    }

    // MARK: Classes

    /// Parses a class after its `[` up to and including its `]`.
    private mutating func parseClass() throws -> ScalarSet {
        var negated = false
        if peek == "^" {
            negated = true
            i += 1
        }
        let body = try parseClassContents()
        return negated ? ScalarSet { !body($0) } : ScalarSet(body)
    }

    /// Parses class members up to and including the closing `]`. After `&&`, the rest of the
    /// class is intersected with the members before it, as in Java (`[\p{L}&&[^rwn]]`).
    private mutating func parseClassContents() throws -> @Sendable (Unicode.Scalar) -> Bool {
        // Literals and ranges as bounds, sets as sets: asked for 8 K scalars when the class is
        // tabulated, a closure per member was most of compiling the built-in rules.
        var ranges: [(UInt32, UInt32)] = []
        var sets: [ScalarSet] = []
        var intersect: (@Sendable (Unicode.Scalar) -> Bool)?
        var first = true
        while true {
            guard let c = peek else { throw fail("unterminated class") }
            if c == "]" && !first {
                i += 1
                break
            }
            first = false
            if c == "[" {
                i += 1
                sets.append(try parseClass().tabulated())
                continue
            }
            if c == "&", i + 1 < s.count, s[i + 1] == "&" {
                i += 2
                intersect = try parseClassContents()
                break
            }
            let lo: Unicode.Scalar
            if c == "\\" {
                i += 1
                guard peek != nil else { throw fail("trailing backslash") }
                if let set = try classEscape() {
                    sets.append(set)
                    continue
                }
                lo = try literalEscape()
            } else {
                lo = c
                i += 1
            }
            if peek == "-", i + 1 < s.count, s[i + 1] != "]" {
                i += 1
                let hi: Unicode.Scalar
                if s[i] == "\\" {
                    i += 1
                    hi = try literalEscape()
                } else {
                    hi = s[i]
                    i += 1
                }
                guard hi.value >= lo.value else { throw fail("bad range") }
                ranges.append((lo.value, hi.value))
            } else {
                ranges.append((lo.value, lo.value))
            }
        }
        let (bounds, members) = (ranges, sets)
        let base: @Sendable (Unicode.Scalar) -> Bool = { c in
            let v = c.value
            for (a, b) in bounds where v >= a && v <= b { return true }
            for set in members where set.contains(c) { return true }
            return false
        }
        let cased: @Sendable (Unicode.Scalar) -> Bool
        if flags.caseInsensitive {
            cased = { c in
                if base(c) { return true }
                for v in ScalarClasses.caseVariants(c) where base(v) { return true }
                return false
            }
        } else {
            cased = base
        }
        guard let other = intersect else { return cased }
        return { c in cased(c) && other(c) }
    }

    // MARK: Helpers

    private var peek: Unicode.Scalar? { i < s.count ? s[i] : nil }

    private mutating func skipComments() {
        guard flags.comments else { return }
        while let c = peek {
            if ScalarClasses.isSpace(c) {
                i += 1
                continue
            }
            if c == "#" {
                while let d = peek, d != "\n" { i += 1 }
                continue
            }
            break
        }
    }

    private func literal(_ c: Unicode.Scalar) -> PatternNode {
        flags.caseInsensitive ? .scalar(ScalarClasses.caseVariants(c)) : .scalar([c])
    }

    private func digitValue(_ c: Unicode.Scalar) -> Int? {
        (0x30...0x39).contains(c.value) ? Int(c.value - 0x30) : nil
    }

    private func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 0x30...0x39: return c.value - 0x30
        case 0x41...0x46: return c.value - 0x41 + 10
        case 0x61...0x66: return c.value - 0x61 + 10
        default: return nil
        }
    }

    private func fail(_ message: String) -> PatternError {
        PatternError(message: "\(message) at offset \(i)", unsupported: false)
    }

    private func unsupported(_ what: String) -> PatternError {
        PatternError(message: "unsupported \(what)", unsupported: true)
    }

    static func isHorizontalSpace(_ c: Unicode.Scalar) -> Bool {
        c == "\t" || (c.properties.generalCategory == .spaceSeparator)
    }

    static func isVerticalSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The test for a `\p{…}` name: general categories (short or long names, with or without
    /// `Is`/`gc=`), `L&`/`LC`, and the binary properties Alphabetic, Uppercase, Lowercase,
    /// White_Space, plus Java's `javaLowerCase`-style and POSIX-style names.
    static func property(_ raw: String) throws -> @Sendable (Unicode.Scalar) -> Bool {
        var name = raw.lowercased().replacingOccurrences(" ", "").replacingOccurrences("_", "").replacingOccurrences(
            "-", "")
        for prefix in ["generalcategory=", "gc="] where name.hasPrefix(prefix) { name.removeFirst(prefix.count) }
        if name.hasPrefix("is"), name.count > 2 { name.removeFirst(2) }
        typealias GC = Unicode.GeneralCategory
        func gc(_ cats: GC...) -> @Sendable (Unicode.Scalar) -> Bool {
            let mask = cats.reduce(UInt32(0)) { $0 | 1 << GeneralCategories.bit($1) }
            return { GeneralCategories.mask(of: $0) & mask != 0 }
        }
        switch name {
        case "l", "letter":
            return gc(.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter)
        case "lu", "uppercaseletter": return gc(.uppercaseLetter)
        case "ll", "lowercaseletter": return gc(.lowercaseLetter)
        case "lt", "titlecaseletter": return gc(.titlecaseLetter)
        case "lm", "modifierletter": return gc(.modifierLetter)
        case "lo", "otherletter": return gc(.otherLetter)
        case "lc", "l&", "casedletter": return gc(.uppercaseLetter, .lowercaseLetter, .titlecaseLetter)
        case "m", "mark", "combiningmark": return gc(.nonspacingMark, .spacingMark, .enclosingMark)
        case "mn", "nonspacingmark": return gc(.nonspacingMark)
        case "mc", "spacingmark": return gc(.spacingMark)
        case "me", "enclosingmark": return gc(.enclosingMark)
        case "n", "number": return gc(.decimalNumber, .letterNumber, .otherNumber)
        case "nd", "decimalnumber", "digit", "javadigit": return gc(.decimalNumber)
        case "nl", "letternumber": return gc(.letterNumber)
        case "no", "othernumber": return gc(.otherNumber)
        case "p", "punctuation", "punct":
            return gc(
                .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation)
        case "pc", "connectorpunctuation": return gc(.connectorPunctuation)
        case "pd", "dashpunctuation": return gc(.dashPunctuation)
        case "ps", "openpunctuation": return gc(.openPunctuation)
        case "pe", "closepunctuation": return gc(.closePunctuation)
        case "pi", "initialpunctuation": return gc(.initialPunctuation)
        case "pf", "finalpunctuation": return gc(.finalPunctuation)
        case "po", "otherpunctuation": return gc(.otherPunctuation)
        case "s", "symbol": return gc(.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol)
        case "sm", "mathsymbol": return gc(.mathSymbol)
        case "sc", "currencysymbol": return gc(.currencySymbol)
        case "sk", "modifiersymbol": return gc(.modifierSymbol)
        case "so", "othersymbol": return gc(.otherSymbol)
        case "z", "separator": return gc(.spaceSeparator, .lineSeparator, .paragraphSeparator)
        case "zs", "spaceseparator": return gc(.spaceSeparator)
        case "zl", "lineseparator": return gc(.lineSeparator)
        case "zp", "paragraphseparator": return gc(.paragraphSeparator)
        case "c", "other": return gc(.control, .format, .surrogate, .privateUse, .unassigned)
        case "cc", "control", "cntrl": return gc(.control)
        case "cf", "format": return gc(.format)
        case "co", "privateuse": return gc(.privateUse)
        case "cn", "unassigned": return gc(.unassigned)
        case "alphabetic", "alpha", "javaalphabetic": return { $0.properties.isAlphabetic }
        case "uppercase", "upper", "javauppercase": return { $0.properties.isUppercase }
        case "lowercase", "lower", "javalowercase": return { $0.properties.isLowercase }
        case "whitespace", "space", "javawhitespace": return { $0.properties.isWhitespace }
        case "javaletter":
            return gc(.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter)
        case "alnum", "javaletterordigit":
            return { $0.properties.isAlphabetic || $0.properties.generalCategory == .decimalNumber }
        default:
            throw PatternError(message: "unsupported property \\p{\(raw)}", unsupported: true)
        }
    }
}

private extension String {
    func replacingOccurrences(_ a: String, _ b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}

/// Unicode general categories as bits, with the category of every scalar the sets tabulate
/// looked up once for the process: tabulating a class such as `[\p{Lu}\p{Ll}]` asks 8 K
/// scalars, and asking Unicode for each category was most of compiling the built-in rules.
enum GeneralCategories {
    typealias GC = Unicode.GeneralCategory
    static let all: [GC] = [
        .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
        .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation,
        .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
        .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .spaceSeparator,
        .lineSeparator, .paragraphSeparator, .control, .format, .surrogate, .privateUse, .unassigned,
    ]

    /// The bit of a category (0..<30).
    static func bit(_ c: GC) -> UInt32 { UInt32(all.firstIndex(of: c) ?? all.count - 1) }

    /// The category bit of each scalar below ``ScalarSet/tableLimit`` (a surrogate code point
    /// counts as a surrogate).
    private static let table: [UInt8] = (0..<ScalarSet.tableLimit).map { v in
        UInt8(Unicode.Scalar(v).map { bit($0.properties.generalCategory) } ?? bit(.surrogate))
    }

    /// The scalar's category, as a one-bit mask.
    @inline(__always)
    static func mask(of c: Unicode.Scalar) -> UInt32 {
        let v = c.value
        if v < ScalarSet.tableLimit { return 1 << UInt32(table[Int(v)]) }
        return 1 << bit(c.properties.generalCategory)
    }
}

/// The sets of class escapes (`\s`, `\d`, `\p{Lu}`…), tabulated once for the process: rules
/// and rule files use the same few again and again.
enum EscapeSets {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var properties: [String: ScalarSet] = [:]

    private static let space = ScalarSet(ScalarClasses.isSpace).tabulated()
    private static let notSpace = ScalarSet { !ScalarClasses.isSpace($0) }.tabulated()
    private static let digit = ScalarSet(ScalarClasses.isDigit).tabulated()
    private static let notDigit = ScalarSet { !ScalarClasses.isDigit($0) }.tabulated()
    private static let word = ScalarSet(ScalarClasses.isWord).tabulated()
    private static let notWord = ScalarSet { !ScalarClasses.isWord($0) }.tabulated()
    private static let horizontal = ScalarSet(PatternParser.isHorizontalSpace).tabulated()
    private static let notHorizontal = ScalarSet { !PatternParser.isHorizontalSpace($0) }.tabulated()
    private static let vertical = ScalarSet(PatternParser.isVerticalSpace).tabulated()
    private static let notVertical = ScalarSet { !PatternParser.isVerticalSpace($0) }.tabulated()

    /// The set of `\d`, `\D`, `\s`, `\S`, `\w`, `\W`, `\h`, `\H`, `\v` or `\V`.
    static func set(for letter: Unicode.Scalar) -> ScalarSet {
        switch letter {
        case "d": return digit
        case "D": return notDigit
        case "s": return space
        case "S": return notSpace
        case "w": return word
        case "W": return notWord
        case "h": return horizontal
        case "H": return notHorizontal
        case "v": return vertical
        default: return notVertical
        }
    }

    /// The set of `\p{name}` (or `\P{name}`).
    /// - Throws: ``PatternError`` for a property the parser does not know.
    static func property(_ name: String, negated: Bool) throws -> ScalarSet {
        let key = (negated ? "^" : "") + name
        lock.lock()
        let known = properties[key]
        lock.unlock()
        if let known { return known }
        let test = try PatternParser.property(name)
        let set = (negated ? ScalarSet { !test($0) } : ScalarSet(test)).tabulated()
        lock.lock()
        if properties.count < 256 { properties[key] = set }
        lock.unlock()
        return set
    }
}
