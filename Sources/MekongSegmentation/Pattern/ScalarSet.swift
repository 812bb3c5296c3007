/// A set of Unicode scalars given by a predicate, with a bitmap for ASCII so that the common
/// case is one shift and one mask.
final class ScalarSet: @unchecked Sendable {
    private let low: UInt64  // U+0000–U+003F
    private let high: UInt64  // U+0040–U+007F
    private let test: @Sendable (Unicode.Scalar) -> Bool
    /// Whether some scalar above U+007F may belong to the set (conservative).
    let mayContainNonASCII: Bool
    /// Membership of U+0080–U+20FF (Latin, Vietnamese, Lao, general punctuation) as bits, when
    /// the set has been ``tabulated()``: the hot sets of a segmenter then never call `test`.
    private let table: [UInt64]?
    static let tableLimit: UInt32 = 0x2100

    init(mayContainNonASCII: Bool = true, _ test: @escaping @Sendable (Unicode.Scalar) -> Bool) {
        self.table = nil
        var low: UInt64 = 0
        var high: UInt64 = 0
        for v in 0..<128 where test(Unicode.Scalar(UInt8(v))) {
            if v < 64 { low |= 1 << UInt64(v) } else { high |= 1 << UInt64(v - 64) }
        }
        self.low = low
        self.high = high
        self.test = test
        self.mayContainNonASCII = mayContainNonASCII
    }

    private init(
        low: UInt64, high: UInt64, table: [UInt64], mayContainNonASCII: Bool,
        test: @escaping @Sendable (Unicode.Scalar) -> Bool
    ) {
        self.low = low
        self.high = high
        self.table = table
        self.mayContainNonASCII = mayContainNonASCII
        self.test = test
    }

    /// The same set with U+0080–U+20FF looked up in a bit table (8 K membership tests, once).
    func tabulated() -> ScalarSet {
        if table != nil { return self }
        var bits = [UInt64](repeating: 0, count: Int(Self.tableLimit) / 64)
        // A set known to be ASCII only has an empty table: no need to ask 8 K scalars.
        for v in 0x80..<Self.tableLimit where mayContainNonASCII {
            if let c = Unicode.Scalar(v), test(c) { bits[Int(v) / 64] |= 1 << UInt64(v % 64) }
        }
        return ScalarSet(low: low, high: high, table: bits, mayContainNonASCII: mayContainNonASCII, test: test)
    }

    @inline(__always)
    func contains(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 64 { return low & (1 << UInt64(v)) != 0 }
        if v < 128 { return high & (1 << UInt64(v - 64)) != 0 }
        if let table, v < Self.tableLimit { return table[Int(v) >> 6] & (1 << UInt64(v & 63)) != 0 }
        return test(c)
    }

    /// Which of U+0000–U+003F (`low`) and U+0040–U+007F (`high`) are in the set, as bits.
    var asciiBits: (low: UInt64, high: UInt64) { (low, high) }

    @inline(__always)
    func containsASCII(_ b: UInt8) -> Bool {
        if b < 64 { return low & (1 << UInt64(b)) != 0 }
        return high & (1 << UInt64(b - 64)) != 0
    }

    func union(_ other: ScalarSet) -> ScalarSet {
        ScalarSet(mayContainNonASCII: mayContainNonASCII || other.mayContainNonASCII) {
            self.contains($0) || other.contains($0)
        }
    }

    static let all = ScalarSet { _ in true }
    static let none = ScalarSet(mayContainNonASCII: false) { _ in false }
}

/// Character classes with the meaning ICU gives them (the SRX 2.0 specification names ICU
/// regular expressions): `\w`, `\s` and `\d` are Unicode-aware.
enum ScalarClasses {
    /// ICU `\w`: `[\p{Alphabetic}\p{Mark}\p{Decimal_Number}\p{Connector_Punctuation}\u200c\u200d]`.
    @inline(__always)
    static func isWord(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
        }
        if v == 0x200C || v == 0x200D { return true }
        if GeneralCategories.mask(of: c) & wordCategories != 0 { return true }
        return c.properties.isAlphabetic
    }

    private static let wordCategories: UInt32 = [
        .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation,
    ].reduce(0) { $0 | 1 << GeneralCategories.bit($1) }
    private static let spaceCategories: UInt32 = [.spaceSeparator, .lineSeparator, .paragraphSeparator].reduce(0) {
        $0 | 1 << GeneralCategories.bit($1)
    }
    private static let digitCategory: UInt32 = 1 << GeneralCategories.bit(.decimalNumber)

    /// ICU `\s`: `[\t\n\f\r\p{Z}]`, plus U+000B and U+0085 which ICU also treats as white space.
    @inline(__always)
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 128 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v == 0x85 || v == 0xA0 { return true }
        return GeneralCategories.mask(of: c) & spaceCategories != 0
    }

    /// Line terminators, which `.` does not match without the `s` flag.
    @inline(__always)
    static func isLineTerminator(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v == 0x0A || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        GeneralCategories.mask(of: c) & digitCategory != 0
    }

    /// The scalars a case-insensitive match treats as equal to `c` (simple case mappings).
    static func caseVariants(_ c: Unicode.Scalar) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = [c]
        let p = c.properties
        for mapped in [p.lowercaseMapping, p.uppercaseMapping, p.titlecaseMapping] {
            let scalars = Array(mapped.unicodeScalars)
            if scalars.count == 1, !out.contains(scalars[0]) { out.append(scalars[0]) }
        }
        return out
    }
}

/// Character properties the segmenter asks about on every candidate, as one table lookup for
/// U+0000–U+20FF and Unicode's own tables beyond.
enum ScalarFlags {
    static let letterOrMark: UInt8 = 1
    static let uppercase: UInt8 = 2
    static let space: UInt8 = 4

    static let table: [UInt8] = (0..<ScalarSet.tableLimit).map { v in
        guard let c = Unicode.Scalar(v) else { return 0 }
        var f: UInt8 = 0
        if compute(c, letterOrMark) { f |= letterOrMark }
        if compute(c, uppercase) { f |= uppercase }
        if compute(c, space) { f |= space }
        return f
    }

    @inline(__always)
    static func test(_ c: Unicode.Scalar, _ flag: UInt8) -> Bool {
        let v = c.value
        if v < ScalarSet.tableLimit { return table[Int(v)] & flag != 0 }
        return compute(c, flag)
    }

    static func compute(_ c: Unicode.Scalar, _ flag: UInt8) -> Bool {
        switch flag {
        case letterOrMark:
            switch c.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark:
                return true
            default:
                return false
            }
        case uppercase: return c.properties.isUppercase
        default: return ScalarClasses.isSpace(c)
        }
    }
}
