import Foundation

/// Keys for finding names whatever their case, diacritics and punctuation.
///
/// `"Điện Biên"`, `"Diên Biên"`, `"dien-bien"` and `"DIEN BIEN"` all fold to `"dien bien"`. Unlike
/// Foundation's diacritic folding, Đ/đ fold to d (and so do the look-alikes Ð U+00D0 and Ɖ U+0189,
/// so a mis-typed name is still found); œ/æ fold to oe/ae; apostrophes, hyphens, dots and other
/// punctuation become spaces; runs of white space collapse. Lao is kept as it is: its vowel signs
/// are combining marks but not diacritics (see ``laoWithoutToneMarks(_:)`` for the tone marks).
public enum Folding {
    /// The folded key of `text`.
    ///
    /// - Complexity: O(*n*); ASCII bytes and Latin letters are table lookups (this runs on every
    ///   form when a glossary is indexed, and on every candidate name in `mekong check`).
    public static func key(_ text: String) -> String {
        String(decoding: keyBytes(text), as: UTF8.self)
    }

    /// The folded key as UTF-8 bytes (no String is built: for indexes).
    public static func keyBytes(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { keyBytes(utf8: $0) }
    }

    /// The folded key of valid UTF-8 bytes.
    public static func keyBytes(utf8 buf: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(buf.count)
        var pendingSpace = false
        let n = buf.count
        var i = 0
        foldIndex.withUnsafeBufferPointer { index in
            foldBytes.withUnsafeBufferPointer { folds in
                while i < n {
                    let b = buf[i]
                    if b < 0x80 {
                        switch b {
                        case 0x41...0x5A:
                            if pendingSpace {
                                out.append(0x20)
                                pendingSpace = false
                            }
                            out.append(b + 0x20)
                        case 0x61...0x7A, 0x30...0x39:
                            if pendingSpace {
                                out.append(0x20)
                                pendingSpace = false
                            }
                            out.append(b)
                        default:
                            pendingSpace = !out.isEmpty
                        }
                        i += 1
                        continue
                    }
                    let (v, len) = decodeScalar(buf, at: i)
                    let start = i
                    i += len
                    if v >= 0x0300 && v <= 0x036F { continue }  // combining diacritics
                    if v < latinLimit {
                        let entry = index[Int(v)]
                        if entry != 0 {
                            if pendingSpace {
                                out.append(0x20)
                                pendingSpace = false
                            }
                            let offset = Int(entry >> 8)
                            let count = Int(entry & 0xFF)
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: folds[offset..<(offset + count)]))
                            continue
                        }
                    }
                    switch kind(of: v) {
                    case .separator:
                        pendingSpace = !out.isEmpty
                    case .upper(let lower):
                        if pendingSpace {
                            out.append(0x20)
                            pendingSpace = false
                        }
                        out.append(contentsOf: lower.utf8)
                    case .letter, .other:
                        if pendingSpace {
                            out.append(0x20)
                            pendingSpace = false
                        }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<min(i, n)]))
                    }
                }
            }
        }
        return out
    }

    static let latinLimit: UInt32 = 0x1F00

    /// The scalar starting at byte `i` of valid UTF-8 (`buf[i]` ≥ 0x80) and its length: the one
    /// UTF-8 decoder of the hot paths (folding, the name matcher, the syllable rule).
    @inlinable @inline(__always)
    public static func decodeScalar(_ buf: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = buf[i]
        let len = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        var v = UInt32(b) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
        for k in 1..<len where i + k < buf.count { v = (v << 6) | (UInt32(buf[i + k]) & 0x3F) }
        return (v, len)
    }

    /// What folding does with a scalar outside ASCII and the Latin table.
    enum ScalarKind {
        /// White space, punctuation, controls: ends a word.
        case separator
        /// An upper-case letter, with its lower-case form.
        case upper(String)
        /// Letters, digits, marks: kept as they are.
        case letter
        /// Symbols and the rest (kept by ``key(_:)``; a word break for ``forEachWord(in:_:)``).
        case other
    }

    static func kind(of v: UInt32) -> ScalarKind {
        let p = (Unicode.Scalar(v) ?? "\u{FFFD}").properties
        switch p.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
            .dashPunctuation, .connectorPunctuation, .otherPunctuation, .openPunctuation,
            .closePunctuation, .initialPunctuation, .finalPunctuation:
            return .separator
        case .uppercaseLetter, .titlecaseLetter:
            return .upper(p.lowercaseMapping)
        case .lowercaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .otherNumber, .letterNumber,
            .nonspacingMark, .spacingMark:
            return .letter
        default:
            return .other
        }
    }

    /// For U+v below ``latinLimit``: 0, or (offset << 8 | length) of its folded UTF-8 in ``foldBytes``.
    static let foldIndex: [UInt32] = buildFoldTables().index
    static let foldBytes: [UInt8] = buildFoldTables().bytes

    private static func buildFoldTables() -> (index: [UInt32], bytes: [UInt8]) {
        var index = [UInt32](repeating: 0, count: Int(latinLimit))
        var bytes: [UInt8] = []
        for (v, s) in latinTable.sorted(by: { $0.key < $1.key }) where v < latinLimit {
            let utf8 = Array(s.utf8)
            index[Int(v)] = UInt32(bytes.count) << 8 | UInt32(utf8.count)
            bytes += utf8
        }
        return (index, bytes)
    }

    /// Lao text with the tone marks (U+0EC8–U+0ECB) removed; vowel signs, which are combining
    /// marks too, stay. Lao transliterations of foreign names vary mostly in their tone marks.
    public static func laoWithoutToneMarks(_ text: String) -> String {
        String(decoding: laoWithoutToneMarks(utf8: Array(text.utf8)), as: UTF8.self)
    }

    /// The same on UTF-8 bytes (the tone marks are E0 BB 88–8B).
    public static func laoWithoutToneMarks(utf8 bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0xE0) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0xE0, i + 2 < bytes.count, bytes[i + 1] == 0xBB, (0x88...0x8B).contains(bytes[i + 2]) {
                i += 3
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// Whether `text` contains Lao script.
    public static func containsLao(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0E80...0x0EFF).contains($0.value) }
    }

    /// Latin letters with diacritics (U+00C0–U+024F, U+1E00–U+1EFF) → lower-case base letters,
    /// computed once from Unicode's canonical decompositions.
    static let latinTable: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic else { continue }
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                guard let base = decomposed.first else { continue }
                var result = String(base).lowercased()
                if result.unicodeScalars.contains(where: { $0.value > 0x7F }) { result = String(scalar).lowercased() }
                table[v] = result
            }
        }
        for (v, s) in [
            (0x0110, "d"), (0x0111, "d"), (0x00D0, "d"), (0x00F0, "d"), (0x0189, "d"), (0x0256, "d"),
            (0x0152, "oe"), (0x0153, "oe"), (0x00C6, "ae"), (0x00E6, "ae"), (0x00DF, "ss"),
            (0x01A0, "o"), (0x01A1, "o"), (0x01AF, "u"), (0x01B0, "u"), (0x00D8, "o"), (0x00F8, "o"),
        ] as [(UInt32, String)] {
            table[v] = s
        }
        return table
    }()
}
