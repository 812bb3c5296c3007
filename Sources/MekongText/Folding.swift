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
    public static func key(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                switch b {
                case 0x41...0x5A: flush(&out, &pendingSpace); out.append(Unicode.Scalar(b + 0x20))
                case 0x61...0x7A, 0x30...0x39: flush(&out, &pendingSpace); out.append(scalar)
                default: pendingSpace = !out.isEmpty
                }
                continue
            }
            if (0x0300...0x036F).contains(v) { continue }               // combining diacritics
            if let folded = latinTable[v] {
                flush(&out, &pendingSpace)
                out.append(contentsOf: folded.unicodeScalars)
                continue
            }
            let p = scalar.properties
            switch p.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
                 .dashPunctuation, .connectorPunctuation, .otherPunctuation, .openPunctuation,
                 .closePunctuation, .initialPunctuation, .finalPunctuation:
                pendingSpace = !out.isEmpty
            default:
                flush(&out, &pendingSpace)
                let lower = p.lowercaseMapping.unicodeScalars
                out.append(contentsOf: lower)
            }
        }
        return String(out)
    }

    /// Lao text with the tone marks (U+0EC8–U+0ECB) removed; vowel signs, which are combining
    /// marks too, stay. Lao transliterations of foreign names vary mostly in their tone marks.
    public static func laoWithoutToneMarks(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where !(0x0EC8...0x0ECB).contains(s.value) { out.append(s) }
        return String(out)
    }

    /// Whether `text` contains Lao script.
    public static func containsLao(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0E80...0x0EFF).contains($0.value) }
    }

    private static func flush(_ out: inout String.UnicodeScalarView, _ pending: inout Bool) {
        if pending { out.append(" "); pending = false }
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
        for (v, s) in [(0x0110, "d"), (0x0111, "d"), (0x00D0, "d"), (0x00F0, "d"), (0x0189, "d"), (0x0256, "d"),
                       (0x0152, "oe"), (0x0153, "oe"), (0x00C6, "ae"), (0x00E6, "ae"), (0x00DF, "ss"),
                       (0x01A0, "o"), (0x01A1, "o"), (0x01AF, "u"), (0x01B0, "u"), (0x00D8, "o"), (0x00F8, "o")] as [(UInt32, String)] {
            table[v] = s
        }
        return table
    }()
}
