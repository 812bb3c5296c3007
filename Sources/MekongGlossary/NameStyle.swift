import Foundation
import MekongText

/// How a Vietnamese name is written in French text.
public enum NameStyle: String, Sendable, CaseIterable, Codable {
    /// Full Vietnamese diacritics: "Trần Quốc Cường".
    case full
    /// The French press convention: the accents French typography has stay (à â é è ê ô ù…),
    /// Vietnamese-only ones go (đ→d, ơ→o, ư→u, ă→a, tone marks dropped): "Trân Quôc Cuong".
    case press
    /// No diacritics at all: "Tran Quoc Cuong".
    case ascii

    /// The form of a Vietnamese name in this style, derived from its full form.
    public func form(of vietnamese: String) -> String {
        switch self {
        case .full: return vietnamese
        case .press: return Self.press(vietnamese)
        case .ascii: return Self.ascii(vietnamese)
        }
    }

    /// Letters French writes with an accent: base letter + one mark.
    private static let frenchAccents: Set<String> = [
        "a\u{300}", "a\u{302}", "e\u{301}", "e\u{300}", "e\u{302}", "e\u{308}",
        "i\u{302}", "i\u{308}", "o\u{302}", "u\u{300}", "u\u{302}", "u\u{308}", "y\u{308}",
    ]

    static func press(_ vi: String) -> String {
        var out = ""
        // Per base letter: its marks (NFD), then keep the French-compatible combination.
        let scalars = Array(vi.decomposedStringWithCanonicalMapping.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let base = scalars[i]
            var marks: [Unicode.Scalar] = []
            var j = i + 1
            while j < scalars.count, (0x0300...0x036F).contains(scalars[j].value) {
                marks.append(scalars[j])
                j += 1
            }
            i = j
            switch base {
            case "Đ":
                out += "D"
                continue
            case "đ":
                out += "d"
                continue
            default: break
            }
            let lower = String(base).lowercased()
            // Vietnamese-only modifiers go: breve (ă), horn (ơ ư).
            let modifiers = marks.filter { $0 == "\u{302}" }  // circumflex stays (â ê ô)
            let tones = marks.filter { ["\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"].contains($0) }
            var kept = modifiers
            if modifiers.isEmpty && !marks.contains("\u{306}") && !marks.contains("\u{31B}"),
                let tone = tones.first, tones.count == 1, frenchAccents.contains(lower + String(tone))
            {
                kept = [tone]
            }
            if kept.count == 1, !frenchAccents.contains(lower + String(kept[0])) { kept = [] }
            var s = String(base)
            for m in kept { s.unicodeScalars.append(m) }
            out += s
        }
        return out.precomposedStringWithCanonicalMapping
    }

    static func ascii(_ vi: String) -> String {
        var out = String.UnicodeScalarView()
        for s in vi.decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x0300...0x036F).contains(s.value) { continue }
            switch s {
            case "Đ": out.append("D")
            case "đ": out.append("d")
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// Whether a name needs Vietnamese letters (so that styles apply to it).
    public static func looksVietnamese(_ s: String) -> Bool {
        s.unicodeScalars.contains { Language.isVietnameseOnly($0.value) } || s != ascii(s)
    }

    /// The styles a written form of a Vietnamese name satisfies (compared without case).
    static func styles(of written: String, vietnamese: String) -> Set<NameStyle> {
        let w = comparable(written)
        return Set(allCases.filter { comparable($0.form(of: vietnamese)) == w })
    }

    /// A ``comparable(_:)`` form with the tone of every final oa, oe, uy on its first vowel
    /// (hoà → hòa, thuỷ → thủy; not quý, where u belongs to qu): the two tone placements
    /// Vietnamese uses compare equal.
    public static func toneNeutral(_ comparable: String) -> String {
        let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
        var out: [String] = []
        for word in comparable.split(separator: " ", omittingEmptySubsequences: false) {
            var letters: [[Unicode.Scalar]] = []
            for u in String(word).decomposedStringWithCanonicalMapping.unicodeScalars {
                if (0x0300...0x036F).contains(u.value), !letters.isEmpty {
                    letters[letters.count - 1].append(u)
                } else {
                    letters.append([u])
                }
            }
            let n = letters.count
            if n >= 2 {
                let a = letters[n - 2][0]
                let b = letters[n - 1][0]
                let pair =
                    (a == "o" && (b == "a" || b == "e"))
                    || (a == "u" && b == "y" && !(n >= 3 && letters[n - 3][0] == "q"))
                if pair, let t = letters[n - 1].first(where: { tones.contains($0.value) }),
                    !letters[n - 2].contains(where: { tones.contains($0.value) })
                {
                    letters[n - 1].removeAll { tones.contains($0.value) }
                    letters[n - 2].append(t)
                }
            }
            var s = String.UnicodeScalarView()
            for l in letters { s.append(contentsOf: l) }
            out.append(String(s).precomposedStringWithCanonicalMapping)
        }
        return out.joined(separator: " ")
    }

    /// For comparisons that care about diacritics only: lower case, apostrophes, hyphens and
    /// white space unified, NFC. Runs on every name found, so it avoids Foundation unless the
    /// text has combining marks.
    public static func comparable(_ s: String) -> String {
        var source = s
        if s.unicodeScalars.contains(where: { (0x0300...0x036F).contains($0.value) }) {
            source = s.precomposedStringWithCanonicalMapping
        }
        var out = String.UnicodeScalarView()
        var space = false
        for u in source.unicodeScalars {
            let v = u.value
            if v == 0x20 || v == 0x2D || v == 0xA0 || v == 0x202F || v == 0x09 {
                space = !out.isEmpty
                continue
            }
            // invisible: own rule
            if v == 0x200B || v == 0x200C || v == 0x200D || v == 0x2060 || v == 0xFEFF || v == 0xAD { continue }
            if space {
                out.append(" ")
                space = false
            }
            if v < 0x80 {
                out.append((0x41...0x5A).contains(v) ? Unicode.Scalar(v + 0x20)! : u)
            } else if v == 0x2019 {
                out.append("'")
            } else if v == 0x00D0 || v == 0x0189 || v == 0x00F0 || v == 0x0256 {
                out.append("đ")  // look-alikes of Đ/đ: their own rule reports them
            } else if u.properties.changesWhenLowercased {
                out.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }
}
